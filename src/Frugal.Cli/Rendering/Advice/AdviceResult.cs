using Frugal.Domain.Energy;
using Frugal.Domain.Energy.Advice;

namespace Frugal.Cli.Rendering.Advice;

/// <summary>
/// Everything <c>frugal advise</c> shows: the model's memory, each device's advice, and the cloud line.
/// </summary>
/// <param name="Model">The model.</param>
/// <param name="Quant">Its weight quantisation.</param>
/// <param name="ContextTokens">The context window.</param>
/// <param name="KvCache">The KV cache element type.</param>
/// <param name="Memory">What the model needs.</param>
/// <param name="Zone">The grid zone carbon is counted at.</param>
/// <param name="Devices">The advice for each device, Entry tier first, the user's device last.</param>
/// <param name="CloudModel">The hosted model compared with.</param>
/// <param name="Cloud">The cloud estimate for 1,000 output tokens of that model.</param>
internal sealed record AdviceResult(
    ModelArchitecture Model,
    QuantPreset Quant,
    int ContextTokens,
    KvCacheType KvCache,
    MemoryBreakdown Memory,
    GridZone Zone,
    IReadOnlyList<LocalAdvice> Devices,
    ModelSize CloudModel,
    EnergyEstimate Cloud)
{
    /// <summary>The output tokens every energy figure is for.</summary>
    public const int OutputTokens = 1000;

    /// <summary>Contexts above this many tokens are long, where the speed is known only to ±50 %.</summary>
    public const int ShortContextTokens = 8192;

    /// <summary>Speed accuracy for a dense model fully in memory at short context.</summary>
    public const string SpeedBandDense =
        "±30 % for a dense model fully in memory at short context (up to 8,192 tokens)";

    /// <summary>Speed accuracy otherwise.</summary>
    public const string SpeedBandOther = "±50 % for a mixture of experts or a longer context";

    /// <summary>Energy accuracy.</summary>
    public const string EnergyBand = "±50 %";

    /// <summary>Cloud accuracy.</summary>
    public const string CloudBand = "order of magnitude only";

    /// <summary>Whether this run's speeds carry the narrower band.</summary>
    public bool NarrowSpeedBand => !Model.IsMixtureOfExperts && ContextTokens <= ShortContextTokens;

    /// <summary>The carbon of a device's energy per 1,000 output tokens at the zone, or null without energy.</summary>
    public CarbonRange? CarbonOf(LocalAdvice advice) => advice.Energy is { } e
        ? new EnergyRange(e.WhPerThousandTokensMin, e.WhPerThousandTokensMax).ToCarbon(Zone.GCO2PerKWh)
        : null;
}
