namespace Frugal.Domain.Usage;

/// <summary>How a line that produced no usage record is counted.</summary>
public enum DiagnosticKind
{
    /// <summary>The line might have carried usage but could not be used; shown as a skipped line.</summary>
    Skipped,

    /// <summary>The line repeats usage already counted (a replay or re-emit); nothing is lost.</summary>
    Duplicate,

    /// <summary>The line was read with a repair or an assumption worth knowing; its usage still counts.</summary>
    Note,
}
