using System.Numerics;
using C = Frugal.Domain.Energy.EcoLogitsConstants;

namespace Frugal.Domain.Energy;

/// <summary>
/// Energy and carbon of one cloud API call from the model's size and the token counts: EcoLogits 0.9.3's model
/// (GPU energy per output token from the active parameters, GPU count from the total, server share, provider PUE),
/// evaluated at the low end of every range and at the high end, with an optional prefill add-on of our own.
/// </summary>
public static class CloudEnergyModel
{
    /// <summary>Method id of the EcoLogits decode-only estimate.</summary>
    public const string DecodeMethod = "ecologits-0.9.3-decode";

    /// <summary>Method id when the prefill add-on is included.</summary>
    public const string PrefillMethod = "ecologits-0.9.3+prefill";

    /// <summary>
    /// Estimates one call.
    /// </summary>
    /// <param name="model">The model's size (and served speed where known).</param>
    /// <param name="outputTokens">Output tokens, reasoning tokens included.</param>
    /// <param name="uncachedInputTokens">Input tokens not read from a cache; used only by the prefill add-on.</param>
    /// <param name="latencySeconds">Measured wall latency of the call, an upper bound on generation time.</param>
    /// <param name="provider">Provider key for the PUE (unknown or null: 1.2).</param>
    /// <param name="gridGCO2PerKWh">Grid intensity for usage carbon, gCO2e/kWh.</param>
    /// <param name="includePrefill">Whether to add the prefill energy (not in EcoLogits; low confidence).</param>
    public static EnergyEstimate Estimate(
        ModelSize model,
        long outputTokens,
        long uncachedInputTokens,
        double? latencySeconds,
        string? provider,
        double gridGCO2PerKWh,
        bool includePrefill)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(outputTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(uncachedInputTokens);
        RangeGuard.NonNegative(gridGCO2PerKWh, nameof(gridGCO2PerKWh));
        if (latencySeconds is { } latency)
        {
            RangeGuard.NonNegative(latency, nameof(latencySeconds));
        }

        var centre = ProviderDataCentre.For(provider);
        var low = AtOneEnd(model, model.ActiveBillions.MinBillions, model.TotalBillions.MinBillions, centre.PueMin,
            outputTokens, uncachedInputTokens, latencySeconds, includePrefill);
        var high = AtOneEnd(model, model.ActiveBillions.MaxBillions, model.TotalBillions.MaxBillions, centre.PueMax,
            outputTokens, uncachedInputTokens, latencySeconds, includePrefill);

        var energy = new EnergyRange(low.DecodeWh + low.PrefillWh, high.DecodeWh + high.PrefillWh);
        return new EnergyEstimate(
            energy,
            energy.ToCarbon(gridGCO2PerKWh),
            new CarbonRange(low.EmbodiedG, high.EmbodiedG),
            includePrefill ? PrefillMethod : DecodeMethod,
            C.Version,
            Assumptions(model, centre, low, high, latencySeconds, gridGCO2PerKWh, includePrefill));
    }

    /// <summary>
    /// H100-80GB GPUs needed to hold <paramref name="totalBillions"/> parameters at 16 bits with 1.2 overhead,
    /// rounded up to a power of two: 2^ceil(log2(ceil(1.2 · P · 16/8 / 80))).
    /// </summary>
    public static long GpuCount(double totalBillions)
    {
        RangeGuard.NonNegative(totalBillions, nameof(totalBillions));
        var memoryGB = C.MemoryOverhead * totalBillions * C.QuantizationBits / 8;
        var cards = Math.Max(1, (ulong)Math.Ceiling(memoryGB / C.GpuMemoryGB));
        return checked((long)BitOperations.RoundUpToPowerOf2(cards));
    }

    /// <summary>
    /// GPU energy per output token on one GPU at batch 64, Wh: α · exp(β · 64) · P_act + γ.
    /// </summary>
    public static double EnergyPerTokenWh(double activeBillions) =>
        (C.GpuEnergyAlpha * Math.Exp(C.GpuEnergyBeta * C.BatchSize) * activeBillions) + C.GpuEnergyGamma;

    /// <summary>
    /// Generation time, s: TTFT + N_out / TPS when the served speed is known, else the latency regression
    /// N_out · (α_L · P_act + β_L · 64 + γ_L); capped at the measured latency when there is one.
    /// </summary>
    public static double GenerationSeconds(ModelSize model, double activeBillions, long outputTokens,
        double? latencySeconds)
    {
        ArgumentNullException.ThrowIfNull(model);
        var seconds = model.HasServedSpeed
            ? (model.TimeToFirstTokenSeconds ?? 0) + (outputTokens / model.TokensPerSecond!.Value)
            : outputTokens * ((C.LatencyAlpha * activeBillions) + (C.LatencyBeta * C.BatchSize) + C.LatencyGamma);
        return latencySeconds is { } cap ? Math.Min(seconds, cap) : seconds;
    }

    private static OneEnd AtOneEnd(ModelSize model, double active, double total, double pue, long outputTokens,
        long uncachedInputTokens, double? latencySeconds, bool includePrefill)
    {
        double gpus = GpuCount(total);
        var seconds = GenerationSeconds(model, active, outputTokens, latencySeconds);

        var serverWh = seconds / 3600 * C.ServerPowerW * (gpus / C.ServerGpus) / C.BatchSize;
        var gpuWh = gpus * outputTokens * EnergyPerTokenWh(active);
        var decodeWh = pue * (serverWh + gpuWh);

        var prefillWh = includePrefill
            ? pue * 2 * active * 1e9 * uncachedInputTokens / (C.PrefillPeakFlops * C.PrefillUtilisation)
                * C.PrefillGpuPowerW / 3600
            : 0;

        var embodiedKg = ((gpus / C.ServerGpus) * C.ServerEmbodiedKgCO2e) + (gpus * C.GpuEmbodiedKgCO2e);
        var embodiedG = seconds / (C.BatchSize * C.LifetimeSeconds) * embodiedKg * 1000;
        return new OneEnd((long)gpus, seconds, decodeWh, prefillWh, embodiedG);
    }

    private static List<string> Assumptions(ModelSize model, ProviderDataCentre centre, OneEnd low, OneEnd high,
        double? latencySeconds, double gridGCO2PerKWh, bool includePrefill)
    {
        var list = new List<string>
        {
            $"model {model.ModelId}: total {model.TotalBillions.MinBillions}-{model.TotalBillions.MaxBillions} B, "
                + $"active {model.ActiveBillions.MinBillions}-{model.ActiveBillions.MaxBillions} B "
                + $"({model.ParametersSource})",
            $"{low.Gpus}-{high.Gpus} H100-80GB GPUs at 16 bits, batch 64",
            model.HasServedSpeed
                ? $"generation time from served speed ({model.SpeedSource})"
                    + (model.TimeToFirstTokenSeconds is null ? ", no time to first token known (taken as 0)" : "")
                : "generation time from the EcoLogits latency regression (no served speed known)",
            $"PUE {centre.PueMin}-{centre.PueMax} ({centre.Source})",
            $"grid {gridGCO2PerKWh} gCO2e/kWh",
            includePrefill
                ? "input tokens counted by the prefill add-on (not EcoLogits; Epoch AI constants, utilisation 0.25; "
                    + $"low confidence): {low.PrefillWh:0.####}-{high.PrefillWh:0.####} Wh of the total"
                : "input tokens are not counted by the EcoLogits model",
        };
        if (latencySeconds is { } latency)
        {
            list.Add($"generation time capped at the measured latency, {latency} s");
        }

        return list;
    }

    private readonly record struct OneEnd(long Gpus, double Seconds, double DecodeWh, double PrefillWh,
        double EmbodiedG);
}
