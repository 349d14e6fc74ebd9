using Frugal.Domain.Energy;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Energy;

public sealed class LocalEnergyModelTests
{
    private static DevicePowerProfile Device(string id) => DevicePowerProfile.Find(id).ShouldNotBeNull(id);

    [Fact]
    public void Estimate_OllamaOnMacMiniM4_ThirtyWattsTimesDuration()
    {
        // Ollama llama3.1:8b on a Mac mini M4: 100 prompt tokens at 225 tok/s (444,444,444 ns), 500 output tokens at
        // 20.89 tok/s (23,934,897,080 ns), model resident (load 0).
        // E = 30 W · (0.444444 + 23.934897) s / 3600 = 30 · 24.379341 / 3600 = 0.203161 Wh; at WOR 473: 0.096095 g.
        var timings = LocalTimings.FromOllamaNanoseconds(444_444_444, 23_934_897_080, 0);

        var estimate = LocalEnergyModel.Estimate(timings, Device("mac-mini-m4"), GridIntensity.World.GCO2PerKWh);

        estimate.Method.ShouldBe("device-profile");
        estimate.Energy.MinWh.ShouldBe(0.203161, 0.000001);
        estimate.Energy.MaxWh.ShouldBe(estimate.Energy.MinWh);
        estimate.Carbon.MinGCO2e.ShouldBe(0.096095, 0.000001);
        estimate.Embodied.ShouldBeNull();
    }

    [Fact]
    public void Estimate_Rtx4090_PrefillAt13TimesDecodeAndHostRange()
    {
        // Decode 250 W GPU + 60-100 W host = 310-350 W; prefill 1.3 x = 403-455 W; load at decode power.
        // llama.cpp: prompt 100 ms, predicted 4,000 ms; plus 2 s load given directly.
        // min = 403 · 0.1 + 310 · 4 + 310 · 2 = 1,900.3 J = 0.527861 Wh
        // max = 455 · 0.1 + 350 · 4 + 350 · 2 = 2,145.5 J = 0.595972 Wh
        var timings = LocalTimings.FromLlamaCppMilliseconds(100, 4000) with { LoadSeconds = 2 };

        var estimate = LocalEnergyModel.Estimate(timings, Device("rtx-4090"), 383.6);

        estimate.Energy.MinWh.ShouldBe(0.527861, 0.000001);
        estimate.Energy.MaxWh.ShouldBe(0.595972, 0.000001);
        estimate.Assumptions.ShouldContain(line => line.Contains("1.3 x decode"));
    }

    [Fact]
    public void Estimate_MarginalOnMacMiniM4_SubtractsIdleRange()
    {
        // 10 s decode at 30 W = 300 J; idle 4-6 W over 10 s = 40-60 J: 240-260 J = 0.066667-0.072222 Wh.
        var estimate = LocalEnergyModel.Estimate(new LocalTimings(0, 10), Device("mac-mini-m4"), 473, marginal: true);

        estimate.Energy.MinWh.ShouldBe(240 / 3600.0, 1e-12);
        estimate.Energy.MaxWh.ShouldBe(260 / 3600.0, 1e-12);
    }

    [Fact]
    public void Estimate_MarginalWithoutIdle_Throws()
    {
        Should.Throw<ArgumentException>(
            () => LocalEnergyModel.Estimate(new LocalTimings(0, 10), Device("rtx-5090"), 473, marginal: true));
    }

    [Fact]
    public void Estimate_CounterDelta_ExactRangeAtGrid()
    {
        // An NVML delta of 0.5 Wh on a French grid: 0.5 · 44.2 / 1000 = 0.0221 g.
        var france = GridIntensity.Resolve("FRA").GCO2PerKWh;

        var estimate = LocalEnergyModel.Estimate(new LocalTimings(0.2, 5), 0.5, france);

        estimate.Method.ShouldBe("counter");
        estimate.Energy.ShouldBe(EnergyRange.Exactly(0.5));
        estimate.Carbon.MinGCO2e.ShouldBe(0.0221, 1e-12);
    }

    [Fact]
    public void BuiltIn_Profiles_RangesOrdered()
    {
        DevicePowerProfile.BuiltIn.ShouldAllBe(p => p.DecodeMinW > 0 && p.DecodeMinW <= p.DecodeMaxW);
        Device("rtx-5090").DecodeMinW.ShouldBe(410);
        Device("rtx-5090").DecodeMaxW.ShouldBe(450);
    }
}
