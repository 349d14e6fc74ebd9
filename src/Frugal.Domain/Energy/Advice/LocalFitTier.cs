namespace Frugal.Domain.Energy.Advice;

/// <summary>
/// The model a tier's smallest machine runs for the past-call estimate: the largest known open-weight
/// architecture that fits it at Q4_K_M, with the context window it fits at.
/// </summary>
/// <param name="Tier">The tier.</param>
/// <param name="Device">The tier's machine with the least memory.</param>
/// <param name="Advice">The advice for the chosen model on that machine; null when no known model fits.</param>
public sealed record LocalFitTier(DeviceTier Tier, Device Device, LocalAdvice? Advice)
{
    /// <summary>
    /// The advice for the same model and context on the machine its local energy is estimated on: the tier's
    /// machine itself when it has a power figure, else the tier's smallest machine that has one and fits the model
    /// (the Pro tier's MacBook Pro M3 Max has no published power, so the Mac Studio stands in); null when none.
    /// </summary>
    public LocalAdvice? EnergyAdvice { get; init; }

    /// <summary>The context window the model fits at, in tokens; 0 when no model fits.</summary>
    public int ContextTokens => Advice?.ContextTokens ?? 0;
}
