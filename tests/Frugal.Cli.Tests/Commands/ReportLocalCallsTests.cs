using System.Text.Json;
using Frugal.Cli.Tests.Support;
using Frugal.Storage.Ledger;
using Frugal.Storage.Tests.TestData;
using Shouldly;

namespace Frugal.Cli.Tests.Commands;

/// <summary>
/// <c>frugal report</c> over calls the gateway wrote: a local model's calls cost $0 and have the energy the gateway
/// recorded; a hosted model's calls are priced and estimated from the tables as any other call.
/// </summary>
public sealed class ReportLocalCallsTests : IDisposable
{
    private static readonly DateTimeOffset May1 = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    private string Ledger => _home.Combine("ledger.db");

    [Fact]
    public void Report_GatewayCalls_LocalOnesCostZeroWithTheirRecordedEnergyAndHostedOnesAsBefore()
    {
        WriteGatewayCalls();

        using var json = Report("--json");
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        rows.Select(r => r.GetProperty("key").GetString()).ShouldBe(["2026-05-01", "2026-05-02"]);

        // May 1st: three local calls of llama3.1:8b (one answered from the gateway's cache, which ran no server),
        // and one hosted call of claude-sonnet-4-5.
        // Cost: the local calls $0; the hosted one from the price table, 1,000 × $3 + 500 × $15 per million =
        // $0.0105 (not the $0.99 the gateway wrote down, nor its 9 Wh).
        // Energy: local, as recorded, 0.5 + 0.25 + 0 = 0.75 Wh and 0.8 + 0.4 + 0 = 1.2 Wh; hosted, EcoLogits for
        // 500 output tokens of Sonnet 4.5 at Anthropic's PUE, 0.749585–1.240959 Wh (see AuditCommandTests).
        // Sum: 0.75 + 0.749585 = 1.499585 Wh and 1.2 + 1.240959 = 2.440959 Wh; carbon at 473 gCO2e/kWh.
        var may1 = rows[0];
        may1.GetProperty("costUsd").GetDecimal().ShouldBe(0.0105m);
        may1.GetProperty("unpricedTokens").GetInt64().ShouldBe(0);
        may1.GetProperty("unknownSizeTokens").GetInt64().ShouldBe(0);
        may1.GetProperty("calls").GetInt64().ShouldBe(4);
        may1.GetProperty("energyWh").GetProperty("min").GetDouble().ShouldBe(1.499585, 1e-5);
        may1.GetProperty("energyWh").GetProperty("max").GetDouble().ShouldBe(2.440959, 1e-5);
        may1.GetProperty("carbonG").GetProperty("min").GetDouble().ShouldBe(1.499585 * 0.473, 1e-5);
        may1.GetProperty("carbonG").GetProperty("max").GetDouble().ShouldBe(2.440959 * 0.473, 1e-5);

        // May 2nd: one local call of 400 + 100 tokens from an upstream without a device: $0, energy unknown.
        var may2 = rows[1];
        may2.GetProperty("costUsd").GetDecimal().ShouldBe(0m);
        may2.GetProperty("unpricedTokens").GetInt64().ShouldBe(0);
        may2.GetProperty("unknownSizeTokens").GetInt64().ShouldBe(500);
        may2.GetProperty("energyWh").GetProperty("max").GetDouble().ShouldBe(0);

        var diagnostics = json.RootElement.GetProperty("diagnostics");
        diagnostics.GetProperty("unpricedModels").GetArrayLength().ShouldBe(0);
        diagnostics.GetProperty("unknownSizeModels").GetArrayLength().ShouldBe(0);
        var unrecorded = diagnostics.GetProperty("unrecordedLocalModels").EnumerateArray().ShouldHaveSingleItem();
        unrecorded.GetProperty("model").GetString().ShouldBe(GatewayCalls.LocalModel);
        unrecorded.GetProperty("calls").GetInt64().ShouldBe(1);
        unrecorded.GetProperty("tokens").GetInt64().ShouldBe(500);
        var caveats = diagnostics.GetProperty("caveats").EnumerateArray().Select(c => c.GetString()!).ToArray();
        caveats.Length.ShouldBe(2);
        caveats[1].ShouldStartWith("4 calls to a local model server cost $0");
        caveats[1].ShouldContain("electricity they draw is not in the cost");
    }

    [Fact]
    public void Report_GatewayCalls_TheTableSaysWhyLocalEnergyIsUnknownAndThatLocalCallsCostZero()
    {
        WriteGatewayCalls();

        var result = FrugalProcess.Run(
            _home.Path, "report", "daily", "--no-import", "--timezone", "UTC", "--ledger", Ledger);

        result.ExitCode.ShouldBe(0, result.Stderr);
        var text = result.Stdout.ReplaceLineEndings(" ");
        text.ShouldContain(
            "\u2020 local calls without a recorded energy: llama3.1:8b: 500 tokens in 1 call are not in Wh or gCO2e; "
            + "set the upstream's device in the gateway configuration.");
        text.ShouldContain("4 calls to a local model server cost $0");
        text.ShouldContain("unknown \u2020");
        text.ShouldNotContain("unpriced");
        text.ShouldNotContain("unknown size");
    }

    [Fact]
    public void Report_LedgerWithoutGatewayCalls_IsUnchangedByGatewayCallsOnOtherDays()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "fixtures", "real", "claude-code");
        var before = FrugalProcess.Run(
            _home.Path, "report", "daily", "--json", "--timezone", "UTC", "--ledger", Ledger,
            "--source", $"claude-code={fixture}");
        var beforeText = FrugalProcess.Run(
            _home.Path, "report", "daily", "--no-import", "--timezone", "UTC", "--ledger", Ledger);
        WriteGatewayCalls();

        using var after = Report("--json");

        before.ExitCode.ShouldBe(0, before.Stderr);
        using var beforeJson = JsonDocument.Parse(before.Stdout);
        var beforeRow = beforeJson.RootElement.GetProperty("rows").EnumerateArray().ShouldHaveSingleItem();
        var diagnostics = beforeJson.RootElement.GetProperty("diagnostics");
        diagnostics.TryGetProperty("unrecordedLocalModels", out _).ShouldBeFalse();
        diagnostics.GetProperty("caveats").GetArrayLength().ShouldBe(1);
        beforeText.Stdout.ShouldNotContain("local model server");
        beforeRow.GetProperty("costUsd").GetDecimal().ShouldBe(1.180407m);

        // The same calls read with the gateway's energy joined in give the same row, to the last digit.
        var afterRow = after.RootElement.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("key").GetString() == "2025-08-24");
        afterRow.GetRawText().ShouldBe(beforeRow.GetRawText());
    }

    /// <summary>The calls the tests' figures are worked out from, written as the gateway writes them.</summary>
    private void WriteGatewayCalls()
    {
        using var ledger = UsageLedger.Open(Ledger);
        ledger.WriteGatewayCalls(
        [
            GatewayCalls.Call("a", May1, local: true, 200, 100, 0.5, 0.8),
            GatewayCalls.Call("b", May1.AddMinutes(5), local: true, 300, 150, 0.25, 0.4),
            GatewayCalls.Call("c", May1.AddMinutes(6), local: true, 100, 50, null, null, cached: true),
            GatewayCalls.Call("d", May1.AddMinutes(7), local: false, 1_000, 500, 9, 9, costUsd: 0.99m),
            GatewayCalls.Call("e", May1.AddDays(1), local: true, 400, 100, null, null),
        ]);
    }

    private JsonDocument Report(params string[] more)
    {
        var result = FrugalProcess.Run(
            _home.Path, ["report", "daily", "--no-import", "--timezone", "UTC", "--ledger", Ledger, .. more]);
        result.ExitCode.ShouldBe(0, result.Stderr);
        return JsonDocument.Parse(result.Stdout);
    }
}
