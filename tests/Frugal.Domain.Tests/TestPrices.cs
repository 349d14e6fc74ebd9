using Frugal.Domain.Pricing;

namespace Frugal.Domain.Tests;

/// <summary>
/// Prices built by hand from Anthropic's published figures (the same figures data/prices.json ships), so the
/// domain tests need no price file and each expected cost can be worked out from the numbers written here.
/// </summary>
internal static class TestPrices
{
    public const string SonnetId = "claude-sonnet-4-5-20250929";
    public const string SonnetAlias = "claude-sonnet-4-5";
    public const string OpusId = "claude-opus-4-6";
    public const string HaikuId = "claude-haiku-4-5";

    /// <summary>
    /// Sonnet 4.5: $3 input, $15 output, $0.30 cache read, $3.75 five-minute write, $6 one-hour write per MTok;
    /// above 200,000 prompt tokens $6 / $22.50 / $0.60 / $7.50 / $12; web search $10 per 1,000.
    /// </summary>
    public static ModelPrice Sonnet45() => new()
    {
        Provider = "anthropic",
        ModelId = SonnetId,
        Aliases = [SonnetAlias],
        Rates = new TokenRates(3m, 15m, 0.3m, 3.75m, 6m),
        LongContext = new LongContextRule(200_000, new TokenRates(6m, 22.5m, 0.6m, 7.5m, 12m)),
        WebSearchPerThousandUsd = 10m,
        Origin = "test",
    };

    /// <summary>
    /// Opus 4.6: $5 input, $25 output, $0.50 cache read, $6.25 five-minute write, $10 one-hour write per MTok;
    /// web search $10 per 1,000; with the given speed multipliers.
    /// </summary>
    public static ModelPrice Opus46(params SpeedMultiplier[] speeds) => new()
    {
        Provider = "anthropic",
        ModelId = OpusId,
        Rates = new TokenRates(5m, 25m, 0.5m, 6.25m, 10m),
        WebSearchPerThousandUsd = 10m,
        SpeedMultipliers = speeds,
        Origin = "test",
    };

    /// <summary>A model with only input and output prices, from <paramref name="from"/> on.</summary>
    public static ModelPrice Plain(string modelId, decimal inputPerMTok, decimal outputPerMTok, DateOnly? from = null)
        => new()
        {
            Provider = "test",
            ModelId = modelId,
            EffectiveFrom = from,
            Rates = new TokenRates(inputPerMTok, outputPerMTok),
            Origin = "test",
        };
}
