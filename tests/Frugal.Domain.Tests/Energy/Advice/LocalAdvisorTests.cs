using Frugal.Domain.Energy;
using Frugal.Domain.Energy.Advice;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Energy.Advice;

/// <summary>
/// Decode estimates against the measured llama.cpp speeds of the energy reference (§3.5, calibrated in §3.6).
/// The stated accuracy is ±30 % for a dense model resident in memory at short context.
/// </summary>
public sealed class LocalAdvisorTests
{
    private const double StatedTolerance = 0.30;

    [Fact]
    public void Advise_Rtx4090Llama3_8BQ4_K_M_NearMeasured130()
    {
        // tg512 runs the context from 0 to 512, so decode is estimated at 256 tokens:
        // 0.62 × 1,008e9 / (4,868,187,500 + 131,072 × 256) = 624.96e9 / 4,901,741,932 ≈ 127.5 tok/s;
        // measured 130.6 (XiongjieDai), 2.4 % under.
        var advice = LocalAdvisor.Advise(KnownArchitectures.Llama3_8B, QuantPreset.Q4_K_M, 512, Devices.Rtx4090Rig);

        advice.Fit.ShouldBe(FitVerdict.Fits);
        advice.Reason.ShouldBeNull();
        var decode = advice.DecodeTokensPerSecond.ShouldNotBeNull();
        decode.ShouldBe(624.96e9 / 4_901_741_932, 1e-9);
        decode.ShouldBe(130.6, 130.6 * StatedTolerance);
        decode.ShouldBe(130.6, 130.6 * 0.03);
    }

    [Theory]
    // 8,192-token run, estimated at 4,096: 0.62 × 1,008e9 / (4.868e9 + 0.537e9) ≈ 115.6; measured 110.7.
    [InlineData("rtx-4090", "Llama-3.1-8B", "Q4_K_M", 8192, 110.7)]
    // 0.62 × 1,008e9 / (16.06e9 + 0.034e9) ≈ 38.8; measured 54.8: 29 % under, at the edge of the tolerance.
    [InlineData("rtx-4090", "Llama-3.1-8B", "F16", 512, 54.8)]
    // 0.62 × 1,792e9 / 4.902e9 ≈ 226.7; measured ~222 (Qwen3-8B Q4_K_M, a single report).
    [InlineData("rtx-5090", "Llama-3.1-8B", "Q4_K_M", 512, 222)]
    // 0.65 × 400e9 / 4.902e9 ≈ 53.0; measured 49.0.
    [InlineData("macbook-pro-m3-max", "Llama-3.1-8B", "Q4_K_M", 512, 49.0)]
    // 70B: 0.65 × 400e9 / (42.771e9 + 327,680 × 256) ≈ 6.07; measured 7.65.
    [InlineData("macbook-pro-m3-max", "Llama-3.1-70B", "Q4_K_M", 512, 7.65)]
    // 0.65 × 800e9 / 42.855e9 ≈ 12.13; measured 12.5.
    [InlineData("mac-studio-m2-ultra", "Llama-3.1-70B", "Q4_K_M", 512, 12.5)]
    // 0.65 × 120e9 / 4.902e9 ≈ 15.9; measured 20.9 (tg128 20.87).
    [InlineData("mac-mini-m4", "Llama-3.1-8B", "Q4_K_M", 128, 20.9)]
    public void Advise_CalibrationRow_WithinStatedTolerance(
        string device, string model, string quant, int context, double measured)
    {
        var advice = LocalAdvisor.Advise(
            KnownArchitectures.Find(model).ShouldNotBeNull(),
            QuantPreset.Parse(quant),
            context,
            Devices.Find(device).ShouldNotBeNull());

        advice.DecodeTokensPerSecond.ShouldNotBeNull().ShouldBe(measured, measured * StatedTolerance);
    }

    [Fact]
    public void Advise_M2Ultra8B_OverestimatedBeyondTolerance_KnownLimitation()
    {
        // Ultra chips on small models lose time to fixed per-token overheads (measured η 0.48, not 0.65):
        // 0.65 × 800e9 / 4.902e9 ≈ 106.1 against 78.8 measured, 35 % over. Pinned so a change of η shows.
        var advice = LocalAdvisor.Advise(
            KnownArchitectures.Llama3_8B, QuantPreset.Q4_K_M, 512, Devices.MacStudioM2Ultra);

        advice.DecodeTokensPerSecond.ShouldNotBeNull().ShouldBeGreaterThan(78.8 * (1 + StatedTolerance));
    }

    [Fact]
    public void Advise_Qwen14BQ8_0OnMacMini16_DoesNotFitWithBothSidesInGB()
    {
        // Needs 14.7e9 × 8.5 / 8 = 15.619e9 + KV 196,608 × 8,192 = 1.611e9 → 17.23e9, + 0.5–1.5 GB buffers
        // = 17.7–18.7 GB; usable 0.70–0.78 × 16 GiB = 12.0–13.4 GB.
        var advice = LocalAdvisor.Advise(KnownArchitectures.Qwen25_14B, QuantPreset.Q8_0, 8192, Devices.MacMiniM4);

        advice.Fit.ShouldBe(FitVerdict.DoesNotFit);
        advice.Reason.ShouldBe(
            "does not fit: needs 17.7–18.7 GB, 12.0–13.4 GB usable on Mac mini M4 16 GB; "
            + "a partial offload is CPU-bound and its speed is not estimated");
        advice.DecodeTokensPerSecond.ShouldBeNull();
        advice.PrefillTokensPerSecond.ShouldBeNull();
        advice.Energy.ShouldBeNull();
    }

    [Theory]
    [InlineData("mac-mini-m4")]
    [InlineData("rtx-4090")]
    [InlineData("rtx-5090")]
    public void Advise_Llama70BQ4_K_MOnOneSmallDevice_DoesNotFit(string device)
    {
        // 42.77e9 + 2.68e9 (8k) + buffers ≥ 45.9 GB: the reference's "OOM on one GPU".
        var advice = LocalAdvisor.Advise(
            KnownArchitectures.Llama3_70B, QuantPreset.Q4_K_M, 8192, Devices.Find(device).ShouldNotBeNull());

        advice.Fit.ShouldBe(FitVerdict.DoesNotFit);
        advice.DecodeTokensPerSecond.ShouldBeNull();
    }

    [Fact]
    public void Advise_Llama8BQ4_K_M8kOnMacMini16_Fits()
    {
        // 4.868e9 + 1.074e9 + 1.5e9 = 7.44 GB at most, within the 12.0 GB surely usable (reference §4.4).
        var advice = LocalAdvisor.Advise(KnownArchitectures.Llama3_8B, QuantPreset.Q4_K_M, 8192, Devices.MacMiniM4);

        advice.Fit.ShouldBe(FitVerdict.Fits);
    }

    [Theory]
    [InlineData("rtx-4090")]
    [InlineData("rtx-5090")]
    public void Advise_Qwen32BQ4_K_M8kOnDiscreteGpu_Fits(string device)
    {
        // 19.703e9 + 2.147e9 + 1.5e9 = 23.35 GB at most; a 24 GiB card has 25.77e9 − 1e9 = 24.77 GB surely usable.
        var advice = LocalAdvisor.Advise(
            KnownArchitectures.Qwen25_32B, QuantPreset.Q4_K_M, 8192, Devices.Find(device).ShouldNotBeNull());

        advice.Fit.ShouldBe(FitVerdict.Fits);
    }

    [Fact]
    public void Advise_Rtx4090Llama8B8k_EnergyFromPowerRange()
    {
        // decode ≈ 0.62 × 1,008e9 / (4,868,187,500 + 131,072 × 4,096) = 624.96e9 / 5,405,058,412 ≈ 115.63 tok/s;
        // J/token = 310–350 W / 115.63 = 2.681–3.027; Wh per 1,000 tokens = × 1,000 / 3,600 = 0.745–0.841.
        // Prefill: 7,100 pp512 × 8 / 8.03 ≈ 7,073.5 tok/s.
        var advice = LocalAdvisor.Advise(KnownArchitectures.Llama3_8B, QuantPreset.Q4_K_M, 8192, Devices.Rtx4090Rig);

        var decode = 624.96e9 / 5_405_058_412;
        advice.DecodeTokensPerSecond.ShouldNotBeNull().ShouldBe(decode, 1e-9);
        var energy = advice.Energy.ShouldNotBeNull();
        energy.JoulesPerTokenMin.ShouldBe(310 / decode, 1e-12);
        energy.JoulesPerTokenMax.ShouldBe(350 / decode, 1e-12);
        energy.WhPerThousandTokensMin.ShouldBe(0.7447, 1e-4);
        energy.WhPerThousandTokensMax.ShouldBe(0.8408, 1e-4);
        advice.PrefillTokensPerSecond.ShouldNotBeNull().ShouldBe(7100 * 8 / 8.03, 1e-9);
    }

    [Fact]
    public void Advise_Qwen3MoeOnRtx4090_ReadsOnlyActiveWeights()
    {
        // W = 30.5e9 × 4.85 / 8 = 18,490,625,000; active share 3.3 / 30.5 → 2,000,625,000 bytes;
        // KV 48 × 2 × 4 × 128 × 2 = 98,304 bytes/token × 4,096 = 402,653,184;
        // decode = 624.96e9 / 2,403,278,184 ≈ 260.0 tok/s; prefill 7,100 × 8 / 3.3 ≈ 17,212.
        var advice = LocalAdvisor.Advise(
            KnownArchitectures.Qwen3_30B_A3B, QuantPreset.Q4_K_M, 8192, Devices.Rtx4090Rig);

        advice.Fit.ShouldBe(FitVerdict.Fits);
        advice.DecodeTokensPerSecond.ShouldNotBeNull().ShouldBe(624.96e9 / 2_403_278_184, 1e-6);
        advice.PrefillTokensPerSecond.ShouldNotBeNull().ShouldBe(7100 * 8 / 3.3, 1e-9);
    }

    [Fact]
    public void Advise_CustomSevenGiBCard_TightWithSpeed()
    {
        // Needs 5.942e9 + 0.5–1.5 GB = 6.44–7.44 GB; 7 GiB = 7.516e9, less 0.5–1 GB = 6.52–7.02 GB usable:
        // fits only with small buffers. No power and no prefill reference were given.
        var device = Device.Custom("Test card", 7, 500, null);

        var advice = LocalAdvisor.Advise(KnownArchitectures.Llama3_8B, QuantPreset.Q4_K_M, 8192, device);

        advice.Fit.ShouldBe(FitVerdict.Tight);
        advice.Reason.ShouldBe("may not fit: needs 6.4–7.4 GB, 6.5–7.0 GB usable on Test card");
        advice.DecodeTokensPerSecond.ShouldNotBeNull().ShouldBe(0.62 * 500e9 / 5_405_058_412, 1e-9);
        advice.PrefillTokensPerSecond.ShouldBeNull();
        advice.Energy.ShouldBeNull();
    }

    [Fact]
    public void Advise_MacBookProM3Max_NoPowerFigureNoEnergy()
    {
        var advice = LocalAdvisor.Advise(
            KnownArchitectures.Llama3_8B, QuantPreset.Q4_K_M, 8192, Devices.MacBookProM3Max);

        advice.DecodeTokensPerSecond.ShouldNotBeNull();
        advice.Energy.ShouldBeNull();
    }

    [Fact]
    public void Devices_EachTier_HasItsReferenceMachines()
    {
        Devices.InTier(DeviceTier.Entry).Select(d => d.Id).ShouldBe(["mac-mini-m4"]);
        Devices.InTier(DeviceTier.Pro).Select(d => d.Id).ShouldBe(["mac-studio-m2-ultra", "macbook-pro-m3-max"]);
        Devices.InTier(DeviceTier.Power).Select(d => d.Id).ShouldBe(["rtx-4090", "rtx-5090"]);
    }

    [Theory]
    // The decode power of §6.2 c of the energy reference, one table for both the advisor and local estimates.
    [InlineData("mac-mini-m4", 30, 30)]
    [InlineData("mac-studio-m2-ultra", 148, 148)]
    [InlineData("rtx-4090", 310, 350)]
    [InlineData("rtx-5090", 410, 450)]
    public void Devices_DecodePower_IsTheLocalEstimatesProfile(string id, double minWatts, double maxWatts)
    {
        var device = Devices.Find(id).ShouldNotBeNull();
        var profile = DevicePowerProfile.Find(id).ShouldNotBeNull();

        device.DecodePower.ShouldBe(WattRange.Of(minWatts, maxWatts));
        (profile.DecodeMinW, profile.DecodeMaxW).ShouldBe((minWatts, maxWatts));
    }

    [Fact]
    public void Devices_Find_IgnoresCaseAndHyphens()
    {
        Devices.Find("RTX4090").ShouldBeSameAs(Devices.Rtx4090Rig);
        DevicePowerProfile.Find("Mac-Mini-M4").ShouldNotBeNull().Id.ShouldBe("mac-mini-m4");
        Devices.Find("rtx-4080").ShouldBeNull();
    }
}
