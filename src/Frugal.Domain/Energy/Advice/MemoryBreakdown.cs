namespace Frugal.Domain.Energy.Advice;

/// <summary>
/// The memory a model needs loaded with a given context: weights, KV cache, and the runtime's compute buffers,
/// which are a range because llama.cpp sizes them at load.
/// </summary>
/// <param name="WeightsBytes">Total parameters × 1e9 × bits per weight / 8.</param>
/// <param name="KvCacheBytes">KV bytes per token × context tokens.</param>
/// <param name="OverheadMinBytes">Compute buffers, low end.</param>
/// <param name="OverheadMaxBytes">Compute buffers, high end.</param>
public sealed record MemoryBreakdown(
    double WeightsBytes,
    double KvCacheBytes,
    double OverheadMinBytes,
    double OverheadMaxBytes)
{
    /// <summary>Compute buffers for 7–70 B models at default batch sizes, low end: 0.5 GB.</summary>
    public const double DefaultOverheadMinBytes = 0.5e9;

    /// <summary>Compute buffers, high end: 1.5 GB.</summary>
    public const double DefaultOverheadMaxBytes = 1.5e9;

    /// <summary>Weights plus KV cache, without buffers: the figure the reference's worked examples give.</summary>
    public double WeightsAndKvBytes => WeightsBytes + KvCacheBytes;

    /// <summary>Everything, with buffers at their low end.</summary>
    public double TotalMinBytes => WeightsAndKvBytes + OverheadMinBytes;

    /// <summary>Everything, with buffers at their high end.</summary>
    public double TotalMaxBytes => WeightsAndKvBytes + OverheadMaxBytes;

    /// <summary>Weights in decimal GB.</summary>
    public double WeightsGB => ByteSize.ToGB(WeightsBytes);

    /// <summary>KV cache in decimal GB.</summary>
    public double KvCacheGB => ByteSize.ToGB(KvCacheBytes);

    /// <summary>Total, low end, in decimal GB.</summary>
    public double TotalMinGB => ByteSize.ToGB(TotalMinBytes);

    /// <summary>Total, high end, in decimal GB.</summary>
    public double TotalMaxGB => ByteSize.ToGB(TotalMaxBytes);

    /// <summary>The memory <paramref name="model"/> needs at <paramref name="quant"/> with a context window.</summary>
    /// <param name="model">The model.</param>
    /// <param name="quant">The weight quantisation.</param>
    /// <param name="contextTokens">The context window the runtime allocates, in tokens.</param>
    /// <param name="kvCache">The KV cache element type; F16 when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The context is negative.</exception>
    public static MemoryBreakdown Compute(
        ModelArchitecture model, QuantPreset quant, int contextTokens, KvCacheType? kvCache = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(quant);
        ArgumentOutOfRangeException.ThrowIfNegative(contextTokens);

        var weights = quant.WeightBytes(model.TotalBillionParameters);
        var kv = model.KvBytesPerToken(kvCache ?? KvCacheType.F16) * contextTokens;
        return new MemoryBreakdown(weights, kv, DefaultOverheadMinBytes, DefaultOverheadMaxBytes);
    }
}
