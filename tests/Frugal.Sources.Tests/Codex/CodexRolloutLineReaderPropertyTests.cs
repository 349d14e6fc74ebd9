using FsCheck.Xunit;
using Frugal.Domain.Usage;
using Frugal.Sources.Codex;
using static Frugal.Sources.Tests.Codex.CodexLines;

namespace Frugal.Sources.Tests.Codex;

public sealed class CodexRolloutLineReaderPropertyTests
{
    private const string ThreadId = "01970000-0000-7000-8000-000000000001";

    /// <summary>
    /// Each step grows the cumulative totals by (b, b/3 of it cached, b%7 output with half of that reasoning);
    /// a zero step is a re-emit. Whatever the steps, the records add up to the last totals, one per growing step.
    /// </summary>
    [Property]
    public bool Read_AnyGrowingTotalsWithReemits_RecordsAddUpToLastTotals(byte[] steps)
    {
        var lines = Lines(steps, out var last);
        var reader = new CodexRolloutLineReader(RolloutFileName(ThreadId), null);

        reader.Feed(lines);

        var records = reader.TakeRecords();
        var sum = records.Aggregate(TokenCounts.Zero, (total, r) => total + r.Tokens);
        return records.Count == steps.Count(b => b > 0)
            && sum == new TokenCounts(last.Input - last.Cached, 0, 0, last.Cached, last.Output, last.Reasoning)
            && records.Select(r => r.SourceKey).Distinct().Count() == records.Count;
    }

    /// <summary>Two passes, the second from the first's saved state, give the records of one pass.</summary>
    [Property]
    public bool Read_SplitAnywhereWithSavedState_SameRecordsAsOnePass(byte[] steps, byte splitAt)
    {
        var lines = Lines(steps, out _);
        var split = splitAt % (lines.Length + 1);
        var whole = new CodexRolloutLineReader(RolloutFileName(ThreadId), null);
        var first = new CodexRolloutLineReader(RolloutFileName(ThreadId), null);

        whole.Feed(lines);
        first.Feed(lines[..split]);
        var second = new CodexRolloutLineReader(RolloutFileName(ThreadId), first.SaveState());
        second.Feed(lines[split..]);

        return first.TakeRecords().Concat(second.TakeRecords()).SequenceEqual(whole.TakeRecords());
    }

    private static string[] Lines(byte[] steps, out CodexTotals last)
    {
        var lines = new List<string> { SessionMeta(ThreadId), TurnContext("gpt-5.2-codex") };
        last = default;
        var time = new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
        foreach (var step in steps)
        {
            var output = step % 7;
            last = new CodexTotals(
                last.Input + step, last.Cached + (step / 3), last.Output + output, last.Reasoning + (output / 2));
            time = time.AddSeconds(1);
            lines.Add(TokenCount(time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), last));
        }

        return [.. lines];
    }
}
