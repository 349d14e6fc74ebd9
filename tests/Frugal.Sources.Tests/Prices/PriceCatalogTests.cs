using Frugal.Sources.Prices;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.Prices;

public sealed class PriceCatalogTests
{
    private static readonly DateOnly May2026 = new(2026, 5, 1);

    [Fact]
    public void Shipped_ClaudeOpus46_PricedAtFiveAndTwentyFiveWithTenDollarOneHourWrite()
    {
        var prices = PriceCatalog.Shipped();

        var opus = prices.Single(p => p.ModelId == "claude-opus-4-6");
        opus.Rates.InputPerMTok.ShouldBe(5m);
        opus.Rates.OutputPerMTok.ShouldBe(25m);
        opus.Rates.CacheWrite1hPerMTok.ShouldBe(10m);
        opus.WebSearchPerThousandUsd.ShouldBe(10m);
    }

    [Fact]
    public void Shipped_ClaudeSonnet45_LongContextAbove200kTokens()
    {
        var prices = PriceCatalog.Shipped();

        var sonnet = prices.Single(p => p.ModelId == "claude-sonnet-4-5-20250929");
        var rule = sonnet.LongContext.ShouldNotBeNull();
        rule.ThresholdPromptTokens.ShouldBe(200_000);
        rule.Rates.InputPerMTok.ShouldBe(6m);
        rule.Rates.OutputPerMTok.ShouldBe(22.5m);
    }

    [Fact]
    public void Load_OverrideFile_ReplacesShippedPrice()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("prices.json", """
            {"models":[{"provider":"anthropic","id":"claude-opus-4-6","input":4,"output":20,"cacheWrite1h":8}]}
            """);

        var table = PriceCatalog.Load(path);

        var price = table.Resolve("claude-opus-4-6", May2026).Price.ShouldNotBeNull();
        price.Rates.InputPerMTok.ShouldBe(4m);
        price.Rates.OutputPerMTok.ShouldBe(20m);
        price.Rates.CacheWrite1hPerMTok.ShouldBe(8m);
        price.Origin.ShouldContain(path);
    }

    [Fact]
    public void Load_OverrideFromLaterDate_ShippedPriceStillAppliesBefore()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("prices.json", """
            {"models":[{"id":"claude-opus-4-6","from":"2026-06-01","input":4,"output":20}]}
            """);

        var table = PriceCatalog.Load(path);

        table.Resolve("claude-opus-4-6", May2026).Price.ShouldNotBeNull().Rates.InputPerMTok.ShouldBe(5m);
        table.Resolve("claude-opus-4-6", new DateOnly(2026, 6, 1)).Price.ShouldNotBeNull()
            .Rates.InputPerMTok.ShouldBe(4m);
    }

    [Fact]
    public void Load_OverrideNewModel_PricesIt()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("prices.json", """
            // A model served in-house.
            {"models":[{"id":"acme-coder-7b","input":0.1,"output":0.2,},]}
            """);

        var table = PriceCatalog.Load(path);

        var price = table.Resolve("acme-coder-7b", May2026).Price.ShouldNotBeNull();
        price.Provider.ShouldBe("custom");
        price.Rates.OutputPerMTok.ShouldBe(0.2m);
    }

    [Fact]
    public void FromFile_SeveralBadEntries_ReportsEveryProblemAtOnce()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("prices.json", """
            {"models":[
              {"id":"no-output","input":1},
              {"id":"bad-date","input":1,"output":2,"from":"01/06/2026"},
              {"input":1,"output":2},
              {"id":"fine","input":1,"output":2}
            ]}
            """);

        var exception = Should.Throw<PriceFileException>(() => PriceCatalog.FromFile(path));

        exception.Path.ShouldBe(path);
        exception.Problems.Count.ShouldBe(3);
        exception.Problems[0].ShouldContain("no-output");
        exception.Problems[0].ShouldContain("\"output\"");
        exception.Problems[1].ShouldContain("bad-date");
        exception.Problems[1].ShouldContain("YYYY-MM-DD");
        exception.Problems[2].ShouldContain("models[2]");
        exception.Problems[2].ShouldContain("\"id\"");
    }

    [Fact]
    public void FromFile_NegativeCacheAndWebSearchPrices_ReportedAsProblems()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("prices.json", """
            {"models":[{"id":"m","input":1,"output":2,"cacheRead":-0.5,"webSearchPerThousand":-10}]}
            """);

        var exception = Should.Throw<PriceFileException>(() => PriceCatalog.FromFile(path));

        exception.Problems.Count.ShouldBe(2);
    }

    [Fact]
    public void FromFile_WrongValueTypeAndMissingOutput_ReportsBothProblems()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("prices.json", """
            {"models":[{"id":"text-price","input":"3","output":15},{"id":"no-output","input":1}]}
            """);

        var exception = Should.Throw<PriceFileException>(() => PriceCatalog.FromFile(path));

        exception.Problems.Count.ShouldBe(2);
        exception.Problems.ShouldContain(p => p.Contains("text-price"));
        exception.Problems.ShouldContain(p => p.Contains("no-output"));
    }

    [Fact]
    public void FromFile_NotJson_ReportsSyntaxProblem()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("prices.json", "{\"models\":[{\"id\":\"m\",\"input\":1,\n\"output\":}]}");

        var exception = Should.Throw<PriceFileException>(() => PriceCatalog.FromFile(path));

        exception.Path.ShouldBe(path);
        exception.Problems.ShouldHaveSingleItem().ShouldContain("not valid JSON at line 2");
    }

    [Fact]
    public void FromFile_NoModelsArray_ReportsIt()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("prices.json", """{"model":[{"id":"m","input":1,"output":2}]}""");

        var exception = Should.Throw<PriceFileException>(() => PriceCatalog.FromFile(path));

        exception.Problems.ShouldHaveSingleItem().ShouldContain("\"models\"");
    }

    [Fact]
    public void FromFile_PathIsFolder_ReportsItCannotBeRead()
    {
        using var folder = new TempFolder();

        var exception = Should.Throw<PriceFileException>(() => PriceCatalog.FromFile(folder.Root));

        exception.Problems.ShouldHaveSingleItem().ShouldStartWith("cannot be read");
    }

    [Fact]
    public void FromFile_MissingFile_ReportsItCannotBeRead()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("absent.json");

        var exception = Should.Throw<PriceFileException>(() => PriceCatalog.FromFile(path));

        exception.Problems.ShouldHaveSingleItem().ShouldStartWith("cannot be read");
    }
}
