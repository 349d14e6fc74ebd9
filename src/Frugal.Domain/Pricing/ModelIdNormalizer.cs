using System.Text.RegularExpressions;

namespace Frugal.Domain.Pricing;

/// <summary>
/// Turns a model id as tools write it (<c>us.anthropic.claude-sonnet-4-5-20250929-v1:0</c>,
/// <c>openrouter/anthropic/claude-opus-4.6</c>, <c>claude-opus-4-6@default</c>) into the candidates a price table is
/// searched for, most specific first, each with the step that produced it.
/// </summary>
public static partial class ModelIdNormalizer
{
    /// <summary>
    /// Yields the id itself (lower case), then each further normalised form that differs from the last.
    /// </summary>
    public static IEnumerable<(string Candidate, string Step)> Candidates(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        var current = modelId.Trim().ToLowerInvariant();
        yield return (current, "as written (lower case)");

        foreach (var (step, transform) in Steps)
        {
            var next = transform(current);
            if (next.Length > 0 && next != current)
            {
                current = next;
                yield return (current, step);
            }
        }
    }

    private static readonly (string Step, Func<string, string> Transform)[] Steps =
    [
        ("dropped the context-size suffix", id => ContextSuffix().Replace(id, string.Empty)),
        ("dropped the provider or router prefix", DropPathPrefix),
        ("dropped the regional provider prefix", id => RegionalPrefix().Replace(id, string.Empty)),
        ("dropped the @version suffix", id => AtVersion().Replace(id, string.Empty)),
        ("dropped the Bedrock version suffix", id => BedrockVersion().Replace(id, string.Empty)),
        ("dropped the date suffix", id => DateSuffix().Replace(id, string.Empty)),
        ("wrote version dots as dashes", id => VersionDot().Replace(id, "$1-$2")),
    ];

    private static string DropPathPrefix(string id)
    {
        var slash = id.LastIndexOf('/');
        return slash >= 0 ? id[(slash + 1)..] : id;
    }

    [GeneratedRegex(@"\[[^\]]*\]$")]
    private static partial Regex ContextSuffix();

    [GeneratedRegex(@"^(?:(?:us|eu|apac|ap|jp|au|ca|global|us-gov)\.)?(?:anthropic|openai|meta|mistral|amazon)\.")]
    private static partial Regex RegionalPrefix();

    [GeneratedRegex(@"@[^@]*$")]
    private static partial Regex AtVersion();

    [GeneratedRegex(@"-v\d+(?::[0-9a-z]+)*$")]
    private static partial Regex BedrockVersion();

    [GeneratedRegex(@"-(?:\d{8}|\d{4}-\d{2}-\d{2})$")]
    private static partial Regex DateSuffix();

    [GeneratedRegex(@"(\d)\.(\d)")]
    private static partial Regex VersionDot();
}
