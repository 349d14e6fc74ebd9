namespace Frugal.Domain.Pricing;

/// <summary>The cost of one call in USD, split the way a provider's invoice would split it.</summary>
/// <param name="InputUsd">Uncached input.</param>
/// <param name="CacheWriteUsd">Cache writes, both lifetimes.</param>
/// <param name="CacheReadUsd">Cache reads.</param>
/// <param name="OutputUsd">Output, reasoning included.</param>
/// <param name="WebSearchUsd">Web-search requests.</param>
/// <param name="SpeedMultiplier">The speed-mode factor applied to the token parts (1 when none).</param>
/// <param name="LongContextApplied">Whether the long-context rates priced the whole request.</param>
public readonly record struct CallCost(
    decimal InputUsd,
    decimal CacheWriteUsd,
    decimal CacheReadUsd,
    decimal OutputUsd,
    decimal WebSearchUsd,
    decimal SpeedMultiplier,
    bool LongContextApplied)
{
    /// <summary>The whole cost of the call.</summary>
    public decimal TotalUsd => InputUsd + CacheWriteUsd + CacheReadUsd + OutputUsd + WebSearchUsd;
}
