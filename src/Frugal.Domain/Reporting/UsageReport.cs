namespace Frugal.Domain.Reporting;

/// <summary>A usage report: its rows in key order, the totals and the models that could not be priced.</summary>
/// <param name="Period">How the rows are grouped.</param>
/// <param name="TimeZoneId">The IANA zone dates were taken in.</param>
/// <param name="Rows">The rows, sorted by key.</param>
/// <param name="Totals">The sums over every row.</param>
/// <param name="Unpriced">Models without a price, largest volume first.</param>
public sealed record UsageReport(
    ReportPeriod Period,
    string TimeZoneId,
    IReadOnlyList<UsageSummary> Rows,
    UsageSummary Totals,
    IReadOnlyList<UnpricedModel> Unpriced)
{
    /// <summary>The zone dates were taken in (its id may be "Local" when the system's zone has no IANA name).</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The key of calls whose source named no model.</summary>
    public const string NoModel = "(no model)";

    /// <summary>The key of calls whose source named no session.</summary>
    public const string NoSession = "(no session)";

    /// <summary>The key of calls whose source named no project.</summary>
    public const string NoProject = "(no project)";
}
