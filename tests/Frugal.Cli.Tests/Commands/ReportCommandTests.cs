using System.Text.Json;
using Frugal.Cli.Tests.Support;
using Frugal.Storage.Tests.TestData;
using Shouldly;

namespace Frugal.Cli.Tests.Commands;

public sealed class ReportCommandTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public void Report_JsonOnAGeneratedTree_PrintsOnlyJsonWhoseRowsEqualTheTruth()
    {
        var generator = new ClaudeTreeGenerator(seed: 21);
        generator.Write(_home.Combine("logs"), sessions: 25);

        var result = FrugalProcess.Run(
            _home.Path, "report", "daily", "--json", "--timezone", "UTC",
            "--source", $"claude-code={_home.Combine("logs")}");

        result.ExitCode.ShouldBe(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        root.GetProperty("period").GetString().ShouldBe("daily");
        root.GetProperty("timezone").GetString().ShouldBe("UTC");
        var rows = root.GetProperty("rows").EnumerateArray().ToArray();
        rows.Select(r => r.GetProperty("key").GetString()).ShouldBe(generator.Truth.Keys.Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var truth = generator.Truth[row.GetProperty("key").GetString()!];
            row.GetProperty("inputTokens").GetInt64().ShouldBe(truth.Input);
            row.GetProperty("outputTokens").GetInt64().ShouldBe(truth.Output);
            row.GetProperty("cacheWrite5mTokens").GetInt64().ShouldBe(truth.CacheWrite5m);
            row.GetProperty("cacheWrite1hTokens").GetInt64().ShouldBe(truth.CacheWrite1h);
            row.GetProperty("cacheReadTokens").GetInt64().ShouldBe(truth.CacheRead);
            row.GetProperty("totalTokens").GetInt64()
                .ShouldBe(truth.Input + truth.Output + truth.CacheWrite5m + truth.CacheWrite1h + truth.CacheRead);
            row.GetProperty("calls").GetInt64().ShouldBe(truth.Calls);
            row.GetProperty("unpricedTokens").GetInt64().ShouldBe(0);
        }

        var totals = root.GetProperty("totals");
        totals.GetProperty("calls").GetInt64().ShouldBe(generator.Truth.Values.Sum(t => t.Calls));
        root.GetProperty("diagnostics").GetProperty("import").GetProperty("skippedLines")
            .GetProperty("malformed JSON").GetInt64().ShouldBe(generator.TruncatedUsageLines);
    }

    [Fact]
    public void Report_RealClaudeCodeTranscript_GivesTheIndependentlyComputedTotalsAndCost()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "fixtures", "real", "claude-code");

        var result = FrugalProcess.Run(
            _home.Path, "report", "daily", "--json", "--timezone", "UTC", "--source", $"claude-code={fixture}");

        result.ExitCode.ShouldBe(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var row = json.RootElement.GetProperty("rows").EnumerateArray().Single();
        row.GetProperty("key").GetString().ShouldBe("2025-08-24");
        row.GetProperty("calls").GetInt64().ShouldBe(24);
        row.GetProperty("inputTokens").GetInt64().ShouldBe(124);
        row.GetProperty("outputTokens").GetInt64().ShouldBe(2_759);
        row.GetProperty("cacheWrite5mTokens").GetInt64().ShouldBe(19_486);
        row.GetProperty("cacheReadTokens").GetInt64().ShouldBe(404_173);
        // claude-opus-4-1 at $15 input, $75 output, $18.75 5-minute writes, $1.50 reads per million tokens:
        // 124 x 15 + 2,759 x 75 + 19,486 x 18.75 + 404,173 x 1.5 = 1,180,407 micro-dollars.
        row.GetProperty("costUsd").GetDecimal().ShouldBe(1.180407m);
    }

    [Fact]
    public void Report_ModelFactsFile_GivesAnUnknownModelASizeAndOverridesAKnownOne()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "fixtures", "real", "claude-code");
        var facts = Path.Combine(_home.Path, "facts.json");

        // The fixture's one model, claude-opus-4-1, made small: a dense 1 B model uses far less energy per token.
        File.WriteAllText(facts, """
            [{"model": "claude-opus-4-1-20250805", "totalBillions": 1, "activeBillions": 1, "source": "test"}]
            """);
        var builtIn = FrugalProcess.Run(
            _home.Path, "report", "daily", "--json", "--timezone", "UTC", "--source", $"claude-code={fixture}");
        var small = FrugalProcess.Run(
            _home.Path, "report", "daily", "--json", "--timezone", "UTC", "--no-import", "--model-facts", facts);
        var missing = FrugalProcess.Run(
            _home.Path, "report", "daily", "--no-import", "--model-facts", Path.Combine(_home.Path, "none.json"));

        small.ExitCode.ShouldBe(0, small.Stderr);
        using var builtInJson = JsonDocument.Parse(builtIn.Stdout);
        using var smallJson = JsonDocument.Parse(small.Stdout);
        static double Max(JsonDocument json) =>
            json.RootElement.GetProperty("totals").GetProperty("energyWh").GetProperty("max").GetDouble();
        var (before, after) = (Max(builtInJson), Max(smallJson));
        after.ShouldBeLessThan(before);
        missing.ExitCode.ShouldBe(2);
        missing.Stderr.ShouldContain("--model-facts");
    }

    [Fact]
    public void Report_ZoneFrance_ChangesCarbonButNotEnergy()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "fixtures", "real", "claude-code");
        var world = FrugalProcess.Run(
            _home.Path, "report", "daily", "--json", "--timezone", "UTC", "--source", $"claude-code={fixture}");
        var france = FrugalProcess.Run(
            _home.Path, "report", "daily", "--json", "--timezone", "UTC", "--no-import", "--zone", "fra");

        world.ExitCode.ShouldBe(0, world.Stderr);
        france.ExitCode.ShouldBe(0, france.Stderr);
        using var worldJson = JsonDocument.Parse(world.Stdout);
        using var franceJson = JsonDocument.Parse(france.Stdout);
        var worldEnergy = worldJson.RootElement.GetProperty("energy");
        worldEnergy.GetProperty("method").GetString().ShouldBe("ecologits-0.9.3-decode");
        worldEnergy.GetProperty("zone").GetString().ShouldBe("WOR");
        worldEnergy.GetProperty("gridGCO2PerKWh").GetDouble().ShouldBe(473);
        franceJson.RootElement.GetProperty("energy").GetProperty("zone").GetString().ShouldBe("FRA");
        franceJson.RootElement.GetProperty("energy").GetProperty("gridGCO2PerKWh").GetDouble().ShouldBe(44.2);

        var worldTotals = worldJson.RootElement.GetProperty("totals");
        var franceTotals = franceJson.RootElement.GetProperty("totals");
        worldTotals.GetProperty("unknownSizeTokens").GetInt64().ShouldBe(0);
        foreach (var end in (string[])["min", "max"])
        {
            var wh = worldTotals.GetProperty("energyWh").GetProperty(end).GetDouble();
            wh.ShouldBeGreaterThan(0);
            franceTotals.GetProperty("energyWh").GetProperty(end).GetDouble().ShouldBe(wh);
            worldTotals.GetProperty("carbonG").GetProperty(end).GetDouble().ShouldBe(wh * 0.473, 0.00001);
            franceTotals.GetProperty("carbonG").GetProperty(end).GetDouble().ShouldBe(wh * 0.0442, 0.00001);

            // Manufacturing carbon depends on time on the hardware, not on the grid; EcoLogits puts it at a few
            // per cent of usage carbon at the world mix.
            var embodied = worldTotals.GetProperty("embodiedCarbonG").GetProperty(end).GetDouble();
            embodied.ShouldBeGreaterThan(0);
            franceTotals.GetProperty("embodiedCarbonG").GetProperty(end).GetDouble().ShouldBe(embodied);
            embodied.ShouldBeLessThan(0.2 * worldTotals.GetProperty("carbonG").GetProperty(end).GetDouble());
        }

        var row = worldJson.RootElement.GetProperty("rows").EnumerateArray().Single();
        row.GetProperty("energyWh").GetProperty("max").GetDouble()
            .ShouldBe(worldTotals.GetProperty("energyWh").GetProperty("max").GetDouble());
    }

    [Fact]
    public void Report_GridZone_OptionBeatsEnvironmentBeatsConfigFile()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "fixtures", "real", "claude-code");
        FrugalProcess.Run(_home.Path, "import", "--source", $"claude-code={fixture}").ExitCode.ShouldBe(0);
        var config = Path.Combine(_home.Path, "config", "frugal");
        Directory.CreateDirectory(config);
        File.WriteAllText(Path.Combine(config, "config.json"), """{ "gridZone": "fra" }""");
        var sweden = new Dictionary<string, string> { ["FRUGAL_GRID_ZONE"] = "SWE" };
        string[] report = ["report", "daily", "--json", "--no-import"];

        FrugalProcess.Run(_home.Path, report).Zone().ShouldBe(("FRA", 44.2));
        FrugalProcess.RunWith(_home.Path, sweden, report).Zone().ShouldBe(("SWE", 35.8));
        FrugalProcess.RunWith(_home.Path, sweden, [.. report, "--zone", "250"]).Zone().ShouldBe(("custom", 250));

        File.WriteAllText(Path.Combine(config, "config.json"), """{ "gridZone": "ATLANTIS" }""");
        var bad = FrugalProcess.Run(_home.Path, report);
        bad.ExitCode.ShouldBe(2);
        bad.Stderr.ShouldContain("gridZone in ");
        bad.Stderr.ShouldContain("'ATLANTIS' is not a grid zone");
    }

    [Theory]
    [InlineData("--timezone", "Mars/Olympus", "--timezone 'Mars/Olympus' is not a time zone")]
    [InlineData("--since", "2026-02-30", "--since '2026-02-30' is not a date")]
    [InlineData("--until", "yesterday", "--until 'yesterday' is not a date")]
    [InlineData("--source", "cursor=/tmp", "--source names 'cursor', which Frugal does not read")]
    [InlineData("--source", "claude-code", "--source 'claude-code' is not SOURCE=PATH")]
    [InlineData("--source", "claude-code=/etc/passwd", "--source claude-code=/etc/passwd is a file")]
    [InlineData("--ledger", "", "--ledger is empty")]
    [InlineData("--zone", "MARS", "--zone 'MARS' is not a grid zone: name one by its ISO 3166 alpha-3 country code")]
    [InlineData("--zone", "", "--zone '' is not a grid zone")]
    [InlineData("--source", "claude-code=/no/such/folder", "--source claude-code=/no/such/folder: no such folder")]
    public void Report_BadOption_ExitsTwoWithOneLineThatNamesTheFix(string option, string value, string expected)
    {
        var result = FrugalProcess.Run(_home.Path, "report", "daily", option, value);

        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        var line = result.Stderr.TrimEnd('\n').Split('\n').ShouldHaveSingleItem();
        line.ShouldStartWith("frugal: " + expected);
    }

    [Fact]
    public void Report_SeveralBadOptions_NamesEveryProblemInOneLine()
    {
        var result = FrugalProcess.Run(
            _home.Path, "report", "daily", "--since", "2026-01-01", "--until", "2025-01-01", "--timezone", "Nowhere/X",
            "--source", "foo=bar", "--source", "codex=/no/such/folder");

        result.ExitCode.ShouldBe(2);
        var line = result.Stderr.TrimEnd('\n').Split('\n').ShouldHaveSingleItem();
        line.ShouldContain("swap them");
        line.ShouldContain("--timezone 'Nowhere/X'");
        line.ShouldContain("names 'foo'");
        line.ShouldContain("codex=/no/such/folder: no such folder");
    }

    [Fact]
    public void Report_UnknownPeriod_ExitsTwoWithOneLine()
    {
        var result = FrugalProcess.Run(_home.Path, "report", "hourly");

        result.ExitCode.ShouldBe(2);
        result.Stderr.TrimEnd('\n').Split('\n').ShouldHaveSingleItem().ShouldContain("'hourly'");
    }

    [Fact]
    public void Report_UntilTheLastDayOfTheCalendar_ReportsEverything()
    {
        var result = FrugalProcess.Run(
            _home.Path, "report", "daily", "--no-import", "--json", "--until", "9999-12-31",
            "--timezone", "Pacific/Kiritimati");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("\"until\": \"9999-12-31\"");
    }

    [Fact]
    public void Report_UnknownPeriod_ListsTheChoicesOnOneLine()
    {
        var result = FrugalProcess.Run(_home.Path, "report", "fortnightly");

        result.Stderr.TrimEnd('\n').ShouldBe(
            "frugal: Argument 'fortnightly' not recognized. Must be one of: 'daily', 'weekly', 'monthly', 'session', "
            + "'model', 'project'. Run 'frugal report --help' for usage.");
    }

    [Fact]
    public void Report_SinceAfterUntil_ExitsTwo()
    {
        var result = FrugalProcess.Run(_home.Path, "report", "daily", "--since", "2026-05-02", "--until", "2026-05-01");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("swap them");
    }

    [Fact]
    public void Report_LedgerThatIsNotSqlite_ExitsOneWithOneLineAndNoStackTrace()
    {
        var ledger = _home.Combine("not-a-ledger.db");
        File.WriteAllText(ledger, "this is not a database, it is a note to self\n");

        var result = FrugalProcess.Run(_home.Path, "report", "daily", "--ledger", ledger);
        var debug = FrugalProcess.Run(_home.Path, "report", "daily", "--ledger", ledger, "--debug");

        result.ExitCode.ShouldBe(1);
        result.Stderr.TrimEnd('\n').Split('\n').ShouldHaveSingleItem().ShouldContain("choose another with --ledger");
        File.ReadAllText(ledger).ShouldStartWith("this is not a database");
        debug.ExitCode.ShouldBe(1);
        debug.Stderr.ShouldContain("   at ");
    }

    [Fact]
    public void Report_NoLogsAnywhere_SaysWhereItLookedAndHowToPointElsewhere()
    {
        var result = FrugalProcess.Run(_home.Path, "report", "daily");

        result.ExitCode.ShouldBe(0);
        result.Stderr.ShouldContain("No Claude Code or Codex logs found. Looked in:");
        result.Stderr.ShouldContain(Path.Combine(_home.Path, ".claude", "projects"));
        result.Stderr.ShouldContain(Path.Combine(_home.Path, ".codex", "sessions"));
        result.Stderr.ShouldContain("--source claude-code=PATH");
    }

    [Fact]
    public void Report_StdoutClosedByTheReader_EndsQuietly()
    {
        new ClaudeTreeGenerator(seed: 4).Write(_home.Combine("logs"), sessions: 700, callsPerSession: 2);

        var result = FrugalProcess.Shell(
            _home.Path,
            $"$FRUGAL report session --source claude-code={_home.Combine("logs")} | head -1; "
            + "echo \"exit=${PIPESTATUS[0]}\"");

        result.Stdout.ShouldContain("exit=0");
        result.Stderr.ShouldNotContain("Exception");
        result.Stderr.ShouldNotContain("frugal:");
    }

    [Fact]
    public void Report_CodexRollout_SplitsCachedInputAndIgnoresReemits()
    {
        var day = _home.Combine("codex", "sessions", "2026", "05", "01");
        Directory.CreateDirectory(day);
        File.WriteAllLines(Path.Combine(day, "rollout-2026-05-01T10-00-00-01970000-0000-7000-8000-000000000001.jsonl"),
        [
            """{"timestamp":"2026-05-01T10:00:00.000Z","type":"session_meta","payload":{"id":"t1","cwd":"/w/app"}}""",
            """{"timestamp":"2026-05-01T10:00:01.000Z","type":"turn_context","payload":"""
                + """{"cwd":"/w/app","model":"gpt-5.2-codex"}}""",
            """{"timestamp":"2026-05-01T10:00:10.000Z","type":"event_msg","payload":{"type":"token_count","info":"""
                + """{"total_token_usage":{"input_tokens":1000,"cached_input_tokens":200,"output_tokens":"""
                + """100,"reasoning_output_tokens":40,"total_tokens":1100}}}}""",
            """{"timestamp":"2026-05-01T10:00:10.500Z","type":"event_msg","payload":{"type":"token_count","info":"""
                + """{"total_token_usage":{"input_tokens":1000,"cached_input_tokens":200,"output_tokens":"""
                + """100,"reasoning_output_tokens":40,"total_tokens":1100}}}}""",
            """{"timestamp":"2026-05-01T10:01:00.000Z","type":"event_msg","payload":{"type":"token_count","info":"""
                + """{"total_token_usage":{"input_tokens":3000,"cached_input_tokens":1200,"output_tokens":"""
                + """300,"reasoning_output_tokens":90,"total_tokens":3300}}}}""",
        ]);

        var result = FrugalProcess.Run(
            _home.Path, "report", "daily", "--json", "--timezone", "UTC",
            "--source", $"codex={_home.Combine("codex")}");

        result.ExitCode.ShouldBe(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var totals = json.RootElement.GetProperty("totals");
        // Cumulative 3000 input of which 1200 cached: 1800 uncached input and 1200 cache reads; output 300.
        totals.GetProperty("inputTokens").GetInt64().ShouldBe(1_800);
        totals.GetProperty("cacheReadTokens").GetInt64().ShouldBe(1_200);
        totals.GetProperty("outputTokens").GetInt64().ShouldBe(300);
        totals.GetProperty("totalTokens").GetInt64().ShouldBe(3_300);
        totals.GetProperty("calls").GetInt64().ShouldBe(2);
        // gpt-5.2-codex: $1.75 input, $0.175 cached, $14 output per million tokens:
        // 1,800 x 1.75 + 1,200 x 0.175 + 300 x 14 = 3,150 + 210 + 4,200 = 7,560 micro-dollars.
        totals.GetProperty("costUsd").GetDecimal().ShouldBe(0.00756m);
    }
}

internal static class ReportZoneExtensions
{
    /// <summary>The zone code and intensity a JSON report counted carbon at.</summary>
    public static (string? Code, double Intensity) Zone(this FrugalProcess.Result result)
    {
        result.ExitCode.ShouldBe(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var energy = json.RootElement.GetProperty("energy");
        return (energy.GetProperty("zone").GetString(), energy.GetProperty("gridGCO2PerKWh").GetDouble());
    }
}
