using Frugal.Domain.Energy;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Energy;

/// <summary>
/// The worked examples of the energy reference (§1.7, 500 output tokens, USA mix 383.55 gCO2e/kWh, no latency cap),
/// recomputed with the EcoLogits 0.9.3 constants. At batch 64: e_tok = 5.69414e-7 · P_act + 4.05293e-5 Wh.
/// </summary>
public sealed class CloudEnergyModelTests
{
    private const double UsaGrid = 383.55;

    private static ModelSize Model(string id) => ModelFactsTable.BuiltIn.Find(id).ShouldNotBeNull(id);

    private static EnergyEstimate Decode(string id, string provider, double grid = UsaGrid) =>
        CloudEnergyModel.Estimate(Model(id), 500, 0, null, provider, grid, includePrefill: false);

    [Fact]
    public void Estimate_Gpt4o500Tokens_LandsInPublishedBand()
    {
        // G: 1.2 · 440 · 2 = 1,056 GB / 80 = 13.2 -> 14 -> 16 GPUs. ΔT = 0.52 + 500 / 37.8 = 13.747 s.
        // Server: 13.747 / 3600 · 1200 · (16/8) / 64 = 0.14320 Wh.
        // GPU min: 16 · 500 · (5.69414e-7 · 44 + 4.05293e-5) = 8000 · 6.55835e-5 = 0.52467 Wh.
        // GPU max: 8000 · (5.69414e-7 · 132 + 4.05293e-5) = 8000 · 1.15692e-4 = 0.92553 Wh.
        // E = 1.2 · (0.14320 + 0.52467) = 0.80145 Wh ... 1.2 · (0.14320 + 0.92553) = 1.28248 Wh.
        var estimate = Decode("gpt-4o", "openai");

        estimate.Energy.MinWh.ShouldBe(0.80145, 0.00001);
        estimate.Energy.MaxWh.ShouldBe(1.28248, 0.00001);
        Math.Round(estimate.Energy.MinWh, 2).ShouldBe(0.80);
        Math.Round(estimate.Energy.MaxWh, 2).ShouldBe(1.28);

        // 0.80145 · 383.55 / 1000 = 0.30739 g; 1.28248 · 383.55 / 1000 = 0.49190 g.
        estimate.Carbon.MinGCO2e.ShouldBe(0.30739, 0.00001);
        estimate.Carbon.MaxGCO2e.ShouldBe(0.49190, 0.00001);

        // 13.747 / (64 · 94,608,000) · (2 · 5,700 + 16 · 164) kg · 1000 = 0.031841 g.
        var embodied = estimate.Embodied.ShouldNotBeNull();
        embodied.MinGCO2e.ShouldBe(0.031841, 0.000001);
        embodied.MaxGCO2e.ShouldBe(0.031841, 0.000001);
        estimate.Method.ShouldBe("ecologits-0.9.3-decode");
        estimate.MethodVersion.ShouldBe("0.9.3");
    }

    [Theory]
    // gpt-4o-mini: G 1, ΔT = 0.49 + 500/36.8 = 14.08 s; 1.2 · (0.00916 + 500 · e_tok(8 | 28)).
    [InlineData("gpt-4o-mini", "openai", 0.038048, 0.044881, 0.014593, 0.017214)]
    // gpt-5: G 16 (720 GB), ΔT = 9.8 + 500/44.9 = 20.94 s; reference 0.82-1.14 Wh, 0.31-0.44 g.
    [InlineData("gpt-5", "openai", 0.81477, 1.1428, 0.31251, 0.43830)]
    // claude-haiku-4-5: G 1 (24 GB) to 2 (84 GB), ΔT = 0.58 + 500/69.9 = 7.73 s, PUE 1.09-1.14.
    [InlineData("claude-haiku-4-5", "anthropic", 0.030679, 0.080402, 0.011767, 0.030838)]
    // claude-sonnet-4-5: G 16, ΔT = 1.8 + 500/36.1 = 15.65 s, PUE 1.09-1.14; reference 0.75-1.24 Wh.
    [InlineData("claude-sonnet-4-5", "anthropic", 0.74959, 1.2410, 0.28750, 0.47597)]
    // claude-opus-4-5: G 32 (1,608 GB), ΔT = 1.65 + 500/32.5 = 17.03 s; reference 1.76-3.22 Wh.
    [InlineData("claude-opus-4-5", "anthropic", 1.7590, 3.2210, 0.67467, 1.2354)]
    // gemini-2.5-flash: G 16, ΔT = 0.6 + 500/70 = 7.74 s, PUE 1.09; reference 0.66-1.10 Wh.
    [InlineData("gemini-2.5-flash", "google", 0.65980, 1.0967, 0.25307, 0.42066)]
    // gemini-2.5-pro: G 64 (4,800 GB), ΔT = 2.67 + 500/92 = 8.10 s; reference 5.75-13.7 Wh, 2.2-5.3 g.
    [InlineData("gemini-2.5-pro", "google", 5.7540, 13.698, 2.2069, 5.2540)]
    public void Estimate_WorkedExample_MatchesReference(
        string id, string provider, double minWh, double maxWh, double minG, double maxG)
    {
        var estimate = Decode(id, provider);

        estimate.Energy.MinWh.ShouldBe(minWh, minWh * 1e-4);
        estimate.Energy.MaxWh.ShouldBe(maxWh, maxWh * 1e-4);
        estimate.Carbon.MinGCO2e.ShouldBe(minG, minG * 1e-4);
        estimate.Carbon.MaxGCO2e.ShouldBe(maxG, maxG * 1e-4);
    }

    [Fact]
    public void Estimate_Llama70BWithoutServedSpeed_UsesLatencyRegression()
    {
        // Dense 70.55 B: 169.3 GB -> 3 -> 4 GPUs. ΔT = 500 · (6.785088e-4 · 70.55 + 3.119310e-4 · 64 + 0.0194737)
        // = 500 · 0.0873054 = 43.65 s. Server 43.65 / 3600 · 1200 · 0.5 / 64 = 0.11368 Wh;
        // GPU 4 · 500 · 8.07015e-5 = 0.16140 Wh; unknown provider PUE 1.2 -> 0.33010 Wh; at WOR 473: 0.15614 g.
        // Embodied 43.65 / (64 · 94,608,000) · (0.5 · 5,700 + 4 · 164) · 1000 = 0.025277 g.
        var estimate = CloudEnergyModel.Estimate(
            Model("llama-3.1-70b"), 500, 0, null, provider: null, GridIntensity.World.GCO2PerKWh, false);

        estimate.Energy.MinWh.ShouldBe(0.33010, 0.00001);
        estimate.Energy.MaxWh.ShouldBe(estimate.Energy.MinWh);
        estimate.Carbon.MinGCO2e.ShouldBe(0.15614, 0.00001);
        estimate.Embodied.ShouldNotBeNull().MinGCO2e.ShouldBe(0.025277, 0.000001);
        CloudEnergyModel.GenerationSeconds(Model("llama-3.1-70b"), 70.55, 500, null).ShouldBe(43.653, 0.001);
    }

    [Fact]
    public void Estimate_MeasuredLatencyBelowModel_CapsServerShare()
    {
        // gpt-4o with a 5 s measured call: server 5 / 3600 · 1200 · 2 / 64 = 0.052083 Wh;
        // E min = 1.2 · (0.052083 + 0.52467) = 0.69210 Wh.
        var estimate = CloudEnergyModel.Estimate(Model("gpt-4o"), 500, 0, 5.0, "openai", UsaGrid, false);

        estimate.Energy.MinWh.ShouldBe(0.69210, 0.00001);
        estimate.Assumptions.ShouldContain(line => line.Contains("capped at the measured latency"));
    }

    [Fact]
    public void Estimate_WithPrefill_AddsEpochCalibratedPrefillAsSeparateMethod()
    {
        // Epoch's GPT-4o case (100 B active, 10k input):
        // 1.2 · 2 · 100e9 · 10,000 / (9.89e14 · 0.25) · 892.5 / 3600
        // = 2.4065 Wh, about Epoch's 2.5 Wh. For gpt-4o's 44-132 B active: 1.05885-3.17654 Wh on top of decode.
        var hundred = ModelSize.Dense("epoch-gpt-4o", ParameterRange.Exactly(100), "Epoch AI assumption");
        var epoch = CloudEnergyModel.Estimate(hundred, 0, 10_000, null, "openai", UsaGrid, includePrefill: true);
        var decodeOnly = Decode("gpt-4o", "openai");

        var withPrefill = CloudEnergyModel.Estimate(Model("gpt-4o"), 500, 10_000, null, "openai", UsaGrid, true);

        // With no output the decode part is the TTFT-free regression at 0 tokens: 0 Wh.
        epoch.Energy.MinWh.ShouldBe(2.4065, 0.0001);
        withPrefill.Method.ShouldBe("ecologits-0.9.3+prefill");
        (withPrefill.Energy.MinWh - decodeOnly.Energy.MinWh).ShouldBe(1.05885, 0.00001);
        (withPrefill.Energy.MaxWh - decodeOnly.Energy.MaxWh).ShouldBe(3.17654, 0.00001);
    }

    [Fact]
    public void Estimate_UnknownProvider_Pue12()
    {
        var openai = Decode("gpt-4o", "openai");

        var unknown = Decode("gpt-4o", "some-reseller");

        unknown.Energy.ShouldBe(openai.Energy);
    }

    [Theory]
    [InlineData(8.03, 1)]
    [InlineData(35, 2)]
    [InlineData(70.55, 4)]
    [InlineData(440, 16)]
    [InlineData(670, 32)]
    [InlineData(2000, 64)]
    public void GpuCount_TotalParameters_PowerOfTwoH100s(double totalBillions, long gpus)
    {
        CloudEnergyModel.GpuCount(totalBillions).ShouldBe(gpus);
    }
}
