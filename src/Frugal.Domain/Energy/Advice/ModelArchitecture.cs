using System.Globalization;

namespace Frugal.Domain.Energy.Advice;

/// <summary>
/// What the advisor needs to know of a model: its size and the shape of its KV cache.
/// </summary>
/// <param name="Name">A display name, such as <c>Llama-3.1-8B</c>.</param>
/// <param name="TotalBillionParameters">All weights, in billions: what must fit in memory.</param>
/// <param name="ActiveBillionParameters">
/// Weights read per generated token, in billions: the total for a dense model, the shared plus routed-expert
/// weights for a mixture of experts.
/// </param>
/// <param name="Layers">Transformer layers.</param>
/// <param name="KvHeads">Key/value heads per layer (fewer than query heads under grouped-query attention).</param>
/// <param name="HeadDim">Elements per head.</param>
/// <param name="Source">Where the figures come from.</param>
/// <param name="Assumption">What was assumed rather than known, or null when nothing was.</param>
public sealed record ModelArchitecture(
    string Name,
    double TotalBillionParameters,
    double ActiveBillionParameters,
    int Layers,
    int KvHeads,
    int HeadDim,
    string Source,
    string? Assumption = null)
{
    /// <summary>Whether fewer weights are read per token than are stored.</summary>
    public bool IsMixtureOfExperts => ActiveBillionParameters < TotalBillionParameters;

    /// <summary>
    /// KV cache bytes one token of context takes: layers × 2 (K and V) × KV heads × head dim × bytes per element.
    /// </summary>
    public double KvBytesPerToken(KvCacheType cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        long elements = checked(Layers * 2L * KvHeads * HeadDim);
        return elements * cache.BytesPerElement;
    }

    /// <summary>
    /// A model known only by its size (<c>--params 8B --active 3B</c>). The KV cache shape is then assumed to be
    /// grouped-query attention with 8 KV heads of 128 elements, as Llama-3 and Qwen2.5 have, and 32, 48, 64 or 80
    /// layers for up to 10, 20, 40 or more billion total parameters, as those families have at those sizes.
    /// A mixture of experts usually has fewer layers or KV heads than a dense model of its total size, so its KV
    /// cache is then overstated: the fit errs on the safe side and decode at long context on the slow side.
    /// </summary>
    /// <param name="totalBillionParameters">All weights, in billions.</param>
    /// <param name="activeBillionParameters">Weights read per token, in billions; null for a dense model.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or active exceeds total.</exception>
    public static ModelArchitecture FromSize(double totalBillionParameters, double? activeBillionParameters = null)
    {
        var active = activeBillionParameters ?? totalBillionParameters;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalBillionParameters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(active, nameof(activeBillionParameters));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(
            active, totalBillionParameters, nameof(activeBillionParameters));

        var layers = totalBillionParameters switch
        {
            <= 10 => 32,
            <= 20 => 48,
            <= 40 => 64,
            _ => 80,
        };
        var name = active < totalBillionParameters
            ? string.Create(CultureInfo.InvariantCulture, $"{totalBillionParameters}B-A{active}B")
            : string.Create(CultureInfo.InvariantCulture, $"{totalBillionParameters}B");
        var assumption = string.Create(
            CultureInfo.InvariantCulture,
            $"KV cache shape assumed: {layers} layers, 8 KV heads of 128 (Llama-3 / Qwen2.5-like)");
        return new ModelArchitecture(name, totalBillionParameters, active, layers, 8, 128, "given size", assumption);
    }
}
