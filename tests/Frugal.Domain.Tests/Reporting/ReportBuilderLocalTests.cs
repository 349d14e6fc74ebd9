using System.Globalization;
using Frugal.Domain.Energy;
using Frugal.Domain.Pricing;
using Frugal.Domain.Reporting;
using Frugal.Domain.Usage;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Reporting;

/// <summary>
/// Calls to a local model server in reports: $0 and priced, whatever the price table says of the model; the energy
/// the gateway recorded, or unknown with its own reason, never a hosted model's estimate from the model's size.
/// </summary>
public sealed class ReportBuilderLocalTests
{
    private const string Llama = "llama3.1:8b";
    private static readonly PriceTable Prices = new([TestPrices.Sonnet45()]);

    [Fact]
    public void Add_LocalGroupWithRecordedEnergy_CostsZeroAndHasTheRecordedEnergy()
    {
        // Llama 3.1 8B's size is in the built-in table: a hosted estimate would be some Wh, never exactly these.
        var report = Build(Group(Llama, "2026-05-01T10:00:00Z", 3) with
        {
            Local = true,
            RecordedEnergy = new EnergyRange(0.75, 1.2),
        });

        var day = report.Rows.ShouldHaveSingleItem();
        day.CostUsd.ShouldBe(0m);
        day.UnpricedTokens.ShouldBe(0);
        day.Energy.ShouldBe(new EnergyRange(0.75, 1.2));
        // At the world grid, 473 gCO2e/kWh: 0.75 × 0.473 = 0.35475 g and 1.2 × 0.473 = 0.5676 g.
        day.Carbon.MinGCO2e.ShouldBe(0.35475, 1e-9);
        day.Carbon.MaxGCO2e.ShouldBe(0.5676, 1e-9);
        day.EmbodiedCarbon.ShouldBe(CarbonRange.Zero);
        day.UnknownSizeTokens.ShouldBe(0);
        report.Unpriced.ShouldBeEmpty();
        report.UnknownSize.ShouldBeEmpty();
        report.UnrecordedLocal.ShouldBeEmpty();
        report.LocalCalls.ShouldBe(3);
    }

    [Fact]
    public void Add_LocalGroupOfAPricedModel_CostsZeroNotItsPrice()
    {
        var report = Build(Group(TestPrices.SonnetId, "2026-05-01T10:00:00Z", 1) with { Local = true });

        report.Totals.CostUsd.ShouldBe(0m);
        report.Totals.UnpricedTokens.ShouldBe(0);
        report.Unpriced.ShouldBeEmpty();
    }

    [Fact]
    public void Add_LocalGroupWithoutRecordedEnergy_IsUnknownForThatReasonAndNotEstimated()
    {
        var report = Build(
            Group(Llama, "2026-05-01T10:00:00Z", 2) with { Local = true },
            Group("some-unsized-model", "2026-05-01T11:00:00Z", 1));

        var day = report.Rows.ShouldHaveSingleItem();
        day.Energy.ShouldBe(EnergyRange.Zero);
        day.UnknownSizeTokens.ShouldBe(2 * 1_500 + 1_500);
        report.UnrecordedLocal.ShouldBe([new UnknownSizeModel(Llama, 2, 3_000)]);
        report.UnknownSize.ShouldBe([new UnknownSizeModel("some-unsized-model", 1, 1_500)]);
        report.LocalCalls.ShouldBe(2);
    }

    [Fact]
    public void Add_LocalRecord_IsLocalWithoutEnergy()
    {
        var builder = new ReportBuilder(ReportPeriod.Daily, TimeZoneInfo.Utc, Prices);
        builder.Add(new UsageRecord
        {
            Source = "other",
            SourceKey = "k",
            Timestamp = At("2026-05-01T10:00:00Z"),
            SessionId = "s",
            Model = Llama,
            Tokens = new TokenCounts(1_000, 0, 0, 0, 500),
            Local = true,
        });

        var report = builder.Build();

        report.Totals.CostUsd.ShouldBe(0m);
        report.Totals.Energy.ShouldBe(EnergyRange.Zero);
        report.UnrecordedLocal.ShouldBe([new UnknownSizeModel(Llama, 1, 1_500)]);
    }

    [Fact]
    public void Add_HostedGroupBesideLocalOnes_IsPricedAndEstimatedAsBefore()
    {
        var hosted = Group(TestPrices.SonnetId, "2026-05-01T10:00:00Z", 1);
        var alone = Build(hosted);

        var mixed = Build(hosted, Group(Llama, "2026-05-01T11:00:00Z", 1) with
        {
            Local = true,
            RecordedEnergy = new EnergyRange(0.5, 0.8),
        });

        // 1,000 × $3 + 500 × $15 per million = $0.0105.
        alone.Totals.CostUsd.ShouldBe(0.0105m);
        mixed.Totals.CostUsd.ShouldBe(0.0105m);
        mixed.Totals.Energy.MinWh.ShouldBe(alone.Totals.Energy.MinWh + 0.5, 1e-12);
        mixed.Totals.Energy.MaxWh.ShouldBe(alone.Totals.Energy.MaxWh + 0.8, 1e-12);
        alone.LocalCalls.ShouldBe(0);
    }

    private static UsageReport Build(params UsageGroup[] groups)
    {
        var energy = new UsageEnergy(ModelFactsTable.BuiltIn, GridIntensity.World);
        var builder = new ReportBuilder(ReportPeriod.Daily, TimeZoneInfo.Utc, Prices, DayOfWeek.Monday, energy);
        foreach (var group in groups)
        {
            builder.Add(group);
        }

        return builder.Build();
    }

    /// <summary><paramref name="calls"/> calls of 1,000 input and 500 output tokens each.</summary>
    private static UsageGroup Group(string model, string at, long calls) => new(
        At(at), At(at), null, null, model, null, 0,
        new TokenCounts(1_000 * calls, 0, 0, 0, 500 * calls), 0, calls);

    private static DateTimeOffset At(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture);
}
