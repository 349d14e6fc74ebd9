using Frugal.Domain.Energy;

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

    /// <summary>Models whose size is unknown, so their calls are not in the energy, largest volume first.</summary>
    public IReadOnlyList<UnknownSizeModel> UnknownSize { get; init; } = [];

    /// <summary>Calls to a local model server: they cost $0 (the electricity they draw is not in the cost).</summary>
    public long LocalCalls { get; init; }

    /// <summary>
    /// Models of local calls with no recorded energy, so not in the energy (never estimated as hosted models), largest
    /// volume first.
    /// </summary>
    public IReadOnlyList<UnknownSizeModel> UnrecordedLocal { get; init; } = [];

    /// <summary>The grid zone usage carbon was computed at.</summary>
    public GridZone GridZone { get; init; } = GridIntensity.World;

    /// <summary>The method id of the energy estimates.</summary>
    public string EnergyMethod { get; init; } = CloudEnergyModel.DecodeMethod;

    /// <summary>The key of calls whose source named no model.</summary>
    public const string NoModel = "(no model)";

    /// <summary>The key of calls whose source named no session.</summary>
    public const string NoSession = "(no session)";

    /// <summary>The key of calls whose source named no project.</summary>
    public const string NoProject = "(no project)";
}
