using System.Text.RegularExpressions;

namespace Frugal.Domain.Prompts.Lint;

/// <summary>
/// Common credential shapes in plain text: OpenAI and Anthropic keys, GitHub tokens, AWS access key ids, Slack
/// tokens, PEM private keys and Frugal's own virtual keys. A match is reported by its pattern's name only: the
/// secret itself is never echoed.
/// </summary>
public static partial class SecretPatterns
{
    /// <summary>The names of the patterns, in the order they are tried.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "Anthropic API key", "OpenAI API key", "GitHub token", "AWS access key id", "Slack token", "private key",
        "Frugal key",
    ];

    /// <summary>Every secret-looking string in <paramref name="text"/>: its pattern's name and offset.</summary>
    public static IReadOnlyList<(string Name, int Offset)> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(string, int)>();
        foreach (Match match in Pattern().Matches(text))
        {
            for (var i = 0; i < Names.Count; i++)
            {
                if (match.Groups[i + 1].Success)
                {
                    found.Add((Names[i], match.Index));
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// <paramref name="text"/> with every secret-looking string replaced by its pattern's name in brackets, for any
    /// message that quotes a file's text (a test case id or key can hold a pasted key too).
    /// </summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Pattern().Replace(text, match =>
        {
            for (var i = 0; i < Names.Count; i++)
            {
                if (match.Groups[i + 1].Success)
                {
                    return $"[{Names[i]}]";
                }
            }

            return "[secret]";
        });
    }

    [GeneratedRegex(
        @"\b(sk-ant-[A-Za-z0-9_-]{20,})|\b(sk-(?:proj-|svcacct-)?(?=[A-Za-z_-]*[0-9])[A-Za-z0-9_-]{20,})"
        + @"|\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})"
        + @"|\b((?:AKIA|ASIA)[0-9A-Z]{16})\b|\b(xox[abposr]-[A-Za-z0-9-]{10,})"
        + @"|(-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----)|\b(frugal-[A-Za-z0-9]{40})\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
