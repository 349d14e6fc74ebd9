namespace Frugal.Domain.Usage;

/// <summary>Which figures of a usage record were reported by the source and which were estimated.</summary>
[Flags]
public enum Provenance
{
    /// <summary>Every figure was reported as it is.</summary>
    None = 0,

    /// <summary>The source gave cache writes without their lifetime; they are counted as five-minute writes.</summary>
    CacheWriteLifetimeAssumed = 1,

    /// <summary>The source counted cached input inside input; Frugal split it into disjoint categories.</summary>
    CachedInputSplit = 2,


    /// <summary>The tokens were computed as the growth of a cumulative counter.</summary>
    CumulativeDelta = 8,

    /// <summary>The source wrote its own cost figure, kept in <see cref="UsageRecord.CostReportedUsd"/>.</summary>
    CostReported = 16,

    /// <summary>The source reported no tokens; Frugal counted them with a tokenizer, so they are an estimate.</summary>
    TokensEstimated = 32,
}
