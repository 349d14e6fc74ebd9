namespace Frugal.Domain.Usage;

/// <summary>
/// Token counts of one or more model calls, in disjoint categories: no token is counted in two of
/// <see cref="InputTokens"/>, <see cref="CacheWrite5mTokens"/>, <see cref="CacheWrite1hTokens"/>,
/// <see cref="CacheReadTokens"/> and <see cref="OutputTokens"/>.
/// </summary>
/// <param name="InputTokens">Uncached input tokens.</param>
/// <param name="CacheWrite5mTokens">Input tokens written to a cache that lives five minutes.</param>
/// <param name="CacheWrite1hTokens">Input tokens written to a cache that lives one hour.</param>
/// <param name="CacheReadTokens">Input tokens read from a cache.</param>
/// <param name="OutputTokens">Output tokens, reasoning included.</param>
/// <param name="ReasoningTokens">The part of <see cref="OutputTokens"/> spent on reasoning; shown, never added.</param>
public readonly record struct TokenCounts(
    long InputTokens,
    long CacheWrite5mTokens,
    long CacheWrite1hTokens,
    long CacheReadTokens,
    long OutputTokens,
    long ReasoningTokens = 0)
{
    /// <summary>No tokens at all.</summary>
    public static TokenCounts Zero => default;

    /// <summary>All cache writes, whatever their lifetime.</summary>
    public long CacheWriteTokens => checked(CacheWrite5mTokens + CacheWrite1hTokens);

    /// <summary>Every input token of the call: uncached, cache writes and cache reads.</summary>
    public long PromptTokens => checked(InputTokens + CacheWrite5mTokens + CacheWrite1hTokens + CacheReadTokens);

    /// <summary>Prompt and output tokens; reasoning is already inside output.</summary>
    public long TotalTokens => checked(PromptTokens + OutputTokens);

    /// <summary>Whether every category is zero or positive.</summary>
    public bool IsNonNegative =>
        InputTokens >= 0 && CacheWrite5mTokens >= 0 && CacheWrite1hTokens >= 0 && CacheReadTokens >= 0
        && OutputTokens >= 0 && ReasoningTokens >= 0;

    /// <summary>Adds two counts category by category, failing on overflow.</summary>
    public static TokenCounts operator +(TokenCounts left, TokenCounts right) => new(
        checked(left.InputTokens + right.InputTokens),
        checked(left.CacheWrite5mTokens + right.CacheWrite5mTokens),
        checked(left.CacheWrite1hTokens + right.CacheWrite1hTokens),
        checked(left.CacheReadTokens + right.CacheReadTokens),
        checked(left.OutputTokens + right.OutputTokens),
        checked(left.ReasoningTokens + right.ReasoningTokens));

    /// <summary>Adds two counts; the named form of <c>+</c>.</summary>
    public static TokenCounts Add(TokenCounts left, TokenCounts right) => left + right;
}
