using System.Globalization;
using Frugal.Domain.Energy;
using Frugal.Domain.Pricing;
using Frugal.Domain.Reporting;
using Frugal.Domain.Usage;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Reporting;

/// <summary>
/// Energy and carbon in reports: ranges summed minimum with minimum and maximum with maximum, unknown sizes kept
/// apart. Figures from <c>CloudEnergyModelTests</c>: 500 output tokens of gpt-4o at PUE 1.2 take 0.80145-1.28248 Wh;
/// of claude-sonnet-4-5 at Anthropic's PUE 1.09-1.14, 0.74959-1.2410 Wh.
/// </summary>
public sealed class ReportBuilderEnergyTests
{
    private static readonly PriceTable Prices = new([TestPrices.Sonnet45()]);

    private static UsageRecord Call(string timestamp, string model, long output, long input = 0) => new()
    {
        Source = SourceNames.ClaudeCode,
        SourceKey = $"{model}:{timestamp}",
        Timestamp = DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture),
        SessionId = "s1",
        Model = model,
        Tokens = new TokenCounts(input, 0, 0, 0, output),
    };

    private static UsageReport Build(ReportPeriod period, GridZone zone, params UsageRecord[] records)
    {
        var energy = new UsageEnergy(ModelFactsTable.BuiltIn, zone);
        var builder = new ReportBuilder(period, TimeZoneInfo.Utc, Prices, DayOfWeek.Monday, energy);
        foreach (var record in records)
        {
            builder.Add(record);
        }

        return builder.Build();
    }

    [Fact]
    public void Build_TwoKnownModels_SumsMinWithMinAndMaxWithMax()
    {
        // gpt-4o has no price here, so no provider: EcoLogits' default PUE 1.2, which is also OpenAI's.
        // Sonnet's price names Anthropic: PUE 1.09-1.14.
        var report = Build(
            ReportPeriod.Daily,
            GridIntensity.World,
            Call("2026-05-01T09:00:00Z", "gpt-4o", 500),
            Call("2026-05-01T10:00:00Z", TestPrices.SonnetAlias, 500));

        var day = report.Rows.Single();
        day.Energy.MinWh.ShouldBe(0.80145 + 0.74959, 0.0001);
        day.Energy.MaxWh.ShouldBe(1.28248 + 1.2410, 0.0001);
        day.Carbon.MinGCO2e.ShouldBe((0.80145 + 0.74959) * 0.473, 0.0001);
        day.Carbon.MaxGCO2e.ShouldBe((1.28248 + 1.2410) * 0.473, 0.0001);
        day.UnknownSizeTokens.ShouldBe(0);
        report.Totals.Energy.ShouldBe(day.Energy);
        report.UnknownSize.ShouldBeEmpty();
        report.GridZone.Code.ShouldBe("WOR");
        report.EnergyMethod.ShouldBe("ecologits-0.9.3-decode");
    }

    [Fact]
    public void Build_ModelReport_EachModelKeepsItsOwnRange()
    {
        var report = Build(
            ReportPeriod.Model,
            GridIntensity.World,
            Call("2026-05-01T09:00:00Z", "gpt-4o", 500),
            Call("2026-05-02T09:00:00Z", TestPrices.SonnetAlias, 500));

        var byModel = report.Rows.ToDictionary(r => r.Key);
        byModel["gpt-4o"].Energy.MinWh.ShouldBe(0.80145, 0.00001);
        byModel["gpt-4o"].Energy.MaxWh.ShouldBe(1.28248, 0.00001);
        byModel[TestPrices.SonnetAlias].Energy.MinWh.ShouldBe(0.74959, 0.0001);
        byModel[TestPrices.SonnetAlias].Energy.MaxWh.ShouldBe(1.2410, 0.0001);
        report.Totals.Energy.MinWh.ShouldBe(byModel.Values.Sum(r => r.Energy.MinWh), 1e-12);
        report.Totals.Energy.MaxWh.ShouldBe(byModel.Values.Sum(r => r.Energy.MaxWh), 1e-12);
    }

    [Fact]
    public void Build_UnknownModel_IsUnknownSizeNotZeroOrAGuess()
    {
        var report = Build(
            ReportPeriod.Daily,
            GridIntensity.World,
            Call("2026-05-01T09:00:00Z", "gpt-4o", 500),
            Call("2026-05-01T10:00:00Z", "some-local-model", 250, input: 400),
            Call("2026-05-02T10:00:00Z", "some-local-model", 100));

        report.UnknownSize.ShouldBe([new UnknownSizeModel("some-local-model", 2, 750)]);
        report.Rows[0].Energy.MinWh.ShouldBe(0.80145, 0.00001);
        report.Rows[0].UnknownSizeTokens.ShouldBe(650);
        report.Rows[1].Energy.ShouldBe(EnergyRange.Zero);
        report.Rows[1].UnknownSizeTokens.ShouldBe(100);
        report.Totals.UnknownSizeTokens.ShouldBe(750);
        report.Totals.Energy.MaxWh.ShouldBe(1.28248, 0.00001);
    }

    [Fact]
    public void Build_OtherGrid_ChangesCarbonButNotEnergy()
    {
        var call = Call("2026-05-01T09:00:00Z", "gpt-4o", 500);

        var world = Build(ReportPeriod.Daily, GridIntensity.World, call);
        var france = Build(ReportPeriod.Daily, GridIntensity.Resolve("FRA"), call);

        france.Totals.Energy.ShouldBe(world.Totals.Energy);
        france.Totals.Carbon.MinGCO2e.ShouldBe(0.80145 * 0.0442, 0.000001);
        world.Totals.Carbon.MinGCO2e.ShouldBe(0.80145 * 0.473, 0.00001);
        france.GridZone.Code.ShouldBe("FRA");
    }
}
