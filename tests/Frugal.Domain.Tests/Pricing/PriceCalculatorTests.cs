using System.Globalization;
using Frugal.Domain.Pricing;
using Frugal.Domain.Usage;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Pricing;

public sealed class PriceCalculatorTests
{
    private static readonly DateOnly Day = new(2026, 5, 1);

    // Fast mode ×6 between 2026-02-05 and 2026-03-31, both inclusive.
    private static readonly SpeedMultiplier FastWindow =
        new("fast", 6m, new DateOnly(2026, 2, 5), new DateOnly(2026, 3, 31));

    // 1,000 input × $5/MTok = $0.005; 1,000 output × $25/MTok = $0.025; together $0.03 before any multiplier.
    private static readonly TokenCounts OpusInOut = new(1_000, 0, 0, 0, 1_000);

    [Fact]
    public void Cost_ReasoningInsideOutput_NotChargedTwice()
    {
        // Reasoning (400) is part of the 1,000 output: 1,000 × $15/MTok = $0.015, not 1,400 × $15/MTok = $0.021.
        var tokens = new TokenCounts(0, 0, 0, 0, 1_000, ReasoningTokens: 400);

        var cost = PriceCalculator.Cost(TestPrices.Sonnet45(), tokens, 0, null, Day);

        cost.OutputUsd.ShouldBe(0.015m);
        cost.TotalUsd.ShouldBe(0.015m);
    }

    [Fact]
    public void Cost_EveryCategory_TotalIsSumOfParts()
    {
        // input 2,000 × $3 = $0.006; 5m 4,000 × $3.75 = $0.015; 1h 1,000 × $6 = $0.006;
        // read 10,000 × $0.30 = $0.003; output 1,000 × $15 = $0.015; total $0.045 (prompt 17,000, far below 200K).
        var tokens = new TokenCounts(2_000, 4_000, 1_000, 10_000, 1_000);

        var cost = PriceCalculator.Cost(TestPrices.Sonnet45(), tokens, 0, null, Day);

        cost.InputUsd.ShouldBe(0.006m);
        cost.CacheWriteUsd.ShouldBe(0.021m);
        cost.CacheReadUsd.ShouldBe(0.003m);
        cost.OutputUsd.ShouldBe(0.015m);
        cost.WebSearchUsd.ShouldBe(0m);
        cost.TotalUsd.ShouldBe(0.045m);
        cost.LongContextApplied.ShouldBeFalse();
        cost.SpeedMultiplier.ShouldBe(1m);
    }

    [Fact]
    public void Cost_OneHourCacheWrite_ChargedAtOneHourRate()
    {
        // 4,000 one-hour writes × $6/MTok = $0.024 (at the 5-minute $3.75 it would be $0.015).
        var tokens = new TokenCounts(0, 0, 4_000, 0, 0);

        var cost = PriceCalculator.Cost(TestPrices.Sonnet45(), tokens, 0, null, Day);

        cost.CacheWriteUsd.ShouldBe(0.024m);
    }

    [Fact]
    public void Cost_BothCacheLifetimes_EachAtItsOwnRate()
    {
        // 1,000 × $3.75/MTok = $0.00375 plus 1,000 × $6/MTok = $0.006: $0.00975.
        var tokens = new TokenCounts(0, 1_000, 1_000, 0, 0);

        var cost = PriceCalculator.Cost(TestPrices.Sonnet45(), tokens, 0, null, Day);

        cost.CacheWriteUsd.ShouldBe(0.00975m);
    }

    [Fact]
    public void Cost_PromptExactlyAtThreshold_BaseRates()
    {
        // Prompt 50,000 + 50,000 + 50,000 + 50,000 = 200,000: not above the exclusive threshold.
        // input 50,000 × $3 = $0.15; writes 50,000 × $3.75 + 50,000 × $6 = $0.1875 + $0.30 = $0.4875;
        // read 50,000 × $0.30 = $0.015; output 10,000 × $15 = $0.15; total $0.8025.
        var tokens = new TokenCounts(50_000, 50_000, 50_000, 50_000, 10_000);

        var cost = PriceCalculator.Cost(TestPrices.Sonnet45(), tokens, 0, null, Day);

        cost.LongContextApplied.ShouldBeFalse();
        cost.InputUsd.ShouldBe(0.15m);
        cost.CacheWriteUsd.ShouldBe(0.4875m);
        cost.CacheReadUsd.ShouldBe(0.015m);
        cost.OutputUsd.ShouldBe(0.15m);
        cost.TotalUsd.ShouldBe(0.8025m);
    }

    [Fact]
    public void Cost_PromptOneAboveThreshold_WholeRequestAtLongContextRates()
    {
        // Prompt 50,000 + 50,000 + 50,000 + 50,001 = 200,001 > 200,000, so every part uses the long-context rates:
        // input 50,000 × $6 = $0.30; writes 50,000 × $7.50 + 50,000 × $12 = $0.375 + $0.60 = $0.975;
        // read 50,001 × $0.60 = $0.0300006; output 10,000 × $22.50 = $0.225; total $1.5300006.
        var tokens = new TokenCounts(50_000, 50_000, 50_000, 50_001, 10_000);

        var cost = PriceCalculator.Cost(TestPrices.Sonnet45(), tokens, 0, null, Day);

        cost.LongContextApplied.ShouldBeTrue();
        cost.InputUsd.ShouldBe(0.30m);
        cost.CacheWriteUsd.ShouldBe(0.975m);
        cost.CacheReadUsd.ShouldBe(0.0300006m);
        cost.OutputUsd.ShouldBe(0.225m);
        cost.TotalUsd.ShouldBe(1.5300006m);
    }

    [Fact]
    public void Cost_CacheReadsPushPromptOverThreshold_LongContextApplies()
    {
        // Only 1,000 uncached input, but 1,000 + 199,001 cache reads = 200,001 prompt tokens.
        // input 1,000 × $6 = $0.006 (not $0.003 at the base $3); read 199,001 × $0.60 = $0.1194006.
        var tokens = new TokenCounts(1_000, 0, 0, 199_001, 0);

        var cost = PriceCalculator.Cost(TestPrices.Sonnet45(), tokens, 0, null, Day);

        cost.LongContextApplied.ShouldBeTrue();
        cost.InputUsd.ShouldBe(0.006m);
        cost.CacheReadUsd.ShouldBe(0.1194006m);
    }

    [Fact]
    public void Cost_LargeOutputWithPromptAtThreshold_BaseRates()
    {
        // Output is not prompt: 200,000 input is at the threshold. 200,000 × $3 = $0.60; 300,000 × $15 = $4.50.
        var tokens = new TokenCounts(200_000, 0, 0, 0, 300_000);

        var cost = PriceCalculator.Cost(TestPrices.Sonnet45(), tokens, 0, null, Day);

        cost.LongContextApplied.ShouldBeFalse();
        cost.TotalUsd.ShouldBe(5.10m);
    }

    [Fact]
    public void Cost_LongContextRatesWithoutCachePrices_CacheFallsBackToLongContextInput()
    {
        // Long-context rates $4 in / $16 out with no cache prices; prompt 1 + 200,000 = 200,001 > 200,000.
        // read 200,000 × $4 = $0.80 (the long-context input price, not the base $2).
        var price = TestPrices.Plain("fallback-model", 2m, 8m) with
        {
            LongContext = new LongContextRule(200_000, new TokenRates(4m, 16m)),
        };
        var tokens = new TokenCounts(1, 0, 0, 200_000, 0);

        var cost = PriceCalculator.Cost(price, tokens, 0, null, Day);

        cost.CacheReadUsd.ShouldBe(0.80m);
    }

    [Fact]
    public void Cost_WebSearches_TenDollarsPerThousand()
    {
        // 3 requests × $10 / 1,000 = $0.03.
        var cost = PriceCalculator.Cost(TestPrices.Sonnet45(), TokenCounts.Zero, 3, null, Day);

        cost.WebSearchUsd.ShouldBe(0.03m);
        cost.TotalUsd.ShouldBe(0.03m);
    }

    [Fact]
    public void Cost_WebSearchesInFastMode_NotMultiplied()
    {
        // input 1,000 × $5 = $0.005, × 6 = $0.03; web 3 × $10 / 1,000 = $0.03 (not × 6 = $0.18); total $0.06.
        var price = TestPrices.Opus46(new SpeedMultiplier("fast", 6m));
        var tokens = new TokenCounts(1_000, 0, 0, 0, 0);

        var cost = PriceCalculator.Cost(price, tokens, 3, "fast", Day);

        cost.InputUsd.ShouldBe(0.03m);
        cost.WebSearchUsd.ShouldBe(0.03m);
        cost.TotalUsd.ShouldBe(0.06m);
    }

    [Fact]
    public void Cost_FastModeInsideWindow_TokenPartsMultiplied()
    {
        // 2026-03-01 is inside the window: input $0.005 × 6 = $0.03; output $0.025 × 6 = $0.15; total $0.18.
        var price = TestPrices.Opus46(FastWindow);

        var cost = PriceCalculator.Cost(price, OpusInOut, 0, "fast", new DateOnly(2026, 3, 1));

        cost.SpeedMultiplier.ShouldBe(6m);
        cost.InputUsd.ShouldBe(0.03m);
        cost.OutputUsd.ShouldBe(0.15m);
        cost.TotalUsd.ShouldBe(0.18m);
    }

    [Fact]
    public void Cost_FastModeInUpperCase_Multiplied()
    {
        // $0.03 × 6 = $0.18, as for "fast".
        var price = TestPrices.Opus46(FastWindow);

        var cost = PriceCalculator.Cost(price, OpusInOut, 0, "FAST", new DateOnly(2026, 3, 1));

        cost.TotalUsd.ShouldBe(0.18m);
    }

    [Theory]
    [InlineData("standard")]
    [InlineData(null)]
    public void Cost_NotFastMode_NotMultiplied(string? speed)
    {
        // $0.005 + $0.025 = $0.03, multiplier 1.
        var price = TestPrices.Opus46(FastWindow);

        var cost = PriceCalculator.Cost(price, OpusInOut, 0, speed, new DateOnly(2026, 3, 1));

        cost.SpeedMultiplier.ShouldBe(1m);
        cost.TotalUsd.ShouldBe(0.03m);
    }

    [Theory]
    [InlineData("2026-02-04", "0.03")]
    [InlineData("2026-02-05", "0.18")]
    [InlineData("2026-03-31", "0.18")]
    [InlineData("2026-04-01", "0.03")]
    public void Cost_FastModeAtWindowEdges_BothEndsInclusive(string date, string expectedTotalUsd)
    {
        // Outside the window $0.03; on or between 2026-02-05 and 2026-03-31 $0.03 × 6 = $0.18.
        var price = TestPrices.Opus46(FastWindow);
        var day = DateOnly.Parse(date, CultureInfo.InvariantCulture);

        var cost = PriceCalculator.Cost(price, OpusInOut, 0, "fast", day);

        cost.TotalUsd.ShouldBe(decimal.Parse(expectedTotalUsd, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cost_FastModeWithoutEndDate_AppliesYearsLater()
    {
        // From 2026-02-05 with no Until: still ×6 in 2030, $0.03 × 6 = $0.18.
        var price = TestPrices.Opus46(new SpeedMultiplier("fast", 6m, new DateOnly(2026, 2, 5)));

        var cost = PriceCalculator.Cost(price, OpusInOut, 0, "fast", new DateOnly(2030, 1, 1));

        cost.TotalUsd.ShouldBe(0.18m);
    }

    [Fact]
    public void Cost_FastModeWithCache_CachePartsMultipliedToo()
    {
        // read 1,000 × $0.50 = $0.0005, × 6 = $0.003;
        // writes 1,000 × $6.25 + 1,000 × $10 = $0.01625, × 6 = $0.0975.
        var price = TestPrices.Opus46(FastWindow);
        var tokens = new TokenCounts(0, 1_000, 1_000, 1_000, 0);

        var cost = PriceCalculator.Cost(price, tokens, 0, "fast", new DateOnly(2026, 3, 1));

        cost.CacheReadUsd.ShouldBe(0.003m);
        cost.CacheWriteUsd.ShouldBe(0.0975m);
    }

    [Fact]
    public void Cost_NoCachePrices_CacheReadsAndBothWritesAtInputPrice()
    {
        // No cache prices: reads and 5m writes at the $2 input price; 1h writes at the (missing) 5m price, so $2 too.
        // read 1,000 × $2 = $0.002; writes 1,000 × $2 + 1,000 × $2 = $0.004.
        var price = TestPrices.Plain("no-cache-model", 2m, 8m);

        var cost = PriceCalculator.Cost(price, new TokenCounts(0, 1_000, 1_000, 1_000, 0), 0, null, Day);

        cost.CacheReadUsd.ShouldBe(0.002m);
        cost.CacheWriteUsd.ShouldBe(0.004m);
    }

    [Fact]
    public void Cost_OnlyFiveMinutePrice_OneHourWriteAtFiveMinutePrice()
    {
        // 1,000 one-hour writes × $2.50 (the 5m price) = $0.0025, not × $2 input = $0.002.
        var price = TestPrices.Plain("five-minute-only", 2m, 8m) with
        {
            Rates = new TokenRates(2m, 8m, CacheWrite5mPerMTok: 2.5m),
        };

        var cost = PriceCalculator.Cost(price, new TokenCounts(0, 0, 1_000, 0, 0), 0, null, Day);

        cost.CacheWriteUsd.ShouldBe(0.0025m);
    }
}
