namespace Frugal.Domain.Energy;

/// <summary>
/// Energy and carbon of one local run (Ollama, llama.cpp) from its phase durations: an energy counter's delta over
/// the run when one was read (method <c>counter</c>), otherwise device power x duration (method
/// <c>device-profile</c>): E = (P_pre · t_pre + P_dec · t_dec + P_load · t_load) / 3600 Wh.
/// </summary>
public static class LocalEnergyModel
{
    /// <summary>Method id when the energy comes from a counter delta.</summary>
    public const string CounterMethod = "counter";

    /// <summary>Method id when the energy comes from a device power profile.</summary>
    public const string DeviceProfileMethod = "device-profile";

    /// <summary>Version of this method.</summary>
    public const string MethodVersion = "frugal-local-1";

    /// <summary>
    /// Estimates a run from a device profile. Load draws decode power (an assumption). With
    /// <paramref name="marginal"/> the idle draw over prefill and decode is subtracted (the profile must know it).
    /// </summary>
    public static EnergyEstimate Estimate(
        LocalTimings timings, DevicePowerProfile device, double gridGCO2PerKWh, bool marginal = false)
    {
        ArgumentNullException.ThrowIfNull(timings);
        ArgumentNullException.ThrowIfNull(device);
        timings.Validate();
        RangeGuard.NonNegative(gridGCO2PerKWh, nameof(gridGCO2PerKWh));
        var prefill = device.Prefill;

        var minJ = (prefill.MinW * timings.PrefillSeconds) + (device.DecodeMinW * timings.DecodeSeconds)
            + (device.DecodeMinW * timings.LoadSeconds);
        var maxJ = (prefill.MaxW * timings.PrefillSeconds) + (device.DecodeMaxW * timings.DecodeSeconds)
            + (device.DecodeMaxW * timings.LoadSeconds);
        var assumptions = new List<string>
        {
            $"device {device.Id}: decode {device.DecodeMinW}-{device.DecodeMaxW} W ({device.Source})",
            device.IsDiscreteGpu ? "prefill at 1.3 x decode power (assumption)" : "prefill at decode power",
            "load at decode power (assumption)",
            $"grid {gridGCO2PerKWh} gCO2e/kWh",
        };

        if (marginal)
        {
            if (device.Idle is not { } idle)
            {
                throw new ArgumentException(
                    $"Device '{device.Id}' has no idle power, so a marginal estimate cannot subtract it; "
                    + "use the attributional estimate or give the profile an idle power.", nameof(marginal));
            }

            // The largest idle is subtracted from the smallest total and vice versa, so the range stays wide.
            var busySeconds = timings.PrefillSeconds + timings.DecodeSeconds;
            minJ = Math.Max(0, minJ - (idle.MaxW * busySeconds));
            maxJ = Math.Max(minJ, maxJ - (idle.MinW * busySeconds));
            assumptions.Add($"marginal: idle {idle.MinW}-{idle.MaxW} W over prefill and decode subtracted");
        }
        else
        {
            assumptions.Add("attributional: full device power during the run");
        }

        var energy = new EnergyRange(minJ / 3600, maxJ / 3600);
        return new EnergyEstimate(energy, energy.ToCarbon(gridGCO2PerKWh), null, DeviceProfileMethod, MethodVersion,
            assumptions);
    }

    /// <summary>
    /// Estimates a run from a measured energy counter delta over the run's window (NVML, RAPL, powermetrics), in Wh.
    /// </summary>
    public static EnergyEstimate Estimate(LocalTimings timings, double counterDeltaWh, double gridGCO2PerKWh)
    {
        ArgumentNullException.ThrowIfNull(timings);
        timings.Validate();
        RangeGuard.NonNegative(counterDeltaWh, nameof(counterDeltaWh));
        RangeGuard.NonNegative(gridGCO2PerKWh, nameof(gridGCO2PerKWh));

        var energy = EnergyRange.Exactly(counterDeltaWh);
        string[] assumptions =
        [
            $"energy counter delta over {timings.TotalSeconds:0.###} s: {counterDeltaWh} Wh "
                + "(only the components the counter measures)",
            $"grid {gridGCO2PerKWh} gCO2e/kWh",
        ];
        return new EnergyEstimate(energy, energy.ToCarbon(gridGCO2PerKWh), null, CounterMethod, MethodVersion,
            assumptions);
    }
}
