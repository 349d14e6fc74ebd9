using Frugal.Domain.Reporting;
using Frugal.Domain.Usage;
using FsCheck;
using FsCheck.Fluent;

namespace Frugal.Domain.Tests.Reporting;

/// <summary>A report to build: how it groups, in which zone, and the calls that go into it.</summary>
public sealed record ReportScenario(ReportPeriod Period, string ZoneId, DayOfWeek WeekStart, UsageRecord[] Records)
{
    public override string ToString() =>
        $"{Period} in {ZoneId} (weeks from {WeekStart}), {Records.Length} calls: "
        + string.Join("; ", Records.Select(r =>
            $"{r.Timestamp:O} {r.Model ?? "-"} {r.SessionId}<{r.ParentSessionId ?? "-"}> {r.Tokens.TotalTokens}"));
}

/// <summary>
/// Scenarios over two years of calls in three zones, mixing a priced model (under two spellings), an unpriced one
/// and calls with no model, subagent sessions and calls with and without a project.
/// </summary>
internal static class ReportScenarioArbitrary
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Arbitrary<ReportScenario> Scenarios() =>
        (from period in Gen.Elements(Enum.GetValues<ReportPeriod>())
         from zone in Gen.Elements("UTC", "America/Los_Angeles", "Asia/Tokyo")
         from weekStart in Gen.Elements(DayOfWeek.Monday, DayOfWeek.Sunday)
         from records in Gen.ArrayOf(Record())
         select new ReportScenario(period, zone, weekStart, records))
        .ToArbitrary();

    private static Gen<UsageRecord> Record() =>
        from minutes in Gen.Choose(0, 2 * 366 * 24 * 60)
        from model in Gen.Elements<string?>(
            TestPrices.SonnetId, "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "mystery-model", null)
        from session in Gen.Elements("s1", "s2", "s3")
        from parent in session == "s1" ? Gen.Constant<string?>(null) : Gen.Elements<string?>(null, "s1")
        from project in Gen.Elements<string?>(null, "/repo/a", "/repo/b")
        from counts in Gen.ArrayOf(Gen.Choose(0, 300_000), 5)
        from searches in Gen.Choose(0, 3)
        select new UsageRecord
        {
            Source = SourceNames.ClaudeCode,
            SourceKey = $"key-{minutes}",
            Timestamp = Start.AddMinutes(minutes),
            SessionId = session,
            ParentSessionId = parent,
            Project = project,
            Model = model,
            Tokens = new TokenCounts(counts[0], counts[1], counts[2], counts[3], counts[4]),
            WebSearchRequests = searches,
        };
}
