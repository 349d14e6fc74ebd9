using Frugal.Domain.Reporting;
using Frugal.Domain.Usage;
using Frugal.Sources.Discovery;
using Frugal.Sources.Prices;
using Frugal.Storage.Import;
using Frugal.Storage.Ledger;
using Frugal.Storage.Tests.TestData;
using Shouldly;

namespace Frugal.Storage.Tests.Ledger;

/// <summary>
/// Reports read calls summed in SQL; these tests hold that sum to the report built call by call, in zones whose
/// offsets are whole hours, half hours and quarter hours, for every period.
/// </summary>
public sealed class UsageLedgerGroupsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("UTC")]
    [InlineData("America/Los_Angeles")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Asia/Kathmandu")]
    [InlineData("Australia/Lord_Howe")]
    public void ReadUsageGroups_EveryPeriod_GivesTheSameReportAsCallByCall(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        new ClaudeTreeGenerator(seed: 17).Write(_temp.Combine("claude"), sessions: 30);
        using var ledger = UsageLedger.Open(_temp.Combine("ledger.db"));
        var roots = new[] { new SourceRoot(SourceNames.ClaudeCode, _temp.Combine("claude", "projects"), "test") };
        new LedgerImporter(ledger).Run(roots, null, TestContext.Current.CancellationToken);
        var prices = PriceCatalog.Load();

        foreach (var period in Enum.GetValues<ReportPeriod>())
        {
            var byCall = new ReportBuilder(period, zone, prices);
            ledger.ReadUsage(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, byCall.Add);
            var grouped = new ReportBuilder(period, zone, prices);
            ledger.ReadUsageGroups(
                period, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, prices.PromptTier, grouped.Add);

            Same(grouped.Build(), byCall.Build(), $"{zoneId} {period}");
        }
    }

    [Fact]
    public void ReadUsageGroups_CallsEitherSideOfTheLongContextThreshold_ArePricedApart()
    {
        using var ledger = UsageLedger.Open(_temp.Combine("ledger.db"));
        var at = new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
        ledger.Commit([Call("a", at, cacheRead: 199_990), Call("b", at.AddMinutes(1), cacheRead: 200_001)], []);
        var prices = PriceCatalog.Load();
        var report = new ReportBuilder(ReportPeriod.Daily, TimeZoneInfo.Utc, prices);

        ledger.ReadUsageGroups(
            ReportPeriod.Daily, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, prices.PromptTier,
            report.Add);

        // claude-sonnet-4-5: a prompt of 10 + 199,990 = 200,000 tokens is not above the threshold:
        //   10 x $3 + 199,990 x $0.30 + 100 x $15 = 30 + 59,997 + 1,500 = 61,527 micro-dollars;
        // 10 + 200,001 = 200,011 is above it, so the whole request is at the long-context rates:
        //   10 x $6 + 200,001 x $0.60 + 100 x $22.50 = 60 + 120,000.6 + 2,250 = 122,310.6 micro-dollars.
        report.Build().Totals.CostUsd.ShouldBe(0.0615270m + 0.1223106m);
    }

    private static UsageRecord Call(string key, DateTimeOffset at, long cacheRead) => new()
    {
        Source = SourceNames.ClaudeCode,
        SourceKey = key,
        Timestamp = at,
        SessionId = "s",
        Model = "claude-sonnet-4-5-20250929",
        Tokens = new TokenCounts(10, 0, 0, cacheRead, 100),
    };

    private static void Same(UsageReport actual, UsageReport expected, string context)
    {
        actual.Rows.Select(r => r.Key).ShouldBe(expected.Rows.Select(r => r.Key), context);
        foreach (var (a, e) in actual.Rows.Zip(expected.Rows))
        {
            a.Tokens.ShouldBe(e.Tokens, $"{context} {a.Key}");
            a.Calls.ShouldBe(e.Calls, $"{context} {a.Key}");
            a.CostUsd.ShouldBe(e.CostUsd, $"{context} {a.Key}");
            a.WebSearchRequests.ShouldBe(e.WebSearchRequests, $"{context} {a.Key}");
            a.FirstActivity.ShouldBe(e.FirstActivity, $"{context} {a.Key}");
            a.LastActivity.ShouldBe(e.LastActivity, $"{context} {a.Key}");
            a.Models.ShouldBe(e.Models, $"{context} {a.Key}");
        }

        actual.Totals.CostUsd.ShouldBe(expected.Totals.CostUsd, context);
        actual.Unpriced.ShouldBe(expected.Unpriced, context);
    }
}
