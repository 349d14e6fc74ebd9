namespace Frugal.Domain.Energy.Advice;

/// <summary>
/// The stated limits a past call must be within to count as one a local model could have served.
/// </summary>
/// <param name="MaxContextTokens">The largest context window considered, in tokens (the cap).</param>
/// <param name="MaxOutputTokens">The most output a call may have produced, in tokens.</param>
/// <param name="MinContextTokens">The smallest context window a tier's model is accepted at.</param>
public sealed record LocalFitLimits(int MaxContextTokens, long MaxOutputTokens, int MinContextTokens)
{
    /// <summary>
    /// 32,768 tokens of context at most, 2,048 output tokens at most, 8,192 tokens of context at least.
    /// </summary>
    public static LocalFitLimits Default { get; } = new(32_768, 2_048, 8_192);
}
