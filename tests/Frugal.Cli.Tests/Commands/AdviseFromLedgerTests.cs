using Frugal.Cli.Tests.Support;
using Frugal.Storage.Tests.TestData;
using Shouldly;

namespace Frugal.Cli.Tests.Commands;

/// <summary><c>frugal advise --from-ledger</c> on a ledger filled from a small Claude Code log.</summary>
public sealed class AdviseFromLedgerTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public void FromLedger_FiveCalls_TwoQualifyAtTheirHandWorkedCost()
    {
        WriteClaude(
            Assistant("m1", "2026-05-01T10:00:00Z", input: 1_000, cacheRead: 0, output: 500),
            Assistant("m2", "2026-05-01T10:01:00Z", input: 2_000, cacheRead: 4_000, output: 1_000),
            Assistant("m3", "2026-05-01T10:02:00Z", input: 1_000, cacheRead: 0, output: 3_000),
            Assistant("m4", "2026-05-01T10:03:00Z", input: 100, cacheRead: 0, output: 100, searches: 1),
            Assistant("m5", "2026-05-01T10:04:00Z", input: 50_000, cacheRead: 0, output: 100),
            Assistant("m6", "2026-05-03T10:00:00Z", input: 1_000, cacheRead: 0, output: 500));
        var import = FrugalProcess.Run(_home.Path, "import", "--ledger", Ledger, "--source", $"claude-code={Logs}");
        import.ExitCode.ShouldBe(0, import.Stderr);

        var result = FrugalProcess.Run(_home.Path,
            "advise", "--from-ledger", "--tier", "power", "--ledger", Ledger, "--until", "2026-05-02");

        // m1 and m2 qualify; m3 has 3,000 output tokens (> 2,048), m4 used web search, m5's 50,100 tokens exceed
        // the tier's context window, and m6 is after --until. Sonnet 4.5 at $3 in, $0.30 cache read, $15 out per
        // million:
        // m1 = 0.003 + 0.0075 = 0.0105; m2 = 0.006 + 0.0012 + 0.015 = 0.0222; together $0.0327.
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("calls that qualify: 2 of 5 (40.0 %)");
        result.Stdout.ShouldContain("cloud cost: $0.0327");
        result.Stdout.ShouldContain("Power: ");
        result.Stdout.ShouldContain("quality is not checked");
        result.Stdout.ShouldNotContain("Entry:");
    }

    private string Logs => _home.Combine("logs");

    private string Ledger => _home.Combine("ledger.db");

    private void WriteClaude(params string[] lines)
    {
        var path = Path.Combine(Logs, "projects", "-home-dev-app", "s1.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
    }

    private static string Assistant(string id, string at, int input, int cacheRead, int output, int searches = 0) =>
        "{\"type\":\"assistant\",\"sessionId\":\"s1\",\"cwd\":\"/home/dev/app\",\"requestId\":\"r-" + id
        + "\",\"timestamp\":\"" + at + "\",\"message\":{\"id\":\"" + id
        + "\",\"model\":\"claude-sonnet-4-5-20250929\",\"usage\":{\"input_tokens\":" + input
        + ",\"cache_read_input_tokens\":" + cacheRead + ",\"output_tokens\":" + output
        + ",\"server_tool_use\":{\"web_search_requests\":" + searches + "}}}}";
}
