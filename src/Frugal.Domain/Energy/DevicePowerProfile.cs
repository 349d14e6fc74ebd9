namespace Frugal.Domain.Energy;

/// <summary>
/// A device's power draw while running a model locally, as a range in watts; used when no energy counter is read.
/// </summary>
/// <param name="Id">Short id, e.g. <c>mac-mini-m4</c>, <c>rtx-4090</c>.</param>
/// <param name="DecodeMinW">Low end of power during token generation, W (whole system unless stated).</param>
/// <param name="DecodeMaxW">High end of power during token generation, W.</param>
/// <param name="IsDiscreteGpu">Whether a discrete GPU does the work; then prefill draws 1.3 x decode power.</param>
/// <param name="Source">Where the figures come from.</param>
public sealed record DevicePowerProfile(
    string Id, double DecodeMinW, double DecodeMaxW, bool IsDiscreteGpu, string Source)
{
    /// <summary>Prefill power over decode power for discrete GPUs (an assumption: prefill is compute-bound).</summary>
    public const double DiscretePrefillFactor = 1.3;

    /// <summary>Idle power range, W, where known (used by the marginal attribution); null when unknown.</summary>
    public (double MinW, double MaxW)? Idle { get; init; }

    /// <summary>Power during prefill, W: 1.3 x decode for discrete GPUs, the decode power otherwise.</summary>
    public (double MinW, double MaxW) Prefill => IsDiscreteGpu
        ? (DecodeMinW * DiscretePrefillFactor, DecodeMaxW * DiscretePrefillFactor)
        : (DecodeMinW, DecodeMaxW);

    private const string HostAssumption =
        "; host 60-100 W is an assumption (an Intel 265K test PC idled at 47.7 W, geerlingguy/ai-benchmarks #46)";

    /// <summary>
    /// The profiles of the energy reference (§6.2 c), by id: the one table of device power. The advisor's reference
    /// machines take their decode power from here.
    /// </summary>
    public static IReadOnlyList<DevicePowerProfile> BuiltIn { get; } =
    [
        new("mac-mini-m4", 30, 30, false,
            "30.1-31.4 W at the wall, llama3.1:8b, rounded to 30 W (geerlingguy/ai-benchmarks #2)") { Idle = (4, 6) },
        new("mac-mini-m4-pro", 70, 70, false, "0.5 x Apple's published 140 W max (Apple Mac mini power page)")
            { Idle = (5, 5) },
        new("mac-studio-m2-ultra", 148, 148, false, "0.5 x Apple's published 295 W max (Apple support 102027)")
            { Idle = (10, 10) },
        new("mac-studio-m2-max", 73, 73, false, "0.5 x Apple's published 145 W max (Apple support 102027)")
            { Idle = (9, 9) },
        new("mac-studio-m3-ultra", 223, 260, false,
            "measured 223-260 W at the wall (geerlingguy/ai-benchmarks #42; beowulf-ai-cluster #17)"),
        new("rtx-4090", 250 + 60, 250 + 100, true,
            "GPU 250 W (board ~246 W in decode, club-3090 #697)" + HostAssumption),
        new("rtx-5090", 350 + 60, 350 + 100, true,
            "GPU 350 W (peak in Ollama, geerlingguy/ai-benchmarks PR #18)" + HostAssumption),
    ];

    /// <summary>
    /// The built-in profile with <paramref name="id"/> (any case; hyphens optional, so <c>rtx4090</c> finds
    /// <c>rtx-4090</c>); null when there is none.
    /// </summary>
    public static DevicePowerProfile? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var key = Key(id);
        return BuiltIn.FirstOrDefault(p => string.Equals(Key(p.Id), key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An id without surrounding space or hyphens, for comparing ids as users type them.</summary>
    internal static string Key(string id) => id.Trim().Replace("-", "", StringComparison.Ordinal);
}
