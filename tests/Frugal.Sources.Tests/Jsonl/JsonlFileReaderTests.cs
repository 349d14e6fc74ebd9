using Frugal.Domain.Usage;
using Frugal.Sources.ClaudeCode;
using Frugal.Sources.Codex;
using Frugal.Sources.Jsonl;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.Jsonl;

public sealed class JsonlFileReaderTests
{
    [Fact]
    public void Read_CrlfEndings_DeliversLinesWithoutCarriageReturn()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("a.jsonl", "{\"a\":1}\r\n{\"b\":2}\r\n");
        var sink = new RecordingSink();

        var result = JsonlFileReader.Read(path, 0, 0, sink);

        sink.Texts.ShouldBe(["{\"a\":1}", "{\"b\":2}"]);
        sink.Numbers.ShouldBe([1L, 2L]);
        result.EndOffset.ShouldBe(18);
        result.EndLineNumber.ShouldBe(2);
        result.LastLineLength.ShouldBe(18, "the whole file is under 4 KiB, so all of it is hashed");
        result.ReachedEnd.ShouldBeTrue();
    }

    [Fact]
    public void Read_Utf8BomAtStart_DropsBom()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("a.jsonl", [0xEF, 0xBB, 0xBF, .. "{\"a\":1}\n"u8]);
        var sink = new RecordingSink();

        var result = JsonlFileReader.Read(path, 0, 0, sink);

        sink.Texts.ShouldBe(["{\"a\":1}"]);
        result.EndOffset.ShouldBe(11);
    }

    [Fact]
    public void Read_BlankLines_DeliversThemAsLines()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("a.jsonl", "{\"a\":1}\n\r\n   \n{\"b\":2}\n");
        var sink = new RecordingSink();

        JsonlFileReader.Read(path, 0, 0, sink);

        sink.Texts.ShouldBe(["{\"a\":1}", string.Empty, "   ", "{\"b\":2}"]);
        sink.Numbers.ShouldBe([1L, 2L, 3L, 4L]);
    }

    [Fact]
    public void Read_BlankLinesThroughUsageReaders_CountedAsBlankLineNotes()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText(
            "rollout-2026-05-01T10-00-00-01970000-0000-7000-8000-000000000001.jsonl",
            "{\"a\":1}\n\r\n   \n{\"b\":2}\n");
        var claude = new ClaudeCodeLineReader(ClaudeFileContext.FromPath(path));
        var codex = new CodexRolloutLineReader(path, null);

        JsonlFileReader.Read(path, 0, 0, claude);
        JsonlFileReader.Read(path, 0, 0, codex);

        DiagnosticCount[] expected = [new(DiagnosticKind.Note, "blank line", 2, 2)];
        claude.TakeDiagnostics().ShouldBe(expected);
        codex.TakeDiagnostics().ShouldBe(expected);
        claude.TakeLineCount().ShouldBe(4);
    }

    [Fact]
    public void Read_UnterminatedIncompleteLastLine_LeavesItForLaterPass()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("a.jsonl", "{\"a\":1}\n{\"b\":");
        var sink = new RecordingSink();

        var result = JsonlFileReader.Read(path, 0, 0, sink);

        sink.Texts.ShouldBe(["{\"a\":1}"]);
        result.EndOffset.ShouldBe(8);
        result.EndLineNumber.ShouldBe(1);
        result.PendingTailBytes.ShouldBe(5);
        result.ReachedEnd.ShouldBeTrue();
    }

    [Fact]
    public void Read_IncompleteLineFinishedByWriter_NextPassDeliversItWhole()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("a.jsonl", "{\"a\":1}\n{\"b\":");
        var first = JsonlFileReader.Read(path, 0, 0, new RecordingSink());
        File.AppendAllText(path, "2}\n");
        var sink = new RecordingSink();

        var result = JsonlFileReader.Read(path, first.EndOffset, first.EndLineNumber, sink);

        sink.Texts.ShouldBe(["{\"b\":2}"]);
        sink.Numbers.ShouldBe([2L]);
        result.EndOffset.ShouldBe(16);
        result.PendingTailBytes.ShouldBe(0);
    }

    [Fact]
    public void Read_UnterminatedCompleteJsonLastLine_DeliversIt()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("a.jsonl", "{\"a\":1}\n{\"b\":2}");
        var sink = new RecordingSink();

        var result = JsonlFileReader.Read(path, 0, 0, sink);

        sink.Texts.ShouldBe(["{\"a\":1}", "{\"b\":2}"]);
        result.EndOffset.ShouldBe(15);
        result.EndLineNumber.ShouldBe(2);
        result.PendingTailBytes.ShouldBe(0);
    }

    [Fact]
    public void Read_DeliveredUnterminatedLineThenTerminated_NoPhantomBlankLine()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("a.jsonl", "{\"a\":1}");
        var first = JsonlFileReader.Read(path, 0, 0, new RecordingSink());
        File.AppendAllText(path, "\n{\"b\":2}\n");
        var sink = new RecordingSink();

        JsonlFileReader.Read(path, first.EndOffset, first.EndLineNumber, sink);

        sink.Texts.ShouldBe(["{\"b\":2}"]);
        sink.Numbers.ShouldBe([2L]);
    }

    [Fact]
    public void Read_FiveMegabyteLine_DeliversItWhole()
    {
        using var folder = new TempFolder();
        var padding = new string('x', 5 * 1024 * 1024);
        var path = folder.WriteText("a.jsonl", "{\"pad\":\"" + padding + "\"}\n{\"b\":2}\n");
        var sink = new RecordingSink();

        var result = JsonlFileReader.Read(path, 0, 0, sink);

        sink.Lengths.ShouldBe([5_242_890, 7]);
        sink.Texts[1].ShouldBe("{\"b\":2}");
        result.EndOffset.ShouldBe(5_242_899);
        result.ReachedEnd.ShouldBeTrue();
    }

    [Fact]
    public void Read_ByteBudgetCrossed_StopsAfterTheCrossingLine()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("a.jsonl", "{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n");
        var sink = new RecordingSink();

        var result = JsonlFileReader.Read(path, 0, 0, sink, byteBudget: 10);

        sink.Texts.ShouldBe(["{\"a\":1}", "{\"b\":2}"]);
        result.EndOffset.ShouldBe(16);
        result.EndLineNumber.ShouldBe(2);
        result.ReachedEnd.ShouldBeFalse();
    }

    [Fact]
    public void Read_FromMidFileOffset_ReadsOnlyTheRest()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("a.jsonl", "{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n");
        var sink = new RecordingSink();

        var result = JsonlFileReader.Read(path, 8, 1, sink);

        sink.Texts.ShouldBe(["{\"b\":2}", "{\"c\":3}"]);
        sink.Numbers.ShouldBe([2L, 3L]);
        result.BytesRead.ShouldBe(16);
        result.EndOffset.ShouldBe(24);
        result.EndLineNumber.ShouldBe(3);
    }

    [Fact]
    public void Read_EmptyFile_DeliversNothingAndReachesEnd()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("a.jsonl", string.Empty);
        var sink = new RecordingSink();

        var result = JsonlFileReader.Read(path, 0, 0, sink);

        sink.Texts.ShouldBeEmpty();
        result.ShouldBe(new JsonlReadResult(0, 0, 0, 0, 0, 0, ReachedEnd: true));
    }

    [Fact]
    public void Read_SameLast4KiB_SameTailHash()
    {
        using var folder = new TempFolder();
        var filler = "{\"f\":\"" + new string('f', 5000) + "\"}\n";
        var one = folder.WriteText("one.jsonl", "{\"x\":1}\n" + filler + "{\"a\":1}\n");
        var two = folder.WriteText("two.jsonl", "{\"y\":22}\n" + filler + "{\"a\":1}\n");
        var other = folder.WriteText("other.jsonl", "{\"x\":1}\n" + filler + "{\"a\":2}\n");

        var results = new[] { one, two, other }
            .Select(p => JsonlFileReader.Read(p, 0, 0, new RecordingSink()))
            .ToArray();

        results.ShouldAllBe(r => r.LastLineLength == 4096);
        results[0].LastLineHash.ShouldBe(results[1].LastLineHash, "the files differ only before their last 4 KiB");
        results[0].LastLineHash.ShouldNotBe(results[2].LastLineHash);
        results[0].LastLineHash.ShouldNotBe(0UL);
    }

    [Fact]
    public void Read_InvalidUtf8InUsageLine_RecordCountsWithNote()
    {
        using var folder = new TempFolder();
        byte[] line =
        [
            .. """{"type":"assistant","timestamp":"2026-05-01T10:00:00Z","message":{"id":"msg_1","content":"caf"""u8,
            0xFF, 0xFE,
            .. "\",\"model\":\"claude-opus-4-6\",\"usage\":{\"input_tokens\":3,\"output_tokens\":7}}}"u8,
            (byte)'\n',
        ];
        var path = folder.WriteBytes("a.jsonl", line);
        var reader = new ClaudeCodeLineReader(ClaudeFileContext.FromPath(path));

        JsonlFileReader.Read(path, 0, 0, reader);

        reader.TakeRecords().ShouldHaveSingleItem().Tokens.ShouldBe(new TokenCounts(3, 0, 0, 0, 7));
        reader.TakeDiagnostics().ShouldBe([new DiagnosticCount(DiagnosticKind.Note, "invalid UTF-8 replaced", 1, 1)]);
    }

    [Fact]
    public void Read_LineLongerThanTheLimit_IsPassedOverAndReportedAndTheNextLineRead()
    {
        using var folder = new TempFolder();
        var huge = "{\"type\":\"user\",\"text\":\"" + new string('x', 3 << 20) + "\"}";
        var path = folder.WriteText("s.jsonl", huge + "\n{\"b\":2}\n");
        var sink = new OversizeSink();

        var result = JsonlFileReader.Read(path, 0, 0, sink, maxLineBytes: 1 << 20);

        sink.Oversized.ShouldBe([1L]);
        sink.Texts.ShouldBe(["{\"b\":2}"]);
        sink.Numbers.ShouldBe([2L]);
        result.EndOffset.ShouldBe(new FileInfo(path).Length);
        result.ReachedEnd.ShouldBeTrue();
    }

    private sealed class OversizeSink : ILineSink
    {
        private readonly RecordingSink _inner = new();

        public List<long> Oversized { get; } = [];

        public IReadOnlyList<string> Texts => _inner.Texts;

        public IReadOnlyList<long> Numbers => _inner.Numbers;

        public void OnLine(ReadOnlySpan<byte> line, long lineNumber) => _inner.OnLine(line, lineNumber);

        public void OnOversizedLine(long lineNumber) => Oversized.Add(lineNumber);
    }
}
