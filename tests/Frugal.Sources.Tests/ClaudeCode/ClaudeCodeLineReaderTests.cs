using Frugal.Domain.Usage;
using Frugal.Sources.ClaudeCode;
using Frugal.Sources.Jsonl;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.ClaudeCode;

public sealed class ClaudeCodeLineReaderTests
{
    private const string SessionId = "0b6c1d2e-1111-4a2b-9c3d-000000000001";

    [Fact]
    public void Read_UsageWithTtlSplit_SplitsCacheWritesIntoFiveMinuteAndOneHour()
    {
        var reader = NewReader();
        var usage = """
            {"input_tokens":3,"cache_creation_input_tokens":1033,"cache_read_input_tokens":28193,
            "cache_creation":{"ephemeral_5m_input_tokens":33,"ephemeral_1h_input_tokens":1000},"output_tokens":212}
            """;

        reader.Feed(Assistant(usage));

        var record = reader.TakeRecords().ShouldHaveSingleItem();
        record.Tokens.ShouldBe(new TokenCounts(3, 33, 1000, 28193, 212));
        record.Provenance.HasFlag(Provenance.CacheWriteLifetimeAssumed).ShouldBeFalse();
        reader.TakeDiagnostics().ShouldBeEmpty();
    }

    [Fact]
    public void Read_CacheWriteWithoutTtlSplit_CountsAllAsFiveMinuteWithNote()
    {
        var reader = NewReader();
        var usage = """
            {"input_tokens":10,"cache_creation_input_tokens":500,"cache_read_input_tokens":7,"output_tokens":20}
            """;

        reader.Feed(Assistant(usage));

        var record = reader.TakeRecords().ShouldHaveSingleItem();
        record.Tokens.ShouldBe(new TokenCounts(10, 500, 0, 7, 20));
        record.Provenance.HasFlag(Provenance.CacheWriteLifetimeAssumed).ShouldBeTrue();
        reader.TakeDiagnostics().ShouldBe([Note(SkipReasons.CacheLifetimeAssumed)]);
    }

    [Fact]
    public void Read_NoCacheWriteAndNoTtlSplit_AddsNoLifetimeNote()
    {
        var reader = NewReader();

        reader.Feed(Assistant("""{"input_tokens":10,"cache_creation_input_tokens":0,"output_tokens":20}"""));

        reader.TakeRecords().ShouldHaveSingleItem().Tokens.ShouldBe(new TokenCounts(10, 0, 0, 0, 20));
        reader.TakeDiagnostics().ShouldBeEmpty();
    }

    [Fact]
    public void Read_MessageIdAndRequestId_KeyIsMessageIdPipeRequestId()
    {
        var reader = NewReader();

        reader.Feed(Assistant("""{"input_tokens":1,"output_tokens":2}""", id: "msg_01ABC", requestId: "req_011CAAA"));

        var record = reader.TakeRecords().ShouldHaveSingleItem();
        record.SourceKey.ShouldBe("msg_01ABC|req_011CAAA");
        record.ResponseId.ShouldBe("msg_01ABC");
    }

    [Fact]
    public void Read_RequestIdMissing_KeyIsMessageIdAlone()
    {
        var reader = NewReader();

        reader.Feed(Assistant("""{"input_tokens":1,"output_tokens":2}""", id: "msg_01ABC", requestId: null));

        reader.TakeRecords().ShouldHaveSingleItem().SourceKey.ShouldBe("msg_01ABC");
    }

    [Fact]
    public void Read_TwoLinesOfOneStreamedResponse_ShareKeyWithGrowingOutput()
    {
        var reader = NewReader();
        var first = Assistant(
            """{"input_tokens":3,"cache_read_input_tokens":28193,"output_tokens":4}""",
            timestamp: "2026-05-01T10:00:03.100Z");
        var last = Assistant(
            """{"input_tokens":3,"cache_read_input_tokens":28193,"output_tokens":212}""",
            timestamp: "2026-05-01T10:00:04.900Z");

        reader.Feed(first, last);

        var records = reader.TakeRecords();
        records.Count.ShouldBe(2);
        records[0].SourceKey.ShouldBe(records[1].SourceKey);
        records[0].Tokens.OutputTokens.ShouldBe(4);
        records[1].Tokens.OutputTokens.ShouldBe(212);
    }

    [Fact]
    public void Read_SyntheticModel_SkipsAsSyntheticModel()
    {
        var reader = NewReader();

        reader.Feed(Assistant("""{"input_tokens":0,"output_tokens":0}""", model: "<synthetic>"));

        reader.TakeRecords().ShouldBeEmpty();
        reader.TakeDiagnostics().ShouldBe([Skipped(SkipReasons.SyntheticModel)]);
        SkipReasons.SyntheticModel.ShouldBe("synthetic model (no API call)");
    }

    [Fact]
    public void Read_MissingTimestamp_SkipsAsMissingTimestamp()
    {
        var reader = NewReader();

        reader.Feed(Assistant("""{"input_tokens":1,"output_tokens":2}""", timestamp: null));

        reader.TakeRecords().ShouldBeEmpty();
        reader.TakeDiagnostics().ShouldBe([Skipped("missing timestamp")]);
    }

    [Fact]
    public void Read_InvalidTimestamp_SkipsAsInvalidTimestamp()
    {
        var reader = NewReader();

        reader.Feed(Assistant("""{"input_tokens":1,"output_tokens":2}""", timestamp: "not a time"));

        reader.TakeRecords().ShouldBeEmpty();
        reader.TakeDiagnostics().ShouldBe([Skipped("invalid timestamp")]);
    }

    [Fact]
    public void Read_NumericTimestamp_SkipsAsInvalidTimestamp()
    {
        var reader = NewReader();
        var line = """
            {"type":"assistant","timestamp":1777629600000,"message":{"id":"msg_1","model":"claude-opus-4-6",
            "usage":{"input_tokens":1,"output_tokens":2}}}
            """.ReplaceLineEndings(string.Empty);

        reader.Feed(line);

        reader.TakeRecords().ShouldBeEmpty();
        reader.TakeDiagnostics().ShouldBe([Skipped("invalid timestamp")]);
    }

    [Theory]
    [InlineData("10:00")]
    [InlineData("1/2/2025")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:00:00-05:00")]
    public void Read_TimestampThatIsNoInstant_SkipsAsInvalidTimestamp(string timestamp)
    {
        var reader = NewReader();

        reader.Feed(Assistant("""{"input_tokens":1,"output_tokens":2}""", timestamp: timestamp));

        reader.TakeRecords().ShouldBeEmpty();
        reader.TakeDiagnostics().ShouldBe([Skipped(SkipReasons.InvalidTimestamp)]);
    }

    [Fact]
    public void Read_LoneSurrogateEscapeInAString_SkipsAsInvalidValue()
    {
        var reader = NewReader();

        reader.Feed(Assistant("""{"input_tokens":1,"output_tokens":2}""", requestId: "\\ud800"));

        reader.TakeRecords().ShouldBeEmpty();
        reader.TakeDiagnostics().ShouldBe([Skipped(SkipReasons.InvalidValue)]);
    }

    [Theory]
    [InlineData("9223372036854775807")]
    [InlineData("1000000000001")]
    public void Read_TokenCountBeyondAnyRealCall_SkipsAsInvalidTokenCount(string count)
    {
        var reader = NewReader();

        reader.Feed(Assistant($$"""{"input_tokens":{{count}},"output_tokens":1}"""));

        reader.TakeRecords().ShouldBeEmpty();
        reader.TakeDiagnostics().ShouldBe([Skipped(SkipReasons.InvalidTokenCount)]);
    }

    [Fact]
    public void Read_ContentNestedHundredsOfLevelsDeep_StillCounts()
    {
        var reader = NewReader();
        var deep = new string('[', 300) + new string(']', 300);

        reader.Feed(Assistant("""{"input_tokens":1,"output_tokens":2}""", extra: ",\"toolUseResult\":" + deep));

        reader.TakeRecords().ShouldHaveSingleItem().Tokens.OutputTokens.ShouldBe(2);
        reader.TakeDiagnostics().ShouldBeEmpty();
    }

    [Fact]
    public void Read_TimestampWithOffset_BecomesUtcInstant()
    {
        var reader = NewReader();

        reader.Feed(Assistant("""{"input_tokens":1,"output_tokens":2}""", timestamp: "2026-05-01T12:00:00+02:00"));

        var record = reader.TakeRecords().ShouldHaveSingleItem();
        record.Timestamp.ShouldBe(new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero));
        record.Timestamp.Offset.ShouldBe(TimeSpan.Zero);
        reader.TakeDiagnostics().ShouldBeEmpty();
    }

    [Fact]
    public void Read_TruncatedUsageLine_SkipsAsMalformedJson()
    {
        var reader = NewReader();
        var truncated = """{"type":"assistant","timestamp":"2026-05-01T10:00:00Z","message":{"usage":{"input_tok""";

        reader.Feed(truncated);

        reader.TakeRecords().ShouldBeEmpty();
        reader.TakeDiagnostics().ShouldBe([Skipped("malformed JSON")]);
    }

    [Fact]
    public void Read_TruncatedLineWithoutUsage_CountsAsMalformedJson()
    {
        var reader = NewReader();
        var user = """{"type":"user","message":{"role":"user","content":"hello"},"uuid":"a1"}""";
        var truncated = """{"type":"user","message":{"role":"user","content":"add a hea""";

        reader.Feed(user, truncated);

        reader.TakeRecords().ShouldBeEmpty();
        reader.TakeDiagnostics().ShouldBe([Skipped(SkipReasons.MalformedJson, 1, 2)]);
    }

    [Fact]
    public void Read_UnknownFieldsAndNullsInUnrelatedPlaces_StillCounts()
    {
        var reader = NewReader();
        var line = """
            {"type":"assistant","timestamp":"2026-05-01T10:00:00.000Z","futureField":{"x":[1,null,{"y":true}]},
            "requestId":"req_1","message":{"id":"msg_1","model":"claude-opus-4-6","stop_reason":null,
            "stop_sequence":null,"content":[{"type":"tool_use","id":"toolu_1","caller":{"id":null}}],
            "usage":{"input_tokens":3,"output_tokens":7,"inference_geo":null,"iterations":[{"model":null}]}}}
            """.ReplaceLineEndings(string.Empty);

        reader.Feed(line);

        var record = reader.TakeRecords().ShouldHaveSingleItem();
        record.Tokens.ShouldBe(new TokenCounts(3, 0, 0, 0, 7));
        record.SourceKey.ShouldBe("msg_1|req_1");
        reader.TakeDiagnostics().ShouldBeEmpty();
    }

    [Fact]
    public void Read_NullInFieldsPeersRejectOn_StillCounts()
    {
        var reader = NewReader();
        var line = """
            {"type":"assistant","timestamp":"2026-05-01T10:00:00.000Z","cwd":null,"version":null,"sessionId":null,
            "requestId":null,"costUSD":null,"isApiErrorMessage":null,"message":{"id":"msg_1","model":"claude-opus-4-6",
            "usage":{"input_tokens":3,"output_tokens":7,"cache_read_input_tokens":null,"speed":null}}}
            """.ReplaceLineEndings(string.Empty);

        reader.Feed(line);

        var record = reader.TakeRecords().ShouldHaveSingleItem();
        record.Tokens.ShouldBe(new TokenCounts(3, 0, 0, 0, 7));
        record.SourceKey.ShouldBe("msg_1");
        record.SessionId.ShouldBe("sess-file");
        record.Project.ShouldBe("-home-dev-app");
        record.CostReportedUsd.ShouldBeNull();
    }

    [Fact]
    public void Read_WhitespaceInsideJson_StillCounts()
    {
        var reader = NewReader();
        var line = """
            { "type" : "assistant" , "timestamp" : "2026-05-01T10:00:00Z" , "message" : { "id" : "msg_2" ,
             "model" : "claude-opus-4-6" , "usage" : { "input_tokens" : 3 , "output_tokens" : 9 } } }
            """.ReplaceLineEndings(string.Empty);

        reader.Feed(line);

        var record = reader.TakeRecords().ShouldHaveSingleItem();
        record.Tokens.ShouldBe(new TokenCounts(3, 0, 0, 0, 9));
        record.Model.ShouldBe("claude-opus-4-6");
    }

    [Fact]
    public void Read_UserLineWithToolResultUsage_ProducesNothing()
    {
        var reader = NewReader();
        var toolResult = """
            {"type":"user","timestamp":"2026-05-01T10:00:05Z","message":{"role":"user","content":"done"},
            "toolUseResult":{"status":"completed","usage":{"input_tokens":100,"output_tokens":50}}}
            """.ReplaceLineEndings(string.Empty);
        var userWithUsage = """
            {"type":"user","timestamp":"2026-05-01T10:00:06Z",
            "message":{"role":"user","content":"hi","usage":{"input_tokens":100,"output_tokens":50}}}
            """.ReplaceLineEndings(string.Empty);

        reader.Feed(toolResult, userWithUsage);

        reader.TakeRecords().ShouldBeEmpty();
        reader.TakeDiagnostics().ShouldBeEmpty();
        reader.TakeLineCount().ShouldBe(2);
    }

    [Fact]
    public void Read_SubagentFile_SessionIsParentSlashAgentAndSidechain()
    {
        using var folder = new TempFolder();
        var line = """
            {"type":"assistant","isSidechain":true,"agentId":"abc","sessionId":"0b6c1d2e-1111-4a2b-9c3d-000000000001",
            "timestamp":"2026-05-01T10:00:00Z","message":{"id":"msg_s","model":"claude-haiku-4-5",
            "usage":{"input_tokens":5,"output_tokens":6}}}
            """.ReplaceLineEndings(string.Empty);
        var path = folder.WriteText(SubagentPath(), line + "\n");
        var reader = new ClaudeCodeLineReader(ClaudeFileContext.FromPath(path));

        JsonlFileReader.Read(path, 0, 0, reader);

        var record = reader.TakeRecords().ShouldHaveSingleItem();
        record.SessionId.ShouldBe($"{SessionId}/agent-abc");
        record.ParentSessionId.ShouldBe(SessionId);
        record.Sidechain.ShouldBeTrue();
    }

    [Fact]
    public void Read_SubagentFileLineWithoutAgentId_SessionNamedFromFileName()
    {
        using var folder = new TempFolder();
        var line = """
            {"type":"assistant","isSidechain":true,"timestamp":"2026-05-01T10:00:00Z",
            "message":{"id":"msg_s","model":"claude-haiku-4-5","usage":{"input_tokens":5,"output_tokens":6}}}
            """.ReplaceLineEndings(string.Empty);
        var path = folder.WriteText(SubagentPath(), line + "\n");
        var reader = new ClaudeCodeLineReader(ClaudeFileContext.FromPath(path));

        JsonlFileReader.Read(path, 0, 0, reader);

        var record = reader.TakeRecords().ShouldHaveSingleItem();
        record.SessionId.ShouldBe($"{SessionId}/agent-abc");
        record.ParentSessionId.ShouldBe(SessionId);
    }

    [Fact]
    public void Read_MainFileSidechainLine_KeepsSessionAndMarksSidechain()
    {
        var reader = NewReader();

        reader.Feed(Assistant("""{"input_tokens":1,"output_tokens":2}""", extra: ",\"isSidechain\":true"));

        var record = reader.TakeRecords().ShouldHaveSingleItem();
        record.SessionId.ShouldBe("sess-1");
        record.ParentSessionId.ShouldBeNull();
        record.Sidechain.ShouldBeTrue();
    }

    [Fact]
    public void Read_WebSearchSpeedAndReportedCost_CarriedThrough()
    {
        var reader = NewReader();
        var usage = """
            {"input_tokens":5,"output_tokens":6,"speed":"fast","service_tier":"priority",
            "server_tool_use":{"web_search_requests":2,"web_fetch_requests":1}}
            """;

        reader.Feed(Assistant(usage, extra: ",\"costUSD\":0.0123"));

        var record = reader.TakeRecords().ShouldHaveSingleItem();
        record.WebSearchRequests.ShouldBe(2);
        record.Speed.ShouldBe("fast");
        record.ServiceTier.ShouldBe("priority");
        record.CostReportedUsd.ShouldBe(0.0123m);
        record.Provenance.HasFlag(Provenance.CostReported).ShouldBeTrue();
    }

    [Fact]
    public void Read_NegativeTokenCount_SkipsAsInvalidTokenCount()
    {
        var reader = NewReader();

        reader.Feed(Assistant("""{"input_tokens":-3,"output_tokens":2}"""));

        reader.TakeRecords().ShouldBeEmpty();
        reader.TakeDiagnostics().ShouldBe([Skipped("invalid token count")]);
    }

    [Fact]
    public void Read_FractionalOrTextTokenCount_SkipsAsInvalidTokenCount()
    {
        var reader = NewReader();

        reader.Feed(
            Assistant("""{"input_tokens":1,"output_tokens":2.5}"""),
            Assistant("""{"input_tokens":"3","output_tokens":2}"""));

        reader.TakeRecords().ShouldBeEmpty();
        reader.TakeDiagnostics().ShouldBe([Skipped(SkipReasons.InvalidTokenCount, 2, 1)]);
    }

    [Fact]
    public void Read_IntegralDecimalTokenCount_CountsAsWholeNumber()
    {
        var reader = NewReader();

        reader.Feed(Assistant("""{"input_tokens":12.0,"output_tokens":3e2}"""));

        reader.TakeRecords().ShouldHaveSingleItem().Tokens.ShouldBe(new TokenCounts(12, 0, 0, 0, 300));
    }

    [Fact]
    public void Read_UsageWithoutInputOrOutput_SkipsAsMissingTokenCounts()
    {
        var reader = NewReader();

        reader.Feed(Assistant("""{"cache_read_input_tokens":100}"""));

        reader.TakeRecords().ShouldBeEmpty();
        reader.TakeDiagnostics().ShouldBe([Skipped(SkipReasons.MissingTokenCounts)]);
    }

    [Fact]
    public void Read_ContextFields_CopiedFromLine()
    {
        var reader = NewReader();

        reader.Feed(Assistant("""{"input_tokens":1,"output_tokens":2}""", id: "msg_bdrk_01X"));

        var record = reader.TakeRecords().ShouldHaveSingleItem();
        record.Source.ShouldBe("claude-code");
        record.SessionId.ShouldBe("sess-1");
        record.Project.ShouldBe("/home/dev/app");
        record.GitBranch.ShouldBe("main");
        record.Model.ShouldBe("claude-opus-4-6");
        record.Provider.ShouldBe("amazon-bedrock");
        record.Timestamp.ShouldBe(new DateTimeOffset(2026, 5, 1, 10, 0, 3, 100, TimeSpan.Zero));
    }

    private static ClaudeCodeLineReader NewReader() => new(new ClaudeFileContext("sess-file", null, "-home-dev-app"));

    private static DiagnosticCount Skipped(string reason, long count = 1, long firstLine = 1) =>
        new(DiagnosticKind.Skipped, reason, count, firstLine);

    private static DiagnosticCount Note(string reason, long count = 1, long firstLine = 1) =>
        new(DiagnosticKind.Note, reason, count, firstLine);

    private static string SubagentPath() =>
        Path.Combine("projects", "-home-dev-app", SessionId, "subagents", "agent-abc.jsonl");

    /// <summary>An assistant line of session <c>sess-1</c> with the given usage object and extra fields.</summary>
    private static string Assistant(
        string usage,
        string id = "msg_01ABC",
        string? requestId = "req_011CAAA",
        string? timestamp = "2026-05-01T10:00:03.100Z",
        string model = "claude-opus-4-6",
        string extra = "")
    {
        var request = requestId is null ? string.Empty : $",\"requestId\":\"{requestId}\"";
        var time = timestamp is null ? string.Empty : $",\"timestamp\":\"{timestamp}\"";
        return "{\"type\":\"assistant\",\"sessionId\":\"sess-1\",\"cwd\":\"/home/dev/app\",\"gitBranch\":\"main\""
            + request + time + extra
            + ",\"message\":{\"id\":\"" + id + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + model
            + "\",\"stop_reason\":null,\"usage\":" + usage.ReplaceLineEndings(string.Empty) + "}}";
    }
}
