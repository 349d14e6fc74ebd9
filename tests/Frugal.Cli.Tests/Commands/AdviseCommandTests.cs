using System.Text.Json;
using Frugal.Cli.Tests.Support;
using Frugal.Storage.Tests.TestData;
using Shouldly;
using Snapshooter.Xunit3;

namespace Frugal.Cli.Tests.Commands;

public sealed class AdviseCommandTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public void Advise_KnownModelOnEveryTier_MatchesTheSnapshot()
    {
        var result = FrugalProcess.Run(_home.Path, "advise", "--model", "llama-3-8b");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("Entry: ");
        result.Stdout.ShouldContain("Pro: ");
        result.Stdout.ShouldContain("Power: ");
        result.Stdout.ShouldContain("Cloud, gpt-4o-mini");
        Snapshot.Match(result.Stdout);
    }

    [Fact]
    public void Advise_SeventyBillionAtLongContextOnThePowerTier_MatchesTheSnapshot()
    {
        var result = FrugalProcess.Run(
            _home.Path, "advise", "--params", "70B", "--quant", "Q4_K_M", "--context", "32768", "--tier", "power");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("KV cache shape assumed: 80 layers, 8 KV heads of 128");
        result.Stdout.ShouldNotContain("Entry: ");
        result.Stdout.ShouldContain("(this run: tokens/s ±50 %)");
        Snapshot.Match(result.Stdout);
    }

    [Fact]
    public void Advise_CustomDevice_AddsACustomRowAndMatchesTheSnapshot()
    {
        var result = FrugalProcess.Run(
            _home.Path, "advise", "--model", "gpt-oss-20b", "--tier", "entry", "--device-memory", "24GB",
            "--device-bandwidth", "273", "--device-power", "40-60", "--device-unified", "--zone", "FRA",
            "--compare", "claude-haiku-4-5");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("Custom 24 GB, 273 GB/s, unified");
        result.Stdout.ShouldContain("Cloud, claude-haiku-4-5");
        Snapshot.Match(result.Stdout);
    }

    [Fact]
    public void Advise_Json_GivesTheMemoryFiguresWorkedOutByHand()
    {
        var result = FrugalProcess.Run(_home.Path, "advise", "--model", "llama-3-8b", "--json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        root.GetProperty("model").GetProperty("name").GetString().ShouldBe("Llama-3.1-8B");
        root.GetProperty("contextTokens").GetInt32().ShouldBe(8192);
        var memory = root.GetProperty("memory");
        // Weights: 8.03e9 parameters x 4.85 bits (Q4_K_M) / 8 = 4,868,187,500 bytes.
        memory.GetProperty("weightsBytes").GetInt64().ShouldBe(4_868_187_500);
        // KV cache: 32 layers x 2 (K and V) x 8 KV heads x 128 x 2 bytes (f16) = 131,072 bytes per token;
        // x 8,192 tokens = 1,073,741,824 bytes (exactly 1 GiB).
        root.GetProperty("kvCache").GetProperty("bytesPerToken").GetDouble().ShouldBe(131_072);
        memory.GetProperty("kvCacheBytes").GetInt64().ShouldBe(1_073_741_824);
        // Overhead 0.5-1.5 GB, so the total is 4,868,187,500 + 1,073,741,824 + 500,000,000 = 6,441,929,324
        // to 7,441,929,324 bytes.
        memory.GetProperty("overheadMinBytes").GetInt64().ShouldBe(500_000_000);
        memory.GetProperty("overheadMaxBytes").GetInt64().ShouldBe(1_500_000_000);
        memory.GetProperty("totalMinBytes").GetInt64().ShouldBe(6_441_929_324);
        memory.GetProperty("totalMaxBytes").GetInt64().ShouldBe(7_441_929_324);

        var devices = root.GetProperty("devices").EnumerateArray().ToArray();
        devices.Select(d => d.GetProperty("id").GetString())
            .ShouldBe(["mac-mini-m4", "mac-studio-m2-ultra", "macbook-pro-m3-max", "rtx-4090", "rtx-5090"]);
        devices.ShouldAllBe(d => d.GetProperty("fit").GetString() == "fits");
        // RTX 4090 decode at half the context: 0.62 x 1,008e9 B/s / (4,868,187,500 + 131,072 x 4,096) B
        // = 624.96e9 / 5,405,058,412 = 115.63 tok/s; 310-350 W over that is 2.681-3.027 J per token,
        // 0.7447-0.8408 Wh per 1,000 tokens, and x 473 g/kWh / 1,000 = 0.3522-0.3977 gCO2e.
        var rtx4090 = devices[3];
        rtx4090.GetProperty("decodeTokensPerSecond").GetDouble().ShouldBe(115.63, 0.01);
        rtx4090.GetProperty("wh").GetProperty("min").GetDouble().ShouldBe(0.7447, 0.0001);
        rtx4090.GetProperty("wh").GetProperty("max").GetDouble().ShouldBe(0.8408, 0.0001);
        rtx4090.GetProperty("gco2e").GetProperty("min").GetDouble().ShouldBe(0.3522, 0.0001);
        devices[2].GetProperty("wh").ValueKind.ShouldBe(JsonValueKind.Null);

        var cloud = root.GetProperty("cloud");
        cloud.GetProperty("model").GetString().ShouldBe("gpt-4o-mini");
        cloud.GetProperty("method").GetString().ShouldBe("ecologits-0.9.3-decode");
        root.GetProperty("accuracy").GetProperty("cloud").GetString().ShouldBe("order of magnitude only");
    }

    [Fact]
    public void Advise_MixtureOfExpertsBySize_ReadsActiveWeightsAndNamesTheAssumption()
    {
        var result = FrugalProcess.Run(
            _home.Path, "advise", "--params", "30B", "--active", "3B", "--json", "--tier", "power");

        result.ExitCode.ShouldBe(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var model = json.RootElement.GetProperty("model");
        model.GetProperty("mixtureOfExperts").GetBoolean().ShouldBeTrue();
        model.GetProperty("activeBillionParameters").GetDouble().ShouldBe(3);
        model.GetProperty("assumption").GetString()!.ShouldContain("64 layers");
        json.RootElement.GetProperty("accuracy").GetProperty("tokensPerSecondThisRun").GetString()
            .ShouldBe("±50 %");
    }

    [Theory]
    [InlineData("--quant Q9_K", "--quant 'Q9_K' is not a quantisation Frugal knows: use one of F16")]
    [InlineData("--kv-cache q5_1", "--kv-cache 'q5_1' is not a KV cache type: use one of f16, q8_0, q4_0")]
    [InlineData("--device-memory 24GB", "a custom device needs --device-memory, --device-bandwidth and "
        + "--device-power together; missing: --device-bandwidth, --device-power.")]
    [InlineData("--device-memory 24GB --device-bandwidth 300 --device-power hot",
        "--device-power 'hot' is not a power draw")]
    [InlineData("--params 8B", "--model and --params are both given")]
    [InlineData("--active 3B", "--active is given with --model llama-3-8b")]
    [InlineData("--tier server", "--tier 'server' is not a tier: use entry, pro or power")]
    [InlineData("--context 0", "--context '0' is not a context window")]
    [InlineData("--zone XYZ", "--zone 'XYZ' is not a grid zone")]
    [InlineData("--compare my-model", "--compare 'my-model' is not a hosted model whose size Frugal knows")]
    [InlineData("--since 2026-01-01", "--since works only with --from-ledger")]
    [InlineData("--zone -5", "--zone -5 gCO2e/kWh is not a grid's intensity")]
    [InlineData("--model-facts missing.json", "--model-facts")]
    public void Advise_BadInput_ExitsTwoWithOneLineThatNamesTheFix(string options, string expected)
    {
        var result = FrugalProcess.Run(_home.Path, ["advise", "--model", "llama-3-8b", .. options.Split(' ')]);

        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        var line = result.Stderr.TrimEnd('\n').Split('\n').ShouldHaveSingleItem();
        line.ShouldStartWith("frugal: " + expected);
    }

    [Fact]
    public void Advise_UnknownModel_ListsTheKnownOnes()
    {
        var result = FrugalProcess.Run(_home.Path, "advise", "--model", "llama-9-1b");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldStartWith("frugal: --model 'llama-9-1b' is not a model whose shape Frugal knows: "
            + "use one of llama-3-8b, llama-3-70b");
    }

    [Theory]
    [InlineData("0.001B", "--params '0.001B' is outside what Frugal estimates: give from 0.1B (100M) to 100,000B")]
    [InlineData("200T", "--params '200T' is outside what Frugal estimates")]
    [InlineData("8 X", "--params '8 X' is not a parameter count")]
    public void Advise_ParamsOutsideTheModelsRange_SaysTheRange(string parameters, string expected)
    {
        var result = FrugalProcess.Run(_home.Path, "advise", "--params", parameters);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldStartWith("frugal: " + expected);
    }

    [Fact]
    public void Advise_ParamsInTrillions_ReadAsThousandsOfBillions()
    {
        var result = FrugalProcess.Run(_home.Path, "advise", "--params", "1.8T", "--active", "280B", "--json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("model").GetProperty("totalBillionParameters").GetDouble().ShouldBe(1800);
    }

    [Fact]
    public void Advise_FromLedgerWithAModelOption_NamesTheOptionThatDoesNotApply()
    {
        var result = FrugalProcess.Run(
            _home.Path, "advise", "--from-ledger", "--model", "llama-3-8b", "--quant", "Q8_0");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldStartWith("frugal: --model, --quant are not used with --from-ledger");
    }

    [Fact]
    public void Advise_CompareWithAModelFromTheFactsFile_UsesItsSize()
    {
        // One dense 10 B model at 1,000 output tokens with its own speed, 50 tok/s: one GPU; GPU energy
        // (5.6941e-7 · 10 + 4.0529e-5) · 1,000 = 0.046223 Wh; server 20 s / 3600 · 1,200 W / 8 / 64 = 0.013021 Wh;
        // an unknown provider's PUE is 1.2: (0.046223 + 0.013021) · 1.2 = 0.071093 Wh.
        var facts = Path.Combine(_home.Path, "facts.json");
        File.WriteAllText(facts, """[{"model": "house-model-10b", "totalBillions": 10, "tokensPerSecond": 50}]""");

        var result = FrugalProcess.Run(_home.Path,
            "advise", "--model", "llama-3-8b", "--tier", "entry", "--compare", "house-model-10b", "--model-facts",
            facts, "--json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var cloud = json.RootElement.GetProperty("cloud");
        cloud.GetProperty("wh").GetProperty("min").GetDouble().ShouldBe(0.071093, 0.00001);
    }

    [Fact]
    public void Advise_SeveralBadOptions_NamesEveryProblemInOneLine()
    {
        var result = FrugalProcess.Run(
            _home.Path, "advise", "--params", "8X", "--quant", "Q9", "--device-power", "50", "--zone", "Mars");

        result.ExitCode.ShouldBe(2);
        var line = result.Stderr.TrimEnd('\n').Split('\n').ShouldHaveSingleItem();
        line.ShouldContain("--params '8X' is not a parameter count");
        line.ShouldContain("--quant 'Q9'");
        line.ShouldContain("missing: --device-memory, --device-bandwidth.");
        line.ShouldContain("--zone 'Mars' is not a grid zone");
    }

    [Fact]
    public void Advise_ModelSpelledAsItsNameOrAnOllamaTag_FindsTheSameArchitecture()
    {
        foreach (var spelling in new[] { "Llama-3.1-8B", "llama3.1:8b", "LLAMA-3-8B" })
        {
            var result = FrugalProcess.Run(_home.Path, "advise", "--model", spelling, "--json", "--tier", "entry");

            result.ExitCode.ShouldBe(0, result.Stderr);
            using var json = JsonDocument.Parse(result.Stdout);
            json.RootElement.GetProperty("model").GetProperty("name").GetString().ShouldBe("Llama-3.1-8B");
        }
    }
}
