namespace Frugal.Domain.Pricing;

/// <summary>
/// Prices of one model in USD per million tokens. A missing cache price means the provider publishes none:
/// cache reads and five-minute writes are then charged at the input price, one-hour writes at the five-minute price.
/// </summary>
/// <param name="InputPerMTok">Uncached input, USD per million tokens.</param>
/// <param name="OutputPerMTok">Output (reasoning included), USD per million tokens.</param>
/// <param name="CacheReadPerMTok">Cache reads, USD per million tokens, or null when not published.</param>
/// <param name="CacheWrite5mPerMTok">Five-minute cache writes, USD per million tokens, or null.</param>
/// <param name="CacheWrite1hPerMTok">One-hour cache writes, USD per million tokens, or null.</param>
public sealed record TokenRates(
    decimal InputPerMTok,
    decimal OutputPerMTok,
    decimal? CacheReadPerMTok = null,
    decimal? CacheWrite5mPerMTok = null,
    decimal? CacheWrite1hPerMTok = null)
{
    /// <summary>The cache-read price in force, falling back to the input price.</summary>
    public decimal EffectiveCacheReadPerMTok => CacheReadPerMTok ?? InputPerMTok;

    /// <summary>The five-minute cache-write price in force, falling back to the input price.</summary>
    public decimal EffectiveCacheWrite5mPerMTok => CacheWrite5mPerMTok ?? InputPerMTok;

    /// <summary>The one-hour cache-write price in force, falling back to the five-minute price.</summary>
    public decimal EffectiveCacheWrite1hPerMTok => CacheWrite1hPerMTok ?? EffectiveCacheWrite5mPerMTok;
}
