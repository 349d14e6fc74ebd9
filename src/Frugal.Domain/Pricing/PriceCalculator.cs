using Frugal.Domain.Usage;

namespace Frugal.Domain.Pricing;

/// <summary>Prices one call from its tokens, web searches, speed mode and date.</summary>
public static class PriceCalculator
{
    private const decimal TokensPerMillion = 1_000_000m;

    /// <summary>
    /// The cost of a call under <paramref name="price"/>. Above the long-context threshold the whole request is
    /// charged at the long-context rates; a speed multiplier in force on <paramref name="date"/> multiplies the
    /// token parts; web searches are added at the per-thousand price.
    /// </summary>
    public static CallCost Cost(
        ModelPrice price, TokenCounts tokens, long webSearchRequests, string? speed, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(price);
        var longContext = price.LongContext is { } rule && tokens.PromptTokens > rule.ThresholdPromptTokens;
        return Cost(price, tokens, webSearchRequests, speed, date, longContext);
    }

    /// <summary>
    /// The cost of calls summed together that were all above (or all at or below) the long-context threshold, as
    /// <paramref name="longContext"/> says; pricing is linear in tokens once that is fixed.
    /// </summary>
    public static CallCost Cost(
        ModelPrice price, TokenCounts tokens, long webSearchRequests, string? speed, DateOnly date, bool longContext)
    {
        ArgumentNullException.ThrowIfNull(price);
        longContext &= price.LongContext is not null;
        var rates = longContext ? price.LongContext!.Rates : price.Rates;
        var multiplier = SpeedFactor(price, speed, date);

        var input = PerMillion(tokens.InputTokens, rates.InputPerMTok) * multiplier;
        var cacheWrite = (PerMillion(tokens.CacheWrite5mTokens, rates.EffectiveCacheWrite5mPerMTok)
            + PerMillion(tokens.CacheWrite1hTokens, rates.EffectiveCacheWrite1hPerMTok)) * multiplier;
        var cacheRead = PerMillion(tokens.CacheReadTokens, rates.EffectiveCacheReadPerMTok) * multiplier;
        var output = PerMillion(tokens.OutputTokens, rates.OutputPerMTok) * multiplier;
        var webSearch = webSearchRequests * price.WebSearchPerThousandUsd / 1000m;

        return new CallCost(input, cacheWrite, cacheRead, output, webSearch, multiplier, longContext);
    }

    private static decimal SpeedFactor(ModelPrice price, string? speed, DateOnly date)
    {
        foreach (var candidate in price.SpeedMultipliers)
        {
            if (candidate.AppliesTo(speed, date))
            {
                return candidate.Multiplier;
            }
        }

        return 1m;
    }

    private static decimal PerMillion(long tokens, decimal usdPerMillion) => tokens * usdPerMillion / TokensPerMillion;
}
