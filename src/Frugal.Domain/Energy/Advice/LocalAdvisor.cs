using System.Globalization;

namespace Frugal.Domain.Energy.Advice;

/// <summary>
/// Will a model run on a device, how fast, and at what energy per token: batch-1 decode is bound by memory
/// bandwidth, so its speed is η × bandwidth over the bytes read per token.
/// </summary>
public static class LocalAdvisor
{
    /// <summary>The model size the devices' prefill references were measured with, in billions.</summary>
    public const double PrefillReferenceBillionParameters = 8;

    /// <summary>Advises on running <paramref name="model"/> at <paramref name="quant"/> on a device.</summary>
    /// <param name="model">The model.</param>
    /// <param name="quant">The weight quantisation.</param>
    /// <param name="contextTokens">
    /// The context window, which the KV cache is sized for. Decode is estimated at half of it, the average
    /// position of a conversation that fills the window from empty.
    /// </param>
    /// <param name="device">The device.</param>
    /// <param name="kvCache">The KV cache element type; F16 when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The context is negative.</exception>
    public static LocalAdvice Advise(
        ModelArchitecture model, QuantPreset quant, int contextTokens, Device device, KvCacheType? kvCache = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        var cache = kvCache ?? KvCacheType.F16;
        var memory = MemoryBreakdown.Compute(model, quant, contextTokens, cache);
        var fit = FitOf(memory, device);

        if (fit == FitVerdict.DoesNotFit)
        {
            var reason = "does not fit: " + Needs(memory, device)
                + "; a partial offload is CPU-bound and its speed is not estimated";
            return new LocalAdvice(model, quant, contextTokens, device, memory, fit, reason, null, null, null);
        }

        var decode = DecodeTokensPerSecond(model, memory, contextTokens, device, cache);
        var prefill = device.PrefillReferenceTokensPerSecond * PrefillReferenceBillionParameters
            / model.ActiveBillionParameters;
        var energy = device.DecodePower is { } power
            ? new DecodeEnergy(power.MinWatts / decode, power.MaxWatts / decode)
            : null;
        var tightReason = fit == FitVerdict.Tight ? "may not fit: " + Needs(memory, device) : null;
        return new LocalAdvice(model, quant, contextTokens, device, memory, fit, tightReason, decode, prefill, energy);
    }

    private static FitVerdict FitOf(MemoryBreakdown memory, Device device)
    {
        if (memory.TotalMaxBytes <= device.UsableMinBytes)
        {
            return FitVerdict.Fits;
        }

        return memory.TotalMinBytes > device.UsableMaxBytes ? FitVerdict.DoesNotFit : FitVerdict.Tight;
    }

    private static double DecodeTokensPerSecond(
        ModelArchitecture model, MemoryBreakdown memory, int contextTokens, Device device, KvCacheType cache)
    {
        var activeWeights = memory.WeightsBytes * model.ActiveBillionParameters / model.TotalBillionParameters;
        var averageContext = contextTokens / 2.0;
        var bytesPerToken = activeWeights + (model.KvBytesPerToken(cache) * averageContext);
        return device.Efficiency * device.BandwidthGBps * ByteSize.BytesPerGB / bytesPerToken;
    }

    private static string Needs(MemoryBreakdown memory, Device device) => string.Create(
        CultureInfo.InvariantCulture,
        $"needs {memory.TotalMinGB:F1}–{memory.TotalMaxGB:F1} GB, "
        + $"{ByteSize.ToGB(device.UsableMinBytes):F1}–{ByteSize.ToGB(device.UsableMaxBytes):F1} GB usable "
        + $"on {device.Name}");
}
