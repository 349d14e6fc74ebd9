using Frugal.Domain.Usage;
using Frugal.Sources.Jsonl;

namespace Frugal.Sources.Codex;

/// <summary>
/// Turns the lines of one Codex rollout into usage records. Codex writes cumulative totals per thread
/// (<c>total_token_usage</c>), re-emits them unchanged, and has forked and subagent threads replay their parent's
/// history; so usage is the growth of the cumulative total, and each record is keyed by the thread family and the
/// cumulative value it reached. A re-emit adds nothing; a fork's replay carries the same keys as its parent's own
/// counts and merges with them; an archived copy of a rollout merges with the active one.
/// Codex counts cached input inside input: the records split it into disjoint uncached input and cache reads.
/// </summary>
public sealed class CodexRolloutLineReader : UsageLineReader
{
    private readonly string _fallbackThreadId;
    private readonly CodexThreadState _state;

    /// <summary>
    /// Starts reading a rollout at <paramref name="path"/> from a saved state (null at the file's start).
    /// </summary>
    public CodexRolloutLineReader(string path, string? savedState)
    {
        ArgumentNullException.ThrowIfNull(path);
        _fallbackThreadId = ThreadIdFromFileName(path);
        _state = CodexThreadState.Deserialize(savedState);
    }

    /// <inheritdoc />
    public override string SaveState() => _state.Serialize();

    /// <inheritdoc />
    protected override bool MayCarryUsage(ReadOnlySpan<byte> line) =>
        line.IndexOf("\"token_count\""u8) >= 0 || line.IndexOf("\"session_meta\""u8) >= 0
        || line.IndexOf("\"turn_context\""u8) >= 0;

    /// <inheritdoc />
    protected override void ReadLine(ReadOnlySpan<byte> line, long lineNumber) =>
        Take(CodexLine.Parse(line), lineNumber);

    private void Take(CodexLine line, long lineNumber)
    {
        switch (line.Type)
        {
            case "session_meta":
                TakeSessionMeta(line);
                break;
            case "turn_context":
                _state.Model = line.Model ?? _state.Model;
                _state.Cwd = line.Cwd ?? _state.Cwd;
                _state.Speed = line.ServiceTier ?? _state.Speed;
                break;
            case "event_msg" when line.PayloadType == "token_count":
                TakeTokenCount(line, lineNumber);
                break;
        }
    }

    private void TakeSessionMeta(CodexLine line)
    {
        if (_state.Settled || line.Id is null)
        {
            return;
        }

        var parent = line.ForkedFromId ?? line.ParentThreadId;
        if (_state.ThreadId is null)
        {
            _state.ThreadId = line.Id;
            _state.ParentThreadId = parent;
            _state.Cwd = line.Cwd ?? _state.Cwd;
            _state.Branch = line.Branch ?? _state.Branch;
            _state.Provider = line.Provider ?? _state.Provider;
            _state.Model = line.Model ?? _state.Model;
        }

        _state.Lineage.TryAdd(line.Id, parent);
    }

    private void TakeTokenCount(CodexLine line, long lineNumber)
    {
        if (!line.HasInfo || line.Total is null)
        {
            Diagnostics.Add(DiagnosticKind.Note, SkipReasons.RateLimitOnly, lineNumber);
            return;
        }

        if (Reject(line, out var instant) is { } reason)
        {
            Diagnostics.Add(DiagnosticKind.Skipped, reason, lineNumber);
            return;
        }

        Settle();
        var delta = Advance(line.Total, lineNumber);
        if (delta is null)
        {
            Diagnostics.Add(DiagnosticKind.Duplicate, SkipReasons.ReemittedTotals, lineNumber);
            return;
        }

        Emit(ToRecord(line.Total, delta, instant, lineNumber));
    }

    private static string? Reject(CodexLine line, out DateTimeOffset instant)
    {
        instant = default;
        if (line.Timestamp is null)
        {
            return SkipReasons.MissingTimestamp;
        }

        if (!JsonValues.TryParseInstant(line.Timestamp, out instant))
        {
            return SkipReasons.InvalidTimestamp;
        }

        return line.InvalidCount ? SkipReasons.InvalidTokenCount : null;
    }

    /// <summary>Fixes the thread's family once the opening metadata lines are over.</summary>
    private void Settle()
    {
        if (_state.Settled)
        {
            return;
        }

        _state.ThreadId ??= _fallbackThreadId;
        var family = _state.ThreadId;
        for (var hops = 0;
            hops < 64 && _state.Lineage.TryGetValue(family, out var parent) && parent is not null;
            hops++)
        {
            family = parent;
        }

        if (family == _state.ThreadId && _state.ParentThreadId is not null)
        {
            family = _state.ParentThreadId;
        }

        _state.FamilyId = family;
        _state.Settled = true;
    }

    /// <summary>The growth since the last totals, or null when nothing grew (a re-emit).</summary>
    private long[]? Advance(long[] total, long lineNumber)
    {
        var baseline = _state.Baseline;
        if (total.AsSpan().SequenceEqual(baseline))
        {
            return null;
        }

        // Input and output only grow within a thread; when either goes down the counter restarted. A dip in the
        // cached or reasoning share alone is the provider re-attributing tokens, not new usage: it counts as zero.
        var restarted = total[0] < baseline[0] || total[2] < baseline[2];
        var dipped = false;
        var delta = new long[total.Length];
        for (var i = 0; i < total.Length; i++)
        {
            delta[i] = restarted ? total[i] : Math.Max(0, total[i] - baseline[i]);
            dipped |= !restarted && total[i] < baseline[i];
        }

        if (restarted)
        {
            Diagnostics.Add(DiagnosticKind.Note, SkipReasons.CounterReset, lineNumber);
        }
        else if (dipped)
        {
            Diagnostics.Add(DiagnosticKind.Note, SkipReasons.CachedCounterDipped, lineNumber);
        }

        // After a dip the baseline keeps the highest value seen, so the share that comes back is not counted twice.
        _state.Baseline = restarted ? (long[])total.Clone() : [.. total.Zip(baseline, Math.Max)];
        return delta;
    }

    private UsageRecord ToRecord(long[] total, long[] delta, DateTimeOffset instant, long lineNumber)
    {
        var cached = delta[1];
        if (cached > delta[0])
        {
            Diagnostics.Add(DiagnosticKind.Note, SkipReasons.CachedAboveInput, lineNumber);
            cached = delta[0];
        }

        if (_state.Model is null)
        {
            Diagnostics.Add(DiagnosticKind.Note, SkipReasons.ModelNotRecorded, lineNumber);
        }

        var tokens = new TokenCounts(delta[0] - cached, 0, 0, cached, delta[2], Math.Min(delta[3], delta[2]));
        return new UsageRecord
        {
            Source = SourceNames.Codex,
            SourceKey = $"{_state.FamilyId}:{total[0]}:{total[1]}:{total[2]}:{total[3]}",
            Timestamp = instant,
            SessionId = _state.ThreadId!,
            ParentSessionId = _state.ParentThreadId,
            Project = _state.Cwd,
            GitBranch = _state.Branch,
            Tool = SourceNames.Codex,
            Provider = _state.Provider ?? "openai",
            Model = _state.Model,
            Tokens = tokens,
            Speed = _state.Speed,
            ServiceTier = _state.Speed,
            Sidechain = _state.ParentThreadId is not null,
            Provenance = Provenance.CachedInputSplit | Provenance.CumulativeDelta,
        };
    }

    private static string ThreadIdFromFileName(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        return stem.Length >= 36 && Guid.TryParse(stem[^36..], out _) ? stem[^36..] : stem;
    }
}
