namespace Frugal.Domain.Energy.Advice;

/// <summary>
/// Whether a model runs on a device, how fast and at what energy. Expected accuracy of the speed: ±30 % for a
/// dense model resident in memory at short context, ±50 % for a mixture of experts, long contexts or first
/// generation Apple chips; energy inherits that and ±30 % on power.
/// </summary>
/// <param name="Model">The model.</param>
/// <param name="Quant">Its weight quantisation.</param>
/// <param name="ContextTokens">The context window.</param>
/// <param name="Device">The device.</param>
/// <param name="Memory">What the model needs.</param>
/// <param name="Fit">Whether that fits the device.</param>
/// <param name="Reason">Why it may not fit, with both sides in GB; null when it fits.</param>
/// <param name="DecodeTokensPerSecond">
/// Decode speed, or null when it does not fit: a partial offload is CPU-bound and not predicted.
/// </param>
/// <param name="PrefillTokensPerSecond">Prompt processing speed, or null when not predicted.</param>
/// <param name="Energy">Decode energy, or null without a speed or without a power figure for the device.</param>
public sealed record LocalAdvice(
    ModelArchitecture Model,
    QuantPreset Quant,
    int ContextTokens,
    Device Device,
    MemoryBreakdown Memory,
    FitVerdict Fit,
    string? Reason,
    double? DecodeTokensPerSecond,
    double? PrefillTokensPerSecond,
    DecodeEnergy? Energy);
