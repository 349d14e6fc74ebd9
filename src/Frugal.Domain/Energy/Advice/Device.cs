namespace Frugal.Domain.Energy.Advice;

/// <summary>
/// A machine a model might run on, with what decides whether it fits and how fast it decodes.
/// </summary>
/// <param name="Id">A short identifier, such as <c>rtx4090</c>.</param>
/// <param name="Name">A display name.</param>
/// <param name="Tier">The tier it stands for.</param>
/// <param name="Memory">Unified RAM or discrete VRAM.</param>
/// <param name="MemoryGiB">Installed memory in GiB (what vendors sell as "GB").</param>
/// <param name="BandwidthGBps">Memory bandwidth in decimal GB/s.</param>
/// <param name="Efficiency">
/// η, the fraction of bandwidth batch-1 decode achieves: 0.62 for NVIDIA RTX, 0.65 for Apple M2 or later.
/// </param>
/// <param name="DecodePower">Power while decoding, or null when no figure is known.</param>
/// <param name="PrefillReferenceTokensPerSecond">
/// Measured llama.cpp pp512 for an 8B Q4_K_M model, or null when not known.
/// </param>
/// <param name="Source">Where the figures come from.</param>
public sealed record Device(
    string Id,
    string Name,
    DeviceTier Tier,
    MemoryKind Memory,
    double MemoryGiB,
    double BandwidthGBps,
    double Efficiency,
    WattRange? DecodePower,
    double? PrefillReferenceTokensPerSecond,
    string Source)
{
    /// <summary>η for NVIDIA RTX cards (calibrated range 0.60–0.65).</summary>
    public const double NvidiaEfficiency = 0.62;

    /// <summary>η for Apple M2 or later (calibrated range 0.45–0.85).</summary>
    public const double AppleEfficiency = 0.65;

    /// <summary>Share of unified memory the GPU may use by default, low end.</summary>
    public const double UnifiedUsableMinFraction = 0.70;

    /// <summary>Share of unified memory the GPU may use by default, high end.</summary>
    public const double UnifiedUsableMaxFraction = 0.78;

    /// <summary>VRAM left to the driver and desktop, high end (the low end of what is usable).</summary>
    public const double DiscreteMarginMaxBytes = 1e9;

    /// <summary>VRAM left to the driver and desktop, low end.</summary>
    public const double DiscreteMarginMinBytes = 0.5e9;

    /// <summary>Installed memory in bytes.</summary>
    public double MemoryBytes => MemoryGiB * ByteSize.BytesPerGiB;

    /// <summary>Memory a model may surely use, in bytes.</summary>
    public double UsableMinBytes => Memory == MemoryKind.Unified
        ? MemoryBytes * UnifiedUsableMinFraction
        : Math.Max(0, MemoryBytes - DiscreteMarginMaxBytes);

    /// <summary>Memory a model may use at best, in bytes.</summary>
    public double UsableMaxBytes => Memory == MemoryKind.Unified
        ? MemoryBytes * UnifiedUsableMaxFraction
        : Math.Max(0, MemoryBytes - DiscreteMarginMinBytes);

    /// <summary>
    /// A machine the user describes. η defaults by memory kind: unified memory is taken to be Apple's.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Memory, bandwidth or η is not positive.</exception>
    public static Device Custom(
        string name,
        double memoryGiB,
        double bandwidthGBps,
        WattRange? decodePower,
        MemoryKind memory = MemoryKind.Discrete,
        double? efficiency = null,
        double? prefillReferenceTokensPerSecond = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(memoryGiB);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bandwidthGBps);
        var eta = efficiency ?? (memory == MemoryKind.Unified ? AppleEfficiency : NvidiaEfficiency);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(eta, nameof(efficiency));

        return new Device(
            "custom", name, DeviceTier.Custom, memory, memoryGiB, bandwidthGBps, eta, decodePower,
            prefillReferenceTokensPerSecond, "user-supplied");
    }
}
