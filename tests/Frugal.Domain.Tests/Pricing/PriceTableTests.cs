using Frugal.Domain.Pricing;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Pricing;

public sealed class PriceTableTests
{
    private static readonly DateOnly Day = new(2026, 5, 1);

    private static PriceTable AnthropicTable() => new(
    [
        TestPrices.Sonnet45(),
        TestPrices.Opus46(),
        TestPrices.Plain(TestPrices.HaikuId, 1m, 5m),
    ]);

    [Theory]
    [InlineData("us.anthropic.claude-sonnet-4-5-20250929-v1:0", TestPrices.SonnetId)]
    [InlineData("anthropic/claude-opus-4.6", TestPrices.OpusId)]
    [InlineData("openrouter/anthropic/claude-opus-4.6", TestPrices.OpusId)]
    [InlineData("claude-opus-4-6@default", TestPrices.OpusId)]
    [InlineData("claude-sonnet-4-5-20250929[1m]", TestPrices.SonnetId)]
    [InlineData("CLAUDE-OPUS-4-6", TestPrices.OpusId)]
    [InlineData("claude-haiku-4-5-20251001", TestPrices.HaikuId)]
    public void Resolve_IdAsToolsWriteIt_FindsTheModel(string modelId, string expectedModelId)
    {
        var table = AnthropicTable();

        var resolution = table.Resolve(modelId, Day);

        resolution.IsPriced.ShouldBeTrue();
        resolution.Price!.ModelId.ShouldBe(expectedModelId);
        resolution.ModelId.ShouldBe(modelId);
    }

    [Fact]
    public void Resolve_Alias_MatchesAliasAndGivesModelPrice()
    {
        var table = AnthropicTable();

        var resolution = table.Resolve("claude-sonnet-4-5", Day);

        resolution.MatchedId.ShouldBe(TestPrices.SonnetAlias);
        resolution.Price!.ModelId.ShouldBe(TestPrices.SonnetId);
        resolution.Price.Rates.InputPerMTok.ShouldBe(3m);
    }

    [Fact]
    public void Resolve_BedrockId_StepsNameEachNormalisationInOrder()
    {
        // Lower case (unchanged), then the "us.anthropic." prefix goes, then "-v1:0"; the date stays since the
        // dated id already matches.
        var table = AnthropicTable();

        var resolution = table.Resolve("us.anthropic.claude-sonnet-4-5-20250929-v1:0", Day);

        resolution.Steps.ShouldBe(
        [
            "as written (lower case): us.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "dropped the regional provider prefix: claude-sonnet-4-5-20250929-v1:0",
            "dropped the Bedrock version suffix: claude-sonnet-4-5-20250929",
        ]);
        resolution.MatchedId.ShouldBe(TestPrices.SonnetId);
    }

    [Fact]
    public void Resolve_RouterIdWithDottedVersion_StepsShowPrefixThenDots()
    {
        var table = AnthropicTable();

        var resolution = table.Resolve("openrouter/anthropic/claude-opus-4.6", Day);

        resolution.Steps.ShouldBe(
        [
            "as written (lower case): openrouter/anthropic/claude-opus-4.6",
            "dropped the provider or router prefix: claude-opus-4.6",
            "wrote version dots as dashes: claude-opus-4-6",
        ]);
    }

    [Fact]
    public void Resolve_UnknownModel_UnpricedNotZero()
    {
        var table = AnthropicTable();

        var resolution = table.Resolve("gpt-9-ultra", Day);

        resolution.IsPriced.ShouldBeFalse();
        resolution.Price.ShouldBeNull();
        resolution.MatchedId.ShouldBeNull();
        resolution.Steps[^1].ShouldBe("no entry matched: the model is unpriced");
    }

    [Theory]
    [InlineData(2026, 5, 31, 5)]
    [InlineData(2026, 6, 1, 4)]
    public void Resolve_PriceChangedOnDate_PriceInForceOnCallDate(int year, int month, int day, int inputPerMTok)
    {
        // $5 since the model appeared; $4 from 2026-06-01 (inclusive). Listed newest first: order must not matter.
        var table = new PriceTable(
        [
            TestPrices.Plain("repriced-model", 4m, 20m, new DateOnly(2026, 6, 1)),
            TestPrices.Plain("repriced-model", 5m, 25m),
        ]);

        var resolution = table.Resolve("repriced-model", new DateOnly(year, month, day));

        resolution.Price!.Rates.InputPerMTok.ShouldBe(inputPerMTok);
    }

    [Fact]
    public void Resolve_NewDateThenOldDate_CachedLookupStillDated()
    {
        var table = new PriceTable(
        [
            TestPrices.Plain("repriced-model", 5m, 25m),
            TestPrices.Plain("repriced-model", 4m, 20m, new DateOnly(2026, 6, 1)),
        ]);

        var newer = table.Resolve("repriced-model", new DateOnly(2026, 6, 1));
        var older = table.Resolve("repriced-model", new DateOnly(2026, 5, 31));

        newer.Price!.Rates.InputPerMTok.ShouldBe(4m);
        older.Price!.Rates.InputPerMTok.ShouldBe(5m);
    }

    [Fact]
    public void Resolve_OnlyPriceStartsLater_UnpricedWithStepSayingSo()
    {
        var table = new PriceTable([TestPrices.Plain("claude-opus-5", 5m, 25m, new DateOnly(2026, 7, 24))]);

        var resolution = table.Resolve("claude-opus-5", new DateOnly(2026, 7, 23));

        resolution.IsPriced.ShouldBeFalse();
        resolution.MatchedId.ShouldBeNull();
        resolution.Steps.ShouldContain("no price of claude-opus-5 in force on 2026-07-23");
    }

    [Fact]
    public void Constructor_SameIdAndDateTwice_LaterEntryWins()
    {
        var table = new PriceTable(
        [
            TestPrices.Plain("twice-listed", 1m, 2m),
            TestPrices.Plain("twice-listed", 7m, 9m),
        ]);

        var resolution = table.Resolve("twice-listed", Day);

        resolution.Price!.Rates.InputPerMTok.ShouldBe(7m);
    }
}
