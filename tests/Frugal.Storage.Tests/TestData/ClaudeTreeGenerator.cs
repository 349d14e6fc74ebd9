using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Frugal.Storage.Tests.TestData;

/// <summary>
/// Writes a realistic Claude Code log tree, deterministic for a seed, and knows its true totals by construction:
/// every API call it invents is recorded once, with its final usage, when it is invented — not by re-reading the
/// files. The files carry what real transcripts carry: one response written as several lines whose output grows,
/// subagent files, a sidechain replay of a parent call, synthetic placeholder lines, truncated lines, blank lines,
/// CRLF files, and whole files copied into a second project folder.
/// </summary>
public sealed class ClaudeTreeGenerator
{
    private static readonly string[] Models =
        ["claude-sonnet-4-5-20250929", "claude-opus-4-6", "claude-haiku-4-5-20251001"];
    private readonly Random _random;
    private readonly Dictionary<string, DayTotals> _truth = new(StringComparer.Ordinal);
    private int _ids;

    public ClaudeTreeGenerator(int seed) => _random = new Random(seed);

    /// <summary>True totals by UTC date.</summary>
    public IReadOnlyDictionary<string, DayTotals> Truth => _truth;

    /// <summary>Truncated lines written, copies included, that a reader must skip as malformed.</summary>
    public int TruncatedUsageLines { get; private set; }

    /// <summary>Writes <paramref name="sessions"/> sessions under <paramref name="root"/>/projects.</summary>
    public void Write(string root, int sessions, int callsPerSession = 12)
    {
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        for (var s = 0; s < sessions; s++)
        {
            var project = $"/home/dev/src/repo-{s % 5}";
            var folder = Path.Combine(root, "projects", project.Replace('/', '-'));
            var sessionId = NewId("sess");
            var at = start.AddMinutes(_random.Next(0, 60 * 24 * 20));
            var lines = new List<string>();
            var truncatedBefore = TruncatedUsageLines;
            var replayable = WriteSession(
                lines, sessionId, project, at, callsPerSession, sidechain: false, agent: null);
            var mainTruncated = TruncatedUsageLines - truncatedBefore;
            var path = Path.Combine(folder, sessionId + ".jsonl");
            WriteFile(path, lines, crlf: s % 7 == 3);

            if (s % 3 == 0)
            {
                WriteSubagent(folder, sessionId, project, at.AddMinutes(3), replayable);
            }

            if (s % 4 == 1)
            {
                var copy = Path.Combine(root, "projects", project.Replace('/', '-') + "-copy", sessionId + ".jsonl");
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(path, copy);
                TruncatedUsageLines += mainTruncated;
            }
        }
    }

    private void WriteSubagent(string folder, string sessionId, string project, DateTimeOffset at, string? replayLine)
    {
        var agent = NewId("agent");
        var lines = new List<string>();
        if (replayLine is not null)
        {
            lines.Add(replayLine);
        }

        WriteSession(lines, sessionId, project, at, 4, sidechain: true, agent: agent);
        WriteFile(Path.Combine(folder, sessionId, "subagents", $"agent-{agent}.jsonl"), lines, crlf: false);
    }

    /// <summary>
    /// Writes one session's lines; returns a sidechain replay of its first call, for a subagent file.
    /// </summary>
    private string? WriteSession(
        List<string> lines, string sessionId, string project, DateTimeOffset at, int calls, bool sidechain,
        string? agent)
    {
        string? replay = null;
        var model = Models[_random.Next(Models.Length)];
        for (var c = 0; c < calls; c++)
        {
            at = at.AddSeconds(_random.Next(5, 400));
            lines.Add(UserLine(sessionId, project, at, sidechain, agent));
            if (_random.Next(10) == 0)
            {
                lines.Add(string.Empty);
            }

            var call = NewCall(model);
            var blocks = 1 + _random.Next(3);
            for (var b = 0; b < blocks; b++)
            {
                var last = b == blocks - 1;
                var output = last ? call.Output : 1 + _random.Next(Math.Min(call.Output, 10));
                var line = AssistantLine(
                    sessionId, project, at.AddMilliseconds(b * 300), call, output, sidechain, agent, call.RequestId);
                if (!last && _random.Next(12) == 0)
                {
                    lines.Add(line[..(line.Length / 2)]);
                    TruncatedUsageLines++;
                    continue;
                }

                lines.Add(line);
            }

            Count(at.AddMilliseconds((blocks - 1) * 300), call);
            if (!sidechain && c == 0)
            {
                replay = AssistantLine(
                    sessionId, project, at.AddMinutes(3), call, call.Output, true, "replay", NewId("req"));
            }

            if (_random.Next(15) == 0)
            {
                lines.Add(SyntheticLine(sessionId, project, at));
            }
        }

        return replay;
    }

    private Call NewCall(string model)
    {
        var oneHour = model.Contains("opus", StringComparison.Ordinal);
        var write = _random.Next(0, 5000);
        return new Call(
            NewId("msg_01"), NewId("req_011C"), model, 1 + _random.Next(9), oneHour ? 0 : write, oneHour ? write : 0,
            _random.Next(5000, 150_000), 20 + _random.Next(2500), _random.Next(8) == 0 ? 1 + _random.Next(3) : 0);
    }

    private void Count(DateTimeOffset at, Call call)
    {
        var day = at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!_truth.TryGetValue(day, out var totals))
        {
            _truth[day] = totals = new DayTotals();
        }

        totals.Calls++;
        totals.Input += call.Input;
        totals.CacheWrite5m += call.Write5m;
        totals.CacheWrite1h += call.Write1h;
        totals.CacheRead += call.Read;
        totals.Output += call.Output;
        totals.WebSearches += call.WebSearches;
    }

    private static string UserLine(
        string sessionId, string project, DateTimeOffset at, bool sidechain, string? agent) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["parentUuid"] = null, ["isSidechain"] = sidechain, ["type"] = "user", ["sessionId"] = sessionId,
            ["cwd"] = project, ["agentId"] = agent, ["timestamp"] = Stamp(at),
            ["message"] =
                new Dictionary<string, object> { ["role"] = "user", ["content"] = "please add a usage counter" },
            ["toolUseResult"] =
                new Dictionary<string, object> { ["usage"] = new Dictionary<string, int> { ["input_tokens"] = 99 } },
        });

    private static string AssistantLine(
        string sessionId, string project, DateTimeOffset at, Call call, int output, bool sidechain, string? agent,
        string requestId) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["parentUuid"] = "p", ["isSidechain"] = sidechain, ["type"] = "assistant", ["sessionId"] = sessionId,
            ["cwd"] = project, ["gitBranch"] = "main", ["agentId"] = agent, ["requestId"] = requestId,
            ["timestamp"] = Stamp(at), ["version"] = "2.1.97",
            ["message"] = new Dictionary<string, object?>
            {
                ["id"] = call.MessageId, ["type"] = "message", ["role"] = "assistant", ["model"] = call.Model,
                ["content"] = new[] { new Dictionary<string, string> { ["type"] = "text", ["text"] = "done" } },
                ["stop_reason"] = null,
                ["usage"] = new Dictionary<string, object>
                {
                    ["input_tokens"] = call.Input,
                    ["cache_creation_input_tokens"] = call.Write5m + call.Write1h,
                    ["cache_read_input_tokens"] = call.Read,
                    ["cache_creation"] = new Dictionary<string, int>
                    {
                        ["ephemeral_5m_input_tokens"] = call.Write5m, ["ephemeral_1h_input_tokens"] = call.Write1h,
                    },
                    ["output_tokens"] = output,
                    ["server_tool_use"] = new Dictionary<string, int> { ["web_search_requests"] = call.WebSearches },
                    ["service_tier"] = "standard",
                },
            },
        });

    private string SyntheticLine(string sessionId, string project, DateTimeOffset at) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = "assistant", ["sessionId"] = sessionId, ["cwd"] = project, ["timestamp"] = Stamp(at),
            ["isApiErrorMessage"] = true,
            ["message"] = new Dictionary<string, object>
            {
                ["id"] = NewId("msg_synthetic"), ["model"] = "<synthetic>", ["role"] = "assistant",
                ["usage"] = new Dictionary<string, int> { ["input_tokens"] = 0, ["output_tokens"] = 0 },
            },
        });

    private static void WriteFile(string path, List<string> lines, bool crlf)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var ending = crlf ? "\r\n" : "\n";
        File.WriteAllText(path, string.Join(ending, lines) + ending, new UTF8Encoding(false));
    }

    private static string Stamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private string NewId(string prefix) => $"{prefix}{_random.Next():x8}{++_ids:x6}";

    private sealed record Call(
        string MessageId, string RequestId, string Model, int Input, int Write5m, int Write1h, int Read, int Output,
        int WebSearches);
}

/// <summary>The true totals of one UTC date.</summary>
public sealed class DayTotals
{
    public long Calls { get; set; }
    public long Input { get; set; }
    public long CacheWrite5m { get; set; }
    public long CacheWrite1h { get; set; }
    public long CacheRead { get; set; }
    public long Output { get; set; }
    public long WebSearches { get; set; }
}
