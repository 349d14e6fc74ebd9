using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Frugal.Domain.Usage;

namespace Frugal.Sources.Jsonl;

/// <summary>
/// The part every usage source's line reader shares: counting lines, checking the shape of lines that are not parsed
/// in full, repairing invalid UTF-8, catching malformed JSON, and handing over records and diagnostics in chunks.
/// </summary>
public abstract class UsageLineReader : ILineSink
{
    private readonly List<UsageRecord> _records = [];
    private LineDiagnostics _diagnostics = new();
    private long _lines;

    /// <summary>The diagnostics of the lines read since they were last taken.</summary>
    protected LineDiagnostics Diagnostics => _diagnostics;

    /// <inheritdoc />
    public void OnLine(ReadOnlySpan<byte> line, long lineNumber)
    {
        _lines++;
        if (!MayCarryUsage(line))
        {
            CheckShape(line, lineNumber);
            return;
        }

        if (!Utf8.IsValid(line))
        {
            _diagnostics.Add(DiagnosticKind.Note, SkipReasons.InvalidUtf8Repaired, lineNumber);
            line = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(line));
        }

        try
        {
            ReadLine(line, lineNumber);
        }
        catch (JsonException)
        {
            _diagnostics.Add(DiagnosticKind.Skipped, SkipReasons.MalformedJson, lineNumber);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException
            or ArgumentException)
        {
            // Valid JSON whose values .NET cannot hold, such as a string escape of half a surrogate pair.
            _diagnostics.Add(DiagnosticKind.Skipped, SkipReasons.InvalidValue, lineNumber);
        }
    }

    /// <summary>Counts a line too long to hold in memory, which was passed over unread.</summary>
    public void OnOversizedLine(long lineNumber)
    {
        _lines++;
        _diagnostics.Add(DiagnosticKind.Skipped, SkipReasons.LineTooLong, lineNumber);
    }

    /// <summary>The records read since they were last taken; the reader forgets them.</summary>
    public IReadOnlyList<UsageRecord> TakeRecords()
    {
        var records = _records.ToArray();
        _records.Clear();
        return records;
    }

    /// <summary>The diagnostics since they were last taken; the reader forgets them.</summary>
    public IReadOnlyList<DiagnosticCount> TakeDiagnostics()
    {
        var counts = _diagnostics.Counts;
        _diagnostics = new LineDiagnostics();
        return counts;
    }

    /// <summary>How many lines were read since this was last asked.</summary>
    public long TakeLineCount()
    {
        var lines = _lines;
        _lines = 0;
        return lines;
    }

    /// <summary>The reader's own state to save with the checkpoint, or null when it keeps none.</summary>
    public virtual string? SaveState() => null;

    /// <summary>Whether a line may carry usage and must be parsed in full; a cheap byte search.</summary>
    protected abstract bool MayCarryUsage(ReadOnlySpan<byte> line);

    /// <summary>
    /// Parses a line that may carry usage; throws <see cref="JsonException"/> when it is not valid JSON.
    /// </summary>
    protected abstract void ReadLine(ReadOnlySpan<byte> line, long lineNumber);

    /// <summary>Keeps a record read from the current line.</summary>
    protected void Emit(UsageRecord record) => _records.Add(record);

    private void CheckShape(ReadOnlySpan<byte> line, long lineNumber)
    {
        if (JsonValues.IsBlank(line))
        {
            _diagnostics.Add(DiagnosticKind.Note, SkipReasons.BlankLine, lineNumber);
        }
        else if (!JsonValues.LooksLikeWholeObject(line))
        {
            _diagnostics.Add(DiagnosticKind.Skipped, SkipReasons.MalformedJson, lineNumber);
        }
    }
}
