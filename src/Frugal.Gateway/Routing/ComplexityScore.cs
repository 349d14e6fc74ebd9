using Frugal.Gateway.Protocols;

namespace Frugal.Gateway.Routing;

/// <summary>
/// A cheap guess, from 0 to 1, of how hard a request is, read from its shape in microseconds: long prompts, code,
/// tools, many turns, asked-for reasoning and words that ask for design or proof push it up. A route starts a call
/// scoring at or above its threshold at its first hosted model instead of its first local one.
/// </summary>
public static class ComplexityScore
{
    private static readonly string[] HardWords =
        ["prove", "proof", "architecture", "design a", "refactor", "optimi", "step by step", "analy", "debug",
            "security", "concurren", "algorithm", "derive"];

    /// <summary>The score of <paramref name="traits"/>, with <paramref name="promptTokens"/> estimated.</summary>
    public static double Of(RequestTraits traits, long promptTokens)
    {
        ArgumentNullException.ThrowIfNull(traits);
        var score = 0.0;
        score += promptTokens switch
        {
            > 16_000 => 0.45,
            > 4_000 => 0.3,
            > 1_000 => 0.1,
            _ => 0,
        };
        score += traits.Reasoning ? 0.35 : 0;
        score += traits.Tools ? 0.15 : 0;
        score += traits.Messages > 12 ? 0.1 : 0;
        var fences = CountOf(traits.Text, "```");
        score += fences >= 4 ? 0.15 : fences >= 2 ? 0.05 : 0;
        var lower = (traits.Text.Length > 20_000 ? traits.Text[..20_000] : traits.Text).ToLowerInvariant();
        score += Math.Min(0.3, 0.1 * HardWords.Count(w => lower.Contains(w, StringComparison.Ordinal)));
        return Math.Min(1, score);
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0;
             i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
