using System.Globalization;
using Frugal.Domain.Pricing;
using Frugal.Domain.Reporting;
using Frugal.Domain.Usage;
using FsCheck.Xunit;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Reporting;

public sealed class ReportBuilderTests
{
    private const string LateOnMayFirstUtc = "2026-05-01T23:30:00Z";

    private static readonly PriceTable Prices = new([TestPrices.Sonnet45()]);

    private static UsageRecord Call(
        string timestamp,
        TokenCounts tokens,
        string? model = TestPrices.SonnetId,
        string session = "s1",
        string? parentSession = null,
        long webSearches = 0) => new()
        {
            Source = SourceNames.ClaudeCode,
            SourceKey = $"{session}:{timestamp}",
            Timestamp = DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture),
            SessionId = session,
            ParentSessionId = parentSession,
            Model = model,
            Tokens = tokens,
            WebSearchRequests = webSearches,
        };

    private static UsageRecord Call(string timestamp) => Call(timestamp, new TokenCounts(1_000, 0, 0, 0, 0));

    private static UsageReport Build(
        ReportPeriod period,
        string zoneId,
        IEnumerable<UsageRecord> records,
        DayOfWeek weekStart = DayOfWeek.Monday,
        PriceTable? prices = null)
    {
        var builder = new ReportBuilder(
            period, TimeZoneInfo.FindSystemTimeZoneById(zoneId), prices ?? Prices, weekStart);
        foreach (var record in records)
        {
            builder.Add(record);
        }

        return builder.Build();
    }

    [Theory]
    [InlineData("UTC", "2026-05-01")]
    [InlineData("America/Los_Angeles", "2026-05-01")]
    [InlineData("Asia/Tokyo", "2026-05-02")]
    public void Build_DailyCallLateInUtcDay_LandsOnTheZonesDate(string zoneId, string expectedKey)
    {
        // 23:30 UTC is 16:30 the same day in Los Angeles (PDT, UTC-7) and 08:30 the next day in Tokyo (UTC+9).
        var records = new[] { Call(LateOnMayFirstUtc) };

        var report = Build(ReportPeriod.Daily, zoneId, records);

        report.Rows.Select(r => r.Key).ShouldBe([expectedKey]);
        report.TimeZoneId.ShouldBe(zoneId);
    }

    [Theory]
    [InlineData(LateOnMayFirstUtc, "UTC", DayOfWeek.Monday, "2026-04-27")]
    [InlineData(LateOnMayFirstUtc, "UTC", DayOfWeek.Sunday, "2026-04-26")]
    [InlineData("2026-05-03T12:00:00Z", "UTC", DayOfWeek.Monday, "2026-04-27")]
    [InlineData("2026-05-03T12:00:00Z", "UTC", DayOfWeek.Sunday, "2026-05-03")]
    [InlineData("2026-04-27T00:00:00Z", "UTC", DayOfWeek.Monday, "2026-04-27")]
    [InlineData("2026-05-03T23:30:00Z", "Asia/Tokyo", DayOfWeek.Monday, "2026-05-04")]
    public void Build_Weekly_KeyIsTheFirstDayOfTheWeek(
        string timestamp, string zoneId, DayOfWeek weekStart, string expectedKey)
    {
        // 2026-05-01 is a Friday: its Monday is 04-27, its Sunday 04-26. 2026-05-03 is a Sunday: the last day of
        // the Monday week of 04-27, the first of its own Sunday week. 04-27 is a Monday, its own week's start.
        // Sunday 05-03 23:30 UTC is Monday 05-04 08:30 in Tokyo, which starts a new Monday week.
        var records = new[] { Call(timestamp) };

        var report = Build(ReportPeriod.Weekly, zoneId, records, weekStart);

        report.Rows.Select(r => r.Key).ShouldBe([expectedKey]);
    }

    [Theory]
    [InlineData(LateOnMayFirstUtc, "UTC", "2026-05")]
    [InlineData("2026-04-30T23:30:00Z", "Asia/Tokyo", "2026-05")]
    [InlineData("2026-06-01T03:00:00Z", "America/Los_Angeles", "2026-05")]
    public void Build_Monthly_KeyIsYearAndMonthInTheZone(string timestamp, string zoneId, string expectedKey)
    {
        // UTC: 05-01 23:30 is in May. Tokyo: 04-30 23:30 UTC is 05-01 08:30. Los Angeles: 06-01 03:00 UTC is
        // 05-31 20:00.
        var records = new[] { Call(timestamp) };

        var report = Build(ReportPeriod.Monthly, zoneId, records);

        report.Rows.Select(r => r.Key).ShouldBe([expectedKey]);
    }

    [Fact]
    public void Build_SessionWithSubagent_SubagentRolledIntoParent()
    {
        // s1: 100 + its subagent's 50 = 150 tokens over 2 calls; s2: 10 tokens, 1 call.
        var records = new[]
        {
            Call("2026-05-01T10:00:00Z", new TokenCounts(100, 0, 0, 0, 0), session: "s1"),
            Call("2026-05-01T10:01:00Z", new TokenCounts(50, 0, 0, 0, 0), session: "agent-7", parentSession: "s1"),
            Call("2026-05-01T11:00:00Z", new TokenCounts(10, 0, 0, 0, 0), session: "s2"),
        };

        var report = Build(ReportPeriod.Session, "UTC", records);

        report.Rows.Select(r => (r.Key, r.Calls, r.Tokens.TotalTokens)).ShouldBe([("s1", 2L, 150L), ("s2", 1L, 10L)]);
    }

    [Fact]
    public void Build_UnpricedModel_ListedWithVolumeAndKeptOutOfCost()
    {
        // Priced: 1,000 input × $3/MTok = $0.003. Unpriced "mystery-model": (100 + 50) + 200 = 350 tokens, 2 calls.
        var records = new[]
        {
            Call("2026-05-01T10:00:00Z", new TokenCounts(1_000, 0, 0, 0, 0)),
            Call("2026-05-01T10:01:00Z", new TokenCounts(100, 0, 0, 0, 50), model: "mystery-model"),
            Call("2026-05-01T10:02:00Z", new TokenCounts(200, 0, 0, 0, 0), model: "mystery-model"),
        };

        var report = Build(ReportPeriod.Model, "UTC", records);

        report.Unpriced.ShouldBe([new UnpricedModel("mystery-model", 2, 350)]);
        report.Totals.CostUsd.ShouldBe(0.003m);
        report.Totals.UnpricedTokens.ShouldBe(350);
        report.Totals.Tokens.TotalTokens.ShouldBe(1_350);
        report.Rows.Select(r => (r.Key, r.CostUsd, r.UnpricedTokens))
            .ShouldBe([(TestPrices.SonnetId, 0.003m, 0L), ("mystery-model", 0m, 350L)]);
    }

    [Fact]
    public void Build_CallWithoutModel_UnpricedUnderNoModel()
    {
        // 40 + 2 = 42 tokens with no model named.
        var records = new[] { Call("2026-05-01T10:00:00Z", new TokenCounts(40, 0, 0, 0, 2), model: null) };

        var report = Build(ReportPeriod.Daily, "UTC", records);

        report.Unpriced.ShouldBe([new UnpricedModel(UsageReport.NoModel, 1, 42)]);
        report.Totals.CostUsd.ShouldBe(0m);
    }

    [Fact]
    public void Build_PriceChangeAtUtcMidnight_PricedByUtcDateNotLocalDate()
    {
        // $5/MTok until 2026-05-31 UTC, $4/MTok from 2026-06-01. 05-31 23:30 UTC is 06-01 08:30 in Tokyo, so the
        // call lands on the 06-01 row but is priced on its UTC date: 1,000,000 × $5/MTok = $5.
        var prices = new PriceTable(
        [
            TestPrices.Plain("repriced-model", 5m, 25m),
            TestPrices.Plain("repriced-model", 4m, 20m, new DateOnly(2026, 6, 1)),
        ]);
        var records = new[]
        {
            Call("2026-05-31T23:30:00Z", new TokenCounts(1_000_000, 0, 0, 0, 0), model: "repriced-model"),
        };

        var report = Build(ReportPeriod.Daily, "Asia/Tokyo", records, prices: prices);

        report.Rows.Single().Key.ShouldBe("2026-06-01");
        report.Totals.CostUsd.ShouldBe(5m);
    }

    [Fact]
    public void Build_TwoDays_RowsInKeyOrderAndTotalsTheirSum()
    {
        // 05-01: 1,000 in × $3 + 1,000 out × $15 = $0.018, 2,000 tokens.
        // 05-02: 2,000 in × $3 = $0.006 plus 2 searches × $10 / 1,000 = $0.02, so $0.026; and 300 + 200 = 500
        // unpriced tokens; 2,500 tokens, 2 calls. Totals: $0.044, 4,500 tokens, 500 unpriced, 3 calls, 2 searches.
        var records = new[]
        {
            Call("2026-05-02T15:00:00Z", new TokenCounts(300, 0, 0, 0, 200), model: "mystery-model"),
            Call("2026-05-01T10:00:00Z", new TokenCounts(1_000, 0, 0, 0, 1_000)),
            Call("2026-05-02T09:00:00Z", new TokenCounts(2_000, 0, 0, 0, 0), webSearches: 2),
        };

        var report = Build(ReportPeriod.Daily, "UTC", records);

        report.Rows.Select(r => (r.Key, r.Calls, r.CostUsd, r.UnpricedTokens, r.Tokens.TotalTokens))
            .ShouldBe([("2026-05-01", 1L, 0.018m, 0L, 2_000L), ("2026-05-02", 2L, 0.026m, 500L, 2_500L)]);
        report.Totals.CostUsd.ShouldBe(0.044m);
        report.Totals.Tokens.TotalTokens.ShouldBe(4_500);
        report.Totals.UnpricedTokens.ShouldBe(500);
        report.Totals.Calls.ShouldBe(3);
        report.Totals.WebSearchRequests.ShouldBe(2);
        report.Totals.FirstActivity.ShouldBe(records[1].Timestamp);
        report.Totals.LastActivity.ShouldBe(records[0].Timestamp);
    }

    [Property(Arbitrary = new[] { typeof(ReportScenarioArbitrary) }, MaxTest = 200)]
    public void Build_AnyRecordsAnyPeriod_TotalsEqualSumOfRows(ReportScenario scenario)
    {
        var inputTokens = scenario.Records.Aggregate(TokenCounts.Zero, (sum, r) => sum + r.Tokens);

        var report = Build(scenario.Period, scenario.ZoneId, scenario.Records, scenario.WeekStart);

        var rowTokens = report.Rows.Aggregate(TokenCounts.Zero, (sum, row) => sum + row.Tokens);
        report.Totals.Tokens.ShouldBe(rowTokens);
        report.Totals.Tokens.ShouldBe(inputTokens);
        report.Totals.Calls.ShouldBe(report.Rows.Sum(r => r.Calls));
        report.Totals.Calls.ShouldBe(scenario.Records.Length);
        report.Totals.CostUsd.ShouldBe(report.Rows.Sum(r => r.CostUsd));
        report.Totals.UnpricedTokens.ShouldBe(report.Rows.Sum(r => r.UnpricedTokens));
        report.Totals.UnpricedTokens.ShouldBe(report.Unpriced.Sum(u => u.Tokens));
        report.Totals.WebSearchRequests.ShouldBe(report.Rows.Sum(r => r.WebSearchRequests));
        report.Totals.Energy.MinWh.ShouldBe(report.Rows.Sum(r => r.Energy.MinWh), 1e-9);
        report.Totals.Energy.MaxWh.ShouldBe(report.Rows.Sum(r => r.Energy.MaxWh), 1e-9);
        report.Totals.Carbon.MaxGCO2e.ShouldBe(report.Rows.Sum(r => r.Carbon.MaxGCO2e), 1e-9);
        report.Totals.UnknownSizeTokens.ShouldBe(report.Rows.Sum(r => r.UnknownSizeTokens));
        report.Totals.UnknownSizeTokens.ShouldBe(report.UnknownSize.Sum(u => u.Tokens));
    }
}
