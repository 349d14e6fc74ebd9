using System.Text;
using Frugal.Domain.Pricing;
using Frugal.Domain.Reporting;
using Frugal.Domain.Usage;
using Frugal.Sources.Discovery;
using Frugal.Storage.Import;
using Frugal.Storage.Ledger;
using Frugal.Storage.Tests.TestData;
using Shouldly;

namespace Frugal.Storage.Tests.Import;

public sealed class LedgerImporterTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Run_GeneratedTree_DailyTotalsEqualTheGeneratorsTruthInEveryField()
    {
        var generator = new ClaudeTreeGenerator(seed: 11);
        generator.Write(_temp.Combine("claude"), sessions: 40);
        using var ledger = UsageLedger.Open(_temp.Combine("ledger.db"));

        var summary = new LedgerImporter(ledger).Run(Roots(), null, TestContext.Current.CancellationToken);
        var report = Daily(ledger);

        report.Rows.Select(r => r.Key).ShouldBe(generator.Truth.Keys.Order(StringComparer.Ordinal));
        foreach (var row in report.Rows)
        {
            var truth = generator.Truth[row.Key];
            row.Calls.ShouldBe(truth.Calls, row.Key);
            row.Tokens.InputTokens.ShouldBe(truth.Input, row.Key);
            row.Tokens.CacheWrite5mTokens.ShouldBe(truth.CacheWrite5m, row.Key);
            row.Tokens.CacheWrite1hTokens.ShouldBe(truth.CacheWrite1h, row.Key);
            row.Tokens.CacheReadTokens.ShouldBe(truth.CacheRead, row.Key);
            row.Tokens.OutputTokens.ShouldBe(truth.Output, row.Key);
            row.WebSearchRequests.ShouldBe(truth.WebSearches, row.Key);
        }

        Skipped(summary, SkipReasons.MalformedJson).ShouldBe(generator.TruncatedUsageLines);
        Skipped(summary, SkipReasons.SyntheticModel).ShouldBeGreaterThan(0);
        summary.ReplaysRemoved.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Run_SecondTimeWithNothingNew_ReadsNoBytesAndAddsNothing()
    {
        new ClaudeTreeGenerator(seed: 3).Write(_temp.Combine("claude"), sessions: 10);
        using var ledger = UsageLedger.Open(_temp.Combine("ledger.db"));
        var first = new LedgerImporter(ledger).Run(Roots(), null, TestContext.Current.CancellationToken);

        var second = new LedgerImporter(ledger).Run(Roots(), null, TestContext.Current.CancellationToken);

        first.BytesRead.ShouldBeGreaterThan(0);
        second.BytesRead.ShouldBe(0);
        second.FilesRead.ShouldBe(0);
        second.CallsAdded.ShouldBe(0);
    }

    [Fact]
    public void Run_AfterLinesAreAppended_ReadsOnlyTheNewBytesAndCountsTheNewCall()
    {
        var file = WriteTranscript("s1", Assistant("msg_a", "req_a", "2026-05-01T10:00:00Z", output: 10));
        using var ledger = UsageLedger.Open(_temp.Combine("ledger.db"));
        new LedgerImporter(ledger).Run(Roots(), null, TestContext.Current.CancellationToken);
        var appended = Assistant("msg_b", "req_b", "2026-05-01T11:00:00Z", output: 7) + "\n";
        File.AppendAllText(file, appended);
        // Before reading on, the importer checks that the file's head (here: its one old line, under 4 KiB) and the
        // last line it read (the same line) are unchanged: the old bytes are read twice, the new ones once.
        var oldLine = Encoding.UTF8.GetByteCount(Assistant("msg_a", "req_a", "2026-05-01T10:00:00Z", output: 10)) + 1;

        var second = new LedgerImporter(ledger).Run(Roots(), null, TestContext.Current.CancellationToken);

        second.CallsAdded.ShouldBe(1);
        second.FilesRestarted.ShouldBe(0);
        second.BytesRead.ShouldBe(Encoding.UTF8.GetByteCount(appended) + 2 * oldLine);
        Daily(ledger).Totals.Tokens.OutputTokens.ShouldBe(17);
    }

    [Fact]
    public void Run_FileTruncatedAndRewritten_IsReadAgainFromTheStart()
    {
        var file = WriteTranscript(
            "s1",
            Assistant("msg_a", "req_a", "2026-05-01T10:00:00Z", output: 10),
            Assistant("msg_b", "req_b", "2026-05-01T10:01:00Z", output: 20));
        using var ledger = UsageLedger.Open(_temp.Combine("ledger.db"));
        new LedgerImporter(ledger).Run(Roots(), null, TestContext.Current.CancellationToken);
        File.WriteAllText(file, Assistant("msg_c", "req_c", "2026-05-01T10:02:00Z", output: 5) + "\n");

        var second = new LedgerImporter(ledger).Run(Roots(), null, TestContext.Current.CancellationToken);

        second.FilesRestarted.ShouldBe(1);
        second.CallsAdded.ShouldBe(1);
        Daily(ledger).Totals.Tokens.OutputTokens.ShouldBe(35, "the ledger keeps calls whose lines are gone");
    }

    [Fact]
    public void Run_FileReplacedByOneOfTheSameSize_IsReadAgain()
    {
        var file = WriteTranscript("s1", Assistant("msg_a", "req_a", "2026-05-01T10:00:00Z", output: 10));
        using var ledger = UsageLedger.Open(_temp.Combine("ledger.db"));
        new LedgerImporter(ledger).Run(Roots(), null, TestContext.Current.CancellationToken);
        File.WriteAllText(file, Assistant("msg_z", "req_z", "2026-05-01T10:00:00Z", output: 90) + "\n");
        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddMinutes(1));

        var second = new LedgerImporter(ledger).Run(Roots(), null, TestContext.Current.CancellationToken);

        second.FilesRestarted.ShouldBe(1);
        Daily(ledger).Totals.Tokens.OutputTokens.ShouldBe(100);
    }

    [Fact]
    public void Run_FileRewrittenKeepingSizeAndLastLine_IsReadAgain()
    {
        var last = Assistant("msg_b", "req_b", "2026-05-01T10:01:00Z", output: 22);
        var file = WriteTranscript("s1", Assistant("msg_a", "req_a", "2026-05-01T10:00:00Z", output: 11), last);
        using var ledger = UsageLedger.Open(_temp.Combine("ledger.db"));
        new LedgerImporter(ledger).Run(Roots(), null, TestContext.Current.CancellationToken);
        File.WriteAllText(file, Assistant("msg_z", "req_z", "2026-05-01T10:00:00Z", output: 99) + "\n" + last + "\n");
        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddMinutes(1));

        var second = new LedgerImporter(ledger).Run(Roots(), null, TestContext.Current.CancellationToken);

        second.FilesRestarted.ShouldBe(1);
        second.CallsAdded.ShouldBe(1);
        Daily(ledger).Totals.Tokens.OutputTokens.ShouldBe(11 + 22 + 99);
    }

    [Fact]
    public void Run_StoppedMidwayThroughAFileReadInChunks_ReadsTheRestOfItNextTime()
    {
        var lines = Enumerable.Range(1, 40)
            .Select(i => Assistant($"msg_{i}", $"req_{i}", "2026-05-01T10:00:00Z", output: i))
            .ToArray();
        WriteTranscript("s1", lines);
        using var ledger = UsageLedger.Open(_temp.Combine("ledger.db"));
        var stopping = new ImportOptions
        {
            ChunkBytes = 1_000,
            BatchRecords = 1,
            Parallelism = 1,
            BeforeCommit = batch => { if (batch == 3) { throw new InvalidOperationException("killed"); } },
        };
        Should.Throw<InvalidOperationException>(
            () => new LedgerImporter(ledger, stopping).Run(Roots(), null, TestContext.Current.CancellationToken));
        var partial = ledger.Stats().Calls;

        new LedgerImporter(ledger).Run(Roots(), null, TestContext.Current.CancellationToken);

        partial.ShouldBeInRange(1, 39);
        Daily(ledger).Totals.Calls.ShouldBe(40);
        Daily(ledger).Totals.Tokens.OutputTokens.ShouldBe(40 * 41 / 2);
    }

    [Fact]
    public void Run_APassThatOnlyTakesALineFeed_LeavesACheckpointTheNextAppendMatches()
    {
        var first = Assistant("msg_a", "req_a", "2026-05-01T10:00:00Z", output: 1);
        var file = WriteTranscript("s1");
        File.WriteAllText(file, first);
        using var ledger = UsageLedger.Open(_temp.Combine("ledger.db"));
        new LedgerImporter(ledger).Run(Roots(), null, TestContext.Current.CancellationToken);
        File.AppendAllText(file, "\n");
        new LedgerImporter(ledger).Run(Roots(), null, TestContext.Current.CancellationToken);
        File.AppendAllText(file, Assistant("msg_b", "req_b", "2026-05-01T10:01:00Z", output: 2) + "\n");

        var third = new LedgerImporter(ledger).Run(Roots(), null, TestContext.Current.CancellationToken);

        third.FilesRestarted.ShouldBe(0);
        third.Lines.ShouldBe(1);
        Daily(ledger).Totals.Calls.ShouldBe(2);
    }

    [Fact]
    public void Run_LineStillBeingWritten_IsTakenOnlyOnceItIsWhole()
    {
        var whole = Assistant("msg_a", "req_a", "2026-05-01T10:00:00Z", output: 10);
        var file = WriteTranscript("s1");
        File.WriteAllText(file, whole[..40]);
        using var ledger = UsageLedger.Open(_temp.Combine("ledger.db"));
        var first = new LedgerImporter(ledger).Run(Roots(), null, TestContext.Current.CancellationToken);
        File.WriteAllText(file, whole + "\n");

        var second = new LedgerImporter(ledger).Run(Roots(), null, TestContext.Current.CancellationToken);

        first.CallsAdded.ShouldBe(0);
        first.Diagnostics.ShouldBeEmpty();
        second.CallsAdded.ShouldBe(1);
        second.FilesRestarted.ShouldBe(0);
    }

    [Fact]
    public void Run_KilledBeforeACommitThenRunAgain_GivesTheSameTotalsAsOneCleanRun()
    {
        new ClaudeTreeGenerator(seed: 5).Write(_temp.Combine("claude"), sessions: 30);
        using var clean = UsageLedger.Open(_temp.Combine("clean.db"));
        new LedgerImporter(clean).Run(Roots(), null, TestContext.Current.CancellationToken);
        using var crashed = UsageLedger.Open(_temp.Combine("crashed.db"));
        var crashing = new ImportOptions
        {
            BatchRecords = 40,
            Parallelism = 1,
            BeforeCommit = batch => { if (batch == 3) { throw new InvalidOperationException("killed"); } },
        };

        Should.Throw<InvalidOperationException>(
            () => new LedgerImporter(crashed, crashing).Run(Roots(), null, TestContext.Current.CancellationToken));
        var partial = crashed.Stats().Calls;
        new LedgerImporter(crashed).Run(Roots(), null, TestContext.Current.CancellationToken);

        partial.ShouldBeGreaterThan(0);
        partial.ShouldBeLessThan(clean.Stats().Calls);
        Daily(crashed).Totals.Tokens.ShouldBe(Daily(clean).Totals.Tokens);
        Daily(crashed).Totals.Calls.ShouldBe(Daily(clean).Totals.Calls);
        crashed.DiagnosticTotals().ShouldBe(clean.DiagnosticTotals());
    }

    [Fact]
    public async Task Run_TwoImportsAtOnceOnOneLedger_NeverDoubleCount()
    {
        var generator = new ClaudeTreeGenerator(seed: 9);
        generator.Write(_temp.Combine("claude"), sessions: 30);
        var path = _temp.Combine("ledger.db");
        using (UsageLedger.Open(path))
        {
        }

        var options = new ImportOptions { BatchRecords = 25 };
        var imports = Enumerable.Range(0, 2).Select(_ => Task.Run(
            () =>
        {
            using var ledger = UsageLedger.Open(path);
            return new LedgerImporter(ledger, options).Run(Roots(), null, TestContext.Current.CancellationToken);
        }, TestContext.Current.CancellationToken));
        await Task.WhenAll(imports);

        using var result = UsageLedger.Open(path);
        var totals = Daily(result).Totals;
        totals.Calls.ShouldBe(generator.Truth.Values.Sum(t => t.Calls));
        totals.Tokens.OutputTokens.ShouldBe(generator.Truth.Values.Sum(t => t.Output));
        totals.Tokens.CacheReadTokens.ShouldBe(generator.Truth.Values.Sum(t => t.CacheRead));
    }

    [Fact]
    public void Run_SidechainReplayImportedBeforeItsParent_CountsTheCallOnceAsTheParents()
    {
        var replay = Assistant("msg_p", "req_other", "2026-05-01T10:05:00Z", output: 50, sidechain: true);
        WriteTranscript(Path.Combine("s1", "subagents", "agent-x"), replay);
        using var ledger = UsageLedger.Open(_temp.Combine("ledger.db"));
        new LedgerImporter(ledger).Run(Roots(), null, TestContext.Current.CancellationToken);
        WriteTranscript("s1", Assistant("msg_p", "req_p", "2026-05-01T10:00:00Z", output: 50));

        var second = new LedgerImporter(ledger).Run(Roots(), null, TestContext.Current.CancellationToken);

        second.ReplaysRemoved.ShouldBe(1);
        var report = Daily(ledger);
        report.Totals.Calls.ShouldBe(1);
        report.Totals.Tokens.OutputTokens.ShouldBe(50);
    }

    private IReadOnlyList<SourceRoot> Roots() =>
        [new SourceRoot(SourceNames.ClaudeCode, _temp.Combine("claude", "projects"), "test")];

    private string WriteTranscript(string name, params string[] lines)
    {
        var path = _temp.Combine("claude", "projects", "-home-dev-app", name + ".jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, lines.Length == 0 ? string.Empty : string.Join("\n", lines) + "\n");
        return path;
    }

    private static string Assistant(
        string messageId, string requestId, string timestamp, int output, bool sidechain = false)
    {
        var side = sidechain ? "true" : "false";
        var usage = $"{{\"input_tokens\":3,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":100,"
            + $"\"output_tokens\":{output}}}";
        return $"{{\"type\":\"assistant\",\"isSidechain\":{side},\"sessionId\":\"s1\",\"cwd\":\"/home/dev/app\","
            + $"\"requestId\":\"{requestId}\",\"timestamp\":\"{timestamp}\",\"message\":{{\"id\":\"{messageId}\","
            + $"\"model\":\"claude-sonnet-4-5-20250929\",\"role\":\"assistant\",\"usage\":{usage}}}}}";
    }

    private static UsageReport Daily(UsageLedger ledger)
    {
        var builder = new ReportBuilder(ReportPeriod.Daily, TimeZoneInfo.Utc, new PriceTable([]));
        ledger.ReadUsage(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, builder.Add);
        return builder.Build();
    }

    private static long Skipped(ImportSummary summary, string reason) =>
        summary.Diagnostics.Where(d => d.Kind == DiagnosticKind.Skipped && d.Reason == reason).Sum(d => d.Count);
}
