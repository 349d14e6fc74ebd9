using Frugal.Domain.Usage;
using Frugal.Sources.Codex;
using Frugal.Sources.Jsonl;
using Shouldly;
using Xunit;
using static Frugal.Sources.Tests.Codex.CodexLines;

namespace Frugal.Sources.Tests.Codex;

public sealed class CodexRolloutLineReaderTests
{
    private const string ThreadId = "01970000-0000-7000-8000-000000000001";
    private const string ParentId = "01970000-0000-7000-8000-00000000000a";
    private const string ChildId = "01970000-0000-7000-8000-00000000000b";

    [Fact]
    public void Read_TwoTurns_RecordsAreDifferencesOfCumulativeTotals()
    {
        var reader = NewReader();

        reader.Feed(
            SessionMeta(ThreadId),
            TurnContext("gpt-5.2-codex"),
            TokenCount("2026-05-01T10:00:10.000Z", new(1000, 200, 100, 40)),
            TokenCount("2026-05-01T10:01:10.000Z", new(3000, 1200, 300, 100), last: new(2000, 1000, 200, 60)));

        var records = reader.TakeRecords();
        records.Count.ShouldBe(2);
        records[0].Tokens.ShouldBe(new TokenCounts(800, 0, 0, 200, 100, 40));
        records[1].Tokens.ShouldBe(new TokenCounts(1000, 0, 0, 1000, 200, 60));
        records.Sum(r => r.Tokens.TotalTokens).ShouldBe(3300);
        records[0].SourceKey.ShouldNotBe(records[1].SourceKey);
        reader.TakeDiagnostics().ShouldBeEmpty();
    }

    [Fact]
    public void Read_TokenCount_CopiesThreadContextIntoRecord()
    {
        var reader = NewReader();
        var meta = ",\"model_provider\":\"azure\",\"git\":{\"commit_hash\":\"abc\",\"branch\":\"feat/x\"}";

        reader.Feed(
            SessionMeta(ThreadId, meta),
            TurnContext("gpt-5.2-codex"),
            TokenCount("2026-05-01T10:00:10.000Z", new(1000, 200, 100, 40)));

        var record = reader.TakeRecords().ShouldHaveSingleItem();
        record.Source.ShouldBe("codex");
        record.Timestamp.ShouldBe(new DateTimeOffset(2026, 5, 1, 10, 0, 10, TimeSpan.Zero));
        record.SessionId.ShouldBe(ThreadId);
        record.ParentSessionId.ShouldBeNull();
        record.Sidechain.ShouldBeFalse();
        record.Model.ShouldBe("gpt-5.2-codex");
        record.Provider.ShouldBe("azure");
        record.Project.ShouldBe("/home/dev/proj");
        record.GitBranch.ShouldBe("feat/x");
        record.Provenance.ShouldBe(Provenance.CachedInputSplit | Provenance.CumulativeDelta);
    }

    [Fact]
    public void Read_ReemitOfUnchangedTotals_AddsNothing()
    {
        var reader = NewReader();

        reader.Feed(
            SessionMeta(ThreadId),
            TurnContext("gpt-5.2-codex"),
            TokenCount("2026-05-01T10:00:10.000Z", new(1000, 200, 100, 40)),
            TokenCount("2026-05-01T10:00:10.500Z", new(1000, 200, 100, 40)));

        reader.TakeRecords().ShouldHaveSingleItem().Tokens.ShouldBe(new TokenCounts(800, 0, 0, 200, 100, 40));
        reader.TakeDiagnostics().ShouldBe(
            [new DiagnosticCount(DiagnosticKind.Duplicate, "re-emitted unchanged totals", 1, 4)]);
    }

    [Fact]
    public void Read_TokenCountWithNullInfo_AddsNothingWithNote()
    {
        var reader = NewReader();

        reader.Feed(
            SessionMeta(ThreadId),
            TurnContext("gpt-5.2-codex"),
            RateLimitsOnly("2026-05-01T10:00:05.000Z"),
            TokenCount("2026-05-01T10:00:10.000Z", new(1000, 200, 100, 40)));

        reader.TakeRecords().ShouldHaveSingleItem().Tokens.ShouldBe(new TokenCounts(800, 0, 0, 200, 100, 40));
        var diagnostic = reader.TakeDiagnostics().ShouldHaveSingleItem();
        diagnostic.Kind.ShouldBe(DiagnosticKind.Note);
        diagnostic.FirstLineNumber.ShouldBe(3);
    }

    [Fact]
    public void Read_ForkedChildReplayingParent_ReplayKeysEqualParentKeysInChildSidechain()
    {
        var parent = new CodexRolloutLineReader(RolloutFileName(ParentId), null);
        var child = new CodexRolloutLineReader(RolloutFileName(ChildId), null);
        var turnOne = new CodexTotals(1000, 200, 100, 40);
        var turnTwo = new CodexTotals(3000, 1200, 300, 100);

        parent.Feed(
            SessionMeta(ParentId),
            TurnContext("gpt-5.2-codex"),
            TokenCount("2026-05-01T10:00:10.000Z", turnOne),
            TokenCount("2026-05-01T10:01:10.000Z", turnTwo));
        child.Feed(
            SessionMeta(ChildId, $",\"forked_from_id\":\"{ParentId}\""),
            SessionMeta(ParentId),
            TurnContext("gpt-5.2-codex"),
            TokenCount("2026-05-01T11:00:00.000Z", turnOne),
            TokenCount("2026-05-01T11:00:00.000Z", turnTwo),
            TokenCount("2026-05-01T11:02:00.000Z", new(3500, 1300, 400, 120)));

        var parentRecords = parent.TakeRecords();
        var childRecords = child.TakeRecords();
        childRecords.Count.ShouldBe(3);
        childRecords[0].SourceKey.ShouldBe(parentRecords[0].SourceKey);
        childRecords[1].SourceKey.ShouldBe(parentRecords[1].SourceKey);
        parentRecords.Select(r => r.SourceKey).ShouldNotContain(childRecords[2].SourceKey);
        childRecords[2].Tokens.ShouldBe(new TokenCounts(400, 0, 0, 100, 100, 20));
        childRecords.ShouldAllBe(r => r.SessionId == ChildId && r.ParentSessionId == ParentId && r.Sidechain);
    }

    [Fact]
    public void Read_SubagentSpawnedByThread_ParentIsSpawningThread()
    {
        var reader = new CodexRolloutLineReader(RolloutFileName(ChildId), null);
        var source = ",\"source\":{\"subagent\":{\"thread_spawn\":{\"parent_thread_id\":\"P\",\"depth\":1}}}";

        reader.Feed(
            SessionMeta(ChildId, source),
            TurnContext("gpt-5.2-codex"),
            TokenCount("2026-05-01T11:00:00.000Z", new(500, 0, 50, 10)));

        var record = reader.TakeRecords().ShouldHaveSingleItem();
        record.SessionId.ShouldBe(ChildId);
        record.ParentSessionId.ShouldBe("P");
        record.Sidechain.ShouldBeTrue();
    }

    [Fact]
    public void Read_ModelChangesBetweenTurns_EachRecordHasItsTurnModel()
    {
        var reader = NewReader();

        reader.Feed(
            SessionMeta(ThreadId),
            TurnContext("gpt-5.2-codex"),
            TokenCount("2026-05-01T10:00:10.000Z", new(1000, 200, 100, 40)),
            TurnContext("gpt-5.2"),
            TokenCount("2026-05-01T10:01:10.000Z", new(3000, 1200, 300, 100)));

        reader.TakeRecords().Select(r => r.Model).ShouldBe(["gpt-5.2-codex", "gpt-5.2"]);
    }

    [Fact]
    public void Read_TokenCountBeforeAnyTurnContext_RecordWithoutModelAndNote()
    {
        var reader = NewReader();

        reader.Feed(
            SessionMeta(ThreadId),
            TokenCount("2026-05-01T10:00:10.000Z", new(1000, 200, 100, 40)));

        var record = reader.TakeRecords().ShouldHaveSingleItem();
        record.Model.ShouldBeNull();
        record.Tokens.ShouldBe(new TokenCounts(800, 0, 0, 200, 100, 40));
        reader.TakeDiagnostics().ShouldBe(
            [new DiagnosticCount(DiagnosticKind.Note, SkipReasons.ModelNotRecorded, 1, 2)]);
    }

    [Fact]
    public void Read_CounterGoesDown_NoteAndCountsRestartFromNewValue()
    {
        var reader = NewReader();

        reader.Feed(
            SessionMeta(ThreadId),
            TurnContext("gpt-5.2-codex"),
            TokenCount("2026-05-01T10:00:10.000Z", new(1000, 200, 100, 40)),
            TokenCount("2026-05-01T10:05:00.000Z", new(300, 0, 50, 0)),
            TokenCount("2026-05-01T10:06:00.000Z", new(400, 50, 60, 5)));

        reader.TakeRecords().Select(r => r.Tokens).ShouldBe(
        [
            new TokenCounts(800, 0, 0, 200, 100, 40),
            new TokenCounts(300, 0, 0, 0, 50, 0),
            new TokenCounts(50, 0, 0, 50, 10, 5),
        ]);
        reader.TakeDiagnostics().ShouldBe(
            [new DiagnosticCount(DiagnosticKind.Note, SkipReasons.CounterReset, 1, 4)]);
    }

    [Fact]
    public void Read_CachedAboveInput_CapsCachedAtInputWithNote()
    {
        var reader = NewReader();

        reader.Feed(
            SessionMeta(ThreadId),
            TurnContext("gpt-5.2-codex"),
            TokenCount("2026-05-01T10:00:10.000Z", new(100, 150, 10, 0)));

        reader.TakeRecords().ShouldHaveSingleItem().Tokens.ShouldBe(new TokenCounts(0, 0, 0, 100, 10, 0));
        reader.TakeDiagnostics().ShouldBe(
            [new DiagnosticCount(DiagnosticKind.Note, SkipReasons.CachedAboveInput, 1, 3)]);
    }

    [Fact]
    public void Read_TokenCountWithBadTimestamp_SkippedAndNextCountCarriesItsGrowth()
    {
        var reader = NewReader();

        reader.Feed(
            SessionMeta(ThreadId),
            TurnContext("gpt-5.2-codex"),
            TokenCount("yesterday", new(1000, 200, 100, 40)),
            TokenCount("2026-05-01T10:01:10.000Z", new(3000, 1200, 300, 100)));

        reader.TakeRecords().ShouldHaveSingleItem().Tokens.ShouldBe(new TokenCounts(1800, 0, 0, 1200, 300, 100));
        reader.TakeDiagnostics().ShouldBe(
            [new DiagnosticCount(DiagnosticKind.Skipped, SkipReasons.InvalidTimestamp, 1, 3)]);
    }

    [Fact]
    public void Read_NoSessionMeta_ThreadIdFromFileName()
    {
        var reader = NewReader();

        reader.Feed(
            TurnContext("gpt-5.2-codex"),
            TokenCount("2026-05-01T10:00:10.000Z", new(1000, 200, 100, 40)));

        reader.TakeRecords().ShouldHaveSingleItem().SessionId.ShouldBe(ThreadId);
    }

    [Fact]
    public void Read_ArchivedCopyOfRollout_SameKeysAsActiveFile()
    {
        var active = new CodexRolloutLineReader(Path.Combine("sessions", "2026", "05", "01", FileName), null);
        var archived = new CodexRolloutLineReader(Path.Combine("archived_sessions", FileName), null);
        string[] lines =
        [
            SessionMeta(ThreadId),
            TurnContext("gpt-5.2-codex"),
            TokenCount("2026-05-01T10:00:10.000Z", new(1000, 200, 100, 40)),
        ];

        active.Feed(lines);
        archived.Feed(lines);

        archived.TakeRecords().ShouldHaveSingleItem().SourceKey.ShouldBe(
            active.TakeRecords().ShouldHaveSingleItem().SourceKey);
    }

    [Fact]
    public void Read_SplitAcrossPassesWithSavedState_SameRecordsAsOnePass()
    {
        using var folder = new TempFolder();
        string[] lines =
        [
            SessionMeta(ThreadId),
            TurnContext("gpt-5.2-codex"),
            TokenCount("2026-05-01T10:00:10.000Z", new(1000, 200, 100, 40)),
            TokenCount("2026-05-01T10:00:10.500Z", new(1000, 200, 100, 40)),
            TurnContext("gpt-5.2"),
            TokenCount("2026-05-01T10:01:10.000Z", new(3000, 1200, 300, 100)),
        ];
        var whole = folder.WriteText(Path.Combine("whole", FileName), Joined(lines));
        var growing = folder.WriteText(Path.Combine("growing", FileName), Joined(lines[..3]));
        var oneReader = new CodexRolloutLineReader(whole, null);
        var firstReader = new CodexRolloutLineReader(growing, null);

        JsonlFileReader.Read(whole, 0, 0, oneReader);
        var firstPass = JsonlFileReader.Read(growing, 0, 0, firstReader);
        var state = firstReader.SaveState();
        File.AppendAllText(growing, Joined(lines[3..]));
        var secondReader = new CodexRolloutLineReader(growing, state);
        JsonlFileReader.Read(growing, firstPass.EndOffset, firstPass.EndLineNumber, secondReader);

        var secondRecords = secondReader.TakeRecords();
        secondRecords.ShouldHaveSingleItem().Tokens.ShouldBe(new TokenCounts(1000, 0, 0, 1000, 200, 60));
        secondRecords[0].Model.ShouldBe("gpt-5.2");
        firstReader.TakeRecords().Concat(secondRecords).ShouldBe(oneReader.TakeRecords());
    }

    [Fact]
    public void Read_OldFormatRollout_NoRecordsAndNoDiagnostics()
    {
        var reader = NewReader();
        var header = """
            {"id":"3e1c0a52-0b4e-4c1b-9a57-0d9b2f0e1a11","timestamp":"2025-08-01T10:00:00.000Z","instructions":null}
            """;
        var message = """{"type":"message","role":"user","content":[{"type":"input_text","text":"hi"}]}""";

        reader.Feed(header, """{"record_type":"state"}""", message, """{"record_type":"state"}""");

        reader.TakeRecords().ShouldBeEmpty();
        reader.TakeDiagnostics().ShouldBeEmpty();
        reader.TakeLineCount().ShouldBe(4);
    }

    private static string FileName => RolloutFileName(ThreadId);

    private static CodexRolloutLineReader NewReader() => new(FileName, null);

    private static string Joined(IEnumerable<string> lines) => string.Concat(lines.Select(l => l + "\n"));

    [Fact]
    public void Read_CachedTotalDipsWhileInputGrows_CountsTheDipAsZeroAndNothingTwice()
    {
        var reader = NewReader();

        reader.Feed(
            SessionMeta(ThreadId),
            TurnContext("gpt-5.2-codex"),
            TokenCount("2026-05-01T10:00:10.000Z", new(1000, 800, 100, 0)),
            TokenCount("2026-05-01T10:01:10.000Z", new(1100, 790, 110, 0)),
            TokenCount("2026-05-01T10:02:10.000Z", new(1200, 900, 120, 0)));

        // Input (cached included) grows 1000, 100, 100; cached 800, then a dip of 10 that counts as 0, then back
        // to 900 (100 over the highest seen, 800); output 100, 10, 10. Uncached = input growth - cached growth.
        var records = reader.TakeRecords();
        records.Select(r => r.Tokens).ShouldBe(
        [
            new TokenCounts(200, 0, 0, 800, 100),
            new TokenCounts(100, 0, 0, 0, 10),
            new TokenCounts(0, 0, 0, 100, 10),
        ]);
        records.Sum(r => r.Tokens.TotalTokens).ShouldBe(1200 + 120);
    }

    [Fact]
    public void Read_SubagentSpawnReplayingParentHistory_ReplayedKeysEqualTheParentsOwn()
    {
        var parentSource = "\"source\":{\"subagent\":{\"thread_spawn\":{\"parent_thread_id\":\""
            + ParentId + "\",\"depth\":1}}}";
        var parent = NewReader();
        parent.Feed(
            SessionMeta(ParentId),
            TurnContext("gpt-5.2-codex"),
            TokenCount("2026-05-01T10:00:10.000Z", new(1000, 200, 100, 40)),
            TokenCount("2026-05-01T10:01:10.000Z", new(3000, 1200, 300, 100)));
        var child = NewReader();

        child.Feed(
            SessionMeta(ChildId, "," + parentSource),
            SessionMeta(ParentId),
            TurnContext("gpt-5.2-codex"),
            TokenCount("2026-05-01T10:05:00.000Z", new(1000, 200, 100, 40)),
            TokenCount("2026-05-01T10:05:00.000Z", new(3000, 1200, 300, 100)),
            TokenCount("2026-05-01T10:06:00.000Z", new(3500, 1300, 350, 110)));

        var parentKeys = parent.TakeRecords().Select(r => r.SourceKey).ToArray();
        var childRecords = child.TakeRecords();
        childRecords.Take(2).Select(r => r.SourceKey).ShouldBe(parentKeys);
        childRecords.ShouldAllBe(r => r.Sidechain && r.ParentSessionId == ParentId && r.SessionId == ChildId);
        // The child's own call: 500 input of which 100 cached, 50 output.
        childRecords[2].Tokens.ShouldBe(new TokenCounts(400, 0, 0, 100, 50, 10));
    }
}
