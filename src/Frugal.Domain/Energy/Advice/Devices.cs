using System.Collections.ObjectModel;

namespace Frugal.Domain.Energy.Advice;

/// <summary>
/// The reference machines of each tier. Bandwidths are vendor specifications; decode power comes from the one
/// table of device power, <see cref="DevicePowerProfile.BuiltIn"/> (measured wall power where a measurement exists,
/// else 0.5 × the published maximum); prefill is llama.cpp pp512 for an 8B Q4_K_M model
/// (XiongjieDai/GPU-Benchmarks-on-LLM-Inference and others).
/// </summary>
public static class Devices
{
    /// <summary>
    /// Mac mini M4 (10-core), 16 GB, 120 GB/s. Decode 30 W at the wall, measured on the 32 GB model
    /// (geerlingguy/ai-benchmarks #2); pp512 ≈ 225.
    /// </summary>
    public static readonly Device MacMiniM4 = new(
        "mac-mini-m4", "Mac mini M4 16 GB", DeviceTier.Entry, MemoryKind.Unified, 16, 120,
        Device.AppleEfficiency, PowerOf("mac-mini-m4"), 225,
        "Apple tech specs 121555; geerlingguy/ai-benchmarks #2");

    /// <summary>
    /// Mac Studio M2 Ultra (24C/76G), 192 GB, 800 GB/s. No LLM power measurement: 0.5 × the 295 W
    /// maximum, 148 W; pp512 ≈ 1,000.
    /// </summary>
    public static readonly Device MacStudioM2Ultra = new(
        "mac-studio-m2-ultra", "Mac Studio M2 Ultra 192 GB", DeviceTier.Pro, MemoryKind.Unified, 192, 800,
        Device.AppleEfficiency, PowerOf("mac-studio-m2-ultra"), 1000,
        "Apple support 102027; WWDC 2023 coverage; XiongjieDai benchmarks");

    /// <summary>
    /// MacBook Pro M3 Max (16C/40G), 400 GB/s; 64 GB is assumed (the 40-core chip ships with 48–128 GB).
    /// No power figure is published or measured, so energy is not estimated; pp512 ≈ 690.
    /// </summary>
    public static readonly Device MacBookProM3Max = new(
        "macbook-pro-m3-max", "MacBook Pro M3 Max 64 GB", DeviceTier.Pro, MemoryKind.Unified, 64, 400,
        Device.AppleEfficiency, null, 690, "Apple M4 Max launch comparison; XiongjieDai benchmarks");

    /// <summary>
    /// A desktop with one RTX 4090, 24 GB, 1,008 GB/s. Decode 250 W board (≈ 246 W measured) plus 60–100 W host;
    /// pp512 ≈ 7,100.
    /// </summary>
    public static readonly Device Rtx4090Rig = new(
        "rtx-4090", "RTX 4090 desktop", DeviceTier.Power, MemoryKind.Discrete, 24, 1008,
        Device.NvidiaEfficiency, PowerOf("rtx-4090"), 7100,
        "vendor spec sheet; noonghunna/club-3090 #697; XiongjieDai benchmarks");

    /// <summary>
    /// A desktop with one RTX 5090, 32 GB, 1,792 GB/s. Decode 350 W board (measured peak) plus 60–100 W host;
    /// no pp512 measurement, so prefill is not estimated.
    /// </summary>
    public static readonly Device Rtx5090Rig = new(
        "rtx-5090", "RTX 5090 desktop", DeviceTier.Power, MemoryKind.Discrete, 32, 1792,
        Device.NvidiaEfficiency, PowerOf("rtx-5090"), null,
        "Linux Format review spec; geerlingguy/ai-benchmarks PR #18");

    /// <summary>Every reference machine, Entry tier first.</summary>
    public static ReadOnlyCollection<Device> All { get; } =
        Array.AsReadOnly([MacMiniM4, MacStudioM2Ultra, MacBookProM3Max, Rtx4090Rig, Rtx5090Rig]);

    /// <summary>The reference machines of one tier.</summary>
    public static IEnumerable<Device> InTier(DeviceTier tier) => All.Where(d => d.Tier == tier);

    /// <summary>
    /// Finds a reference machine by id without regard to case or hyphens (<c>rtx4090</c> finds <c>rtx-4090</c>),
    /// or null.
    /// </summary>
    public static Device? Find(string? id) => id is null
        ? null
        : All.FirstOrDefault(d => string.Equals(
            DevicePowerProfile.Key(d.Id), DevicePowerProfile.Key(id), StringComparison.OrdinalIgnoreCase));

    private static WattRange PowerOf(string id)
    {
        var profile = DevicePowerProfile.Find(id)
            ?? throw new InvalidOperationException($"No power profile for the reference machine '{id}'.");
        return WattRange.Of(profile.DecodeMinW, profile.DecodeMaxW);
    }
}
