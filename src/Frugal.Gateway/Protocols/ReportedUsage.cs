using System.Text.Json;
using Frugal.Domain.Energy;
using Frugal.Domain.Usage;

namespace Frugal.Gateway.Protocols;

/// <summary>The usage an upstream reported, in Frugal's disjoint token categories, and a local server's
/// timings.</summary>
/// <param name="Tokens">The tokens.</param>
/// <param name="Timings">Prompt, generation and load time a local server reported, or null.</param>
public sealed record ReportedUsage(TokenCounts Tokens, LocalTimings? Timings)
{
    /// <summary>
    /// Reads an OpenAI-style <c>usage</c> (prompt tokens include cached ones; completion includes reasoning) and,
    /// beside it in <paramref name="owner"/>, llama.cpp's <c>timings</c> in milliseconds. Null without usage.
    /// </summary>
    public static ReportedUsage? FromOpenAI(JsonElement owner)
    {
        LocalTimings? timings = null;
        if (owner.TryGetProperty("timings", out var t) && t.ValueKind == JsonValueKind.Object
            && Number(t, "prompt_ms") is { } promptMs && Number(t, "predicted_ms") is { } predictedMs)
        {
            timings = LocalTimings.FromLlamaCppMilliseconds(Math.Max(0, promptMs), Math.Max(0, predictedMs));
        }

        if (!owner.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object)
        {
            return timings is null ? null : new ReportedUsage(TokenCounts.Zero, timings) { TokensMissing = true };
        }

        if (Absurd(usage, "prompt_tokens", "completion_tokens", "input_tokens", "output_tokens"))
        {
            return new ReportedUsage(TokenCounts.Zero, timings) { TokensMissing = true };
        }

        var prompt = Whole(usage, "prompt_tokens") ?? Whole(usage, "input_tokens") ?? 0;
        var output = Whole(usage, "completion_tokens") ?? Whole(usage, "output_tokens") ?? 0;
        var cached = 0L;
        if (usage.TryGetProperty("prompt_tokens_details", out var details) && details.ValueKind == JsonValueKind.Object)
        {
            cached = Whole(details, "cached_tokens") ?? 0;
        }

        var reasoning = 0L;
        if (usage.TryGetProperty("completion_tokens_details", out var completion)
            && completion.ValueKind == JsonValueKind.Object)
        {
            reasoning = Whole(completion, "reasoning_tokens") ?? 0;
        }

        cached = Math.Clamp(cached, 0, prompt);
        return new ReportedUsage(
            new TokenCounts(prompt - cached, 0, 0, cached, output, Math.Clamp(reasoning, 0, output)), timings);
    }

    /// <summary>
    /// Reads an Anthropic <c>usage</c> object: input excludes cache reads and writes; cache writes split into five
    /// minutes and one hour when the split is given. Null when it holds no token field.
    /// </summary>
    public static ReportedUsage? FromAnthropic(JsonElement usage)
    {
        if (usage.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var input = Whole(usage, "input_tokens");
        var output = Whole(usage, "output_tokens");
        if (Absurd(usage, "input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"))
        {
            return new ReportedUsage(TokenCounts.Zero, null) { TokensMissing = true };
        }

        if (input is null && output is null)
        {
            return null;
        }

        var write = Whole(usage, "cache_creation_input_tokens") ?? 0;
        long write1h = 0;
        if (usage.TryGetProperty("cache_creation", out var creation) && creation.ValueKind == JsonValueKind.Object)
        {
            write1h = Math.Clamp(Whole(creation, "ephemeral_1h_input_tokens") ?? 0, 0, write);
        }

        return new ReportedUsage(
            new TokenCounts(input ?? 0, write - write1h, write1h, Whole(usage, "cache_read_input_tokens") ?? 0,
                output ?? 0), null);
    }

    /// <summary>Whether the upstream reported timings but no tokens.</summary>
    public bool TokensMissing { get; init; }

    /// <summary>
    /// Merges a later cumulative Anthropic usage into this one: a field the later one gives replaces this one's,
    /// so the last value of each counts (never a sum).
    /// </summary>
    public static ReportedUsage MergeCumulative(ReportedUsage? earlier, JsonElement later)
    {
        var e = earlier?.Tokens ?? TokenCounts.Zero;
        if (later.ValueKind != JsonValueKind.Object)
        {
            return earlier ?? new ReportedUsage(TokenCounts.Zero, null);
        }

        var write = Whole(later, "cache_creation_input_tokens");
        return new ReportedUsage(
            new TokenCounts(
                Whole(later, "input_tokens") ?? e.InputTokens,
                write ?? e.CacheWrite5mTokens,
                write is null ? e.CacheWrite1hTokens : 0,
                Whole(later, "cache_read_input_tokens") ?? e.CacheReadTokens,
                Whole(later, "output_tokens") ?? e.OutputTokens),
            null);
    }

    /// <summary>
    /// Whether a token field is present but not a count one call can have (negative, fractional, above
    /// <see cref="MaxTokensPerCall"/>): then the usage is not trusted and the tokens are counted here.
    /// </summary>
    private static bool Absurd(JsonElement usage, params string[] names) =>
        names.Any(name => usage.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            && Whole(usage, name) is null);

    /// <summary>
    /// The most tokens one call may report; a larger figure is taken as not reported (and counted here).
    /// </summary>
    public const long MaxTokensPerCall = 100_000_000;

    private static long? Whole(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt64(out var n) && n is >= 0 and <= MaxTokensPerCall
            ? n
            : null;

    private static double? Number(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetDouble(out var d) && double.IsFinite(d)
            ? d
            : null;
}
