namespace Frugal.Domain.Usage;

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
