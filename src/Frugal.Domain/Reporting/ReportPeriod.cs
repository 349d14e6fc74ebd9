namespace Frugal.Domain.Reporting;

/// <summary>How a usage report groups its rows.</summary>
public enum ReportPeriod
{
    /// <summary>One row per calendar day in the report's zone.</summary>
    Daily,

    /// <summary>One row per week in the report's zone, keyed by the week's first day.</summary>
    Weekly,

    /// <summary>One row per calendar month in the report's zone.</summary>
    Monthly,

    /// <summary>One row per session; subagent sessions roll into the session that started them.</summary>
    Session,

    /// <summary>One row per model id.</summary>
    Model,

    /// <summary>One row per project.</summary>
    Project,
}
