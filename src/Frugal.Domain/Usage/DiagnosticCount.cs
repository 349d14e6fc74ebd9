namespace Frugal.Domain.Usage;

/// <summary>One named reason with how many lines it covers and the first line it was seen on.</summary>
/// <param name="Kind">Whether lines were skipped, duplicates, or read with a note.</param>
/// <param name="Reason">The reason, in words a user can act on.</param>
/// <param name="Count">How many lines.</param>
/// <param name="FirstLineNumber">The first line (1-based) it applied to; 0 in totals over several files.</param>
public sealed record DiagnosticCount(DiagnosticKind Kind, string Reason, long Count, long FirstLineNumber);
