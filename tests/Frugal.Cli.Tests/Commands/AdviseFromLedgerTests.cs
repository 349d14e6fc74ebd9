using System.Text.Json;
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

    [Fact]
    public void FromLedger_Json_SameTallyWithRangesAndAssumptions()
    {
        WriteClaude(
            Assistant("m1", "2026-05-01T10:00:00Z", input: 1_000, cacheRead: 0, output: 500),
            Assistant("m2", "2026-05-01T10:01:00Z", input: 2_000, cacheRead: 4_000, output: 1_000),
            Assistant("m3", "2026-05-01T10:02:00Z", input: 1_000, cacheRead: 0, output: 3_000));
        FrugalProcess.Run(_home.Path, "import", "--ledger", Ledger, "--source", $"claude-code={Logs}")
            .ExitCode.ShouldBe(0);

        var result = FrugalProcess.Run(_home.Path,
            "advise", "--from-ledger", "--json", "--ledger", Ledger, "--zone", "FRA", "--since", "2026-05-01");

        result.ExitCode.ShouldBe(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        root.GetProperty("zone").GetProperty("code").GetString().ShouldBe("FRA");
        root.GetProperty("since").GetString().ShouldBe("2026-05-01");
        root.GetProperty("until").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("assumptions").GetArrayLength().ShouldBeGreaterThan(3);
        var tiers = root.GetProperty("tiers").EnumerateArray().ToList();
        tiers.Select(t => t.GetProperty("tier").GetString()).ShouldBe(["entry", "pro", "power"]);

        var power = tiers[2];
        power.GetProperty("device").GetString().ShouldBe("rtx-4090");
        power.GetProperty("calls").GetInt64().ShouldBe(3);
        power.GetProperty("qualifying").GetInt64().ShouldBe(2);
        power.GetProperty("costUsd").GetDecimal().ShouldBe(0.0327m); // m1 + m2, worked in the test above
        // Sonnet 4.5 (440 B total, 44-132 B active, 16 H100s, 36.1 tok/s, 1.8 s to first token, PUE 1.09-1.14),
        // by the energy reference's formulas (§1.3, §6.1) for m1 + m2: 1,500 output tokens over two calls.
        // GPU per token per GPU at batch 64: 5.6941e-7 · P + 4.0529e-5 = 6.5583e-5 (P 44), 1.15691e-4 (P 132);
        // x 16 GPUs x 1,500 tokens = 1.57399 Wh and 2.77659 Wh.
        // Server: (1,500 / 36.1 + 2 x 1.8) s = 45.151 s; 45.151 / 3600 h x 1,200 W x (16 / 8) / 64 = 0.47032 Wh.
        // min (1.57399 + 0.47032) x 1.09 = 2.22830 Wh; max (2.77659 + 0.47032) x 1.14 = 3.70148 Wh.
        var cloud = power.GetProperty("cloud").GetProperty("energyWh");
        cloud.GetProperty("min").GetDouble().ShouldBe(2.22830, 0.0001);
        cloud.GetProperty("max").GetDouble().ShouldBe(3.70148, 0.0001);
        var cloudCarbon = power.GetProperty("cloud").GetProperty("carbonG");
        cloudCarbon.GetProperty("max").GetDouble().ShouldBe(cloud.GetProperty("max").GetDouble() * 0.0442, 1e-9);

        var local = power.GetProperty("local").GetProperty("energyWh");
        var saved = power.GetProperty("saved").GetProperty("energyWh");
        local.GetProperty("min").GetDouble().ShouldBeLessThanOrEqualTo(local.GetProperty("max").GetDouble());
        saved.GetProperty("min").GetDouble().ShouldBe(
            cloud.GetProperty("min").GetDouble() - local.GetProperty("max").GetDouble(), 1e-9);
        saved.GetProperty("max").GetDouble().ShouldBe(
            cloud.GetProperty("max").GetDouble() - local.GetProperty("min").GetDouble(), 1e-9);

        // The Pro tier's smallest machine, the M3 Max, has no power figure: the Mac Studio stands in for energy.
        var pro = tiers[1];
        pro.GetProperty("device").GetString().ShouldBe("macbook-pro-m3-max");
        pro.GetProperty("local").GetProperty("device").GetString().ShouldBe("mac-studio-m2-ultra");
        power.GetProperty("local").GetProperty("device").GetString().ShouldBe("rtx-4090");
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
