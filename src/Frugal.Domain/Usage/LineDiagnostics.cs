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

/// <summary>One named reason with how many lines it covers and the first line it was seen on.</summary>
/// <param name="Kind">Whether lines were skipped, duplicates, or read with a note.</param>
/// <param name="Reason">The reason, in words a user can act on.</param>
/// <param name="Count">How many lines.</param>
/// <param name="FirstLineNumber">The first line (1-based) it applied to; 0 in totals over several files.</param>
public sealed record DiagnosticCount(DiagnosticKind Kind, string Reason, long Count, long FirstLineNumber);

/// <summary>Counts of lines by reason for one file: nothing a reader passes over goes uncounted.</summary>
public sealed class LineDiagnostics
{
    private readonly Dictionary<(DiagnosticKind, string), (long Count, long First)> _counts = [];

    /// <summary>Counts a line under <paramref name="reason"/>.</summary>
    public void Add(DiagnosticKind kind, string reason, long lineNumber, long count = 1)
    {
        var key = (kind, reason);
        _counts[key] = _counts.TryGetValue(key, out var seen)
            ? (checked(seen.Count + count), Math.Min(seen.First, lineNumber))
            : (count, lineNumber);
    }

    /// <summary>Adds every count of <paramref name="other"/>.</summary>
    public void AddAll(IEnumerable<DiagnosticCount> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var item in other)
        {
            Add(item.Kind, item.Reason, item.FirstLineNumber, item.Count);
        }
    }

    /// <summary>Whether nothing was counted.</summary>
    public bool IsEmpty => _counts.Count == 0;

    /// <summary>The counts, by kind then reason.</summary>
    public IReadOnlyList<DiagnosticCount> Counts => _counts
        .Select(pair => new DiagnosticCount(pair.Key.Item1, pair.Key.Item2, pair.Value.Count, pair.Value.First))
        .OrderBy(c => c.Kind)
        .ThenBy(c => c.Reason, StringComparer.Ordinal)
        .ToArray();
}
