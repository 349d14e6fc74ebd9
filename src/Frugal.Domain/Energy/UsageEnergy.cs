using Frugal.Domain.Reporting;
using Frugal.Domain.Usage;

namespace Frugal.Domain.Energy;

/// <summary>
/// Estimates the energy and carbon of groups of cloud calls of one model at a time, with EcoLogits' model
/// (<see cref="CloudEnergyModel"/>). Energy is linear in output tokens for a given model, so calls summed together are
/// estimated at once; the time to first token, charged once per call, is added once for each call of the group.
/// Model sizes are looked up once per model id; a model not in the table has an unknown size and gets no estimate.
/// </summary>
public sealed class UsageEnergy
{
    /// <summary>Method id of the energy the gateway recorded for local calls as they were made.</summary>
    public const string RecordedMethod = "recorded";

    private static readonly string[] RecordedAssumptions =
        ["local calls: the energy the gateway recorded for each (device power × the server's timings)"];

    private readonly ModelFactsTable _facts;
    private readonly Dictionary<string, ModelSize?> _sizes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Model, string? Provider), EnergyEstimate> _perCall = [];

    /// <summary>
    /// Creates an estimator over <paramref name="facts"/> with carbon at <paramref name="zone"/>'s grid intensity.
    /// </summary>
    /// <param name="facts">The model sizes.</param>
    /// <param name="zone">The grid zone whose intensity turns energy into usage carbon.</param>
    /// <param name="includePrefill">Whether to add the prefill energy of uncached input (not EcoLogits).</param>
    public UsageEnergy(ModelFactsTable facts, GridZone zone, bool includePrefill = false)
    {
        _facts = facts ?? throw new ArgumentNullException(nameof(facts));
        Zone = zone ?? throw new ArgumentNullException(nameof(zone));
        RangeGuard.NonNegative(zone.GCO2PerKWh, nameof(zone));
        IncludePrefill = includePrefill;
    }

    /// <summary>The built-in model sizes at the world-average grid, decode only.</summary>
    public static UsageEnergy Default => new(ModelFactsTable.BuiltIn, GridIntensity.World);

    /// <summary>The grid zone carbon is computed at.</summary>
    public GridZone Zone { get; }

    /// <summary>Whether the prefill add-on is included.</summary>
    public bool IncludePrefill { get; }

    /// <summary>The method id every estimate of this estimator carries.</summary>
    public string Method => IncludePrefill ? CloudEnergyModel.PrefillMethod : CloudEnergyModel.DecodeMethod;

    /// <summary>The size of <paramref name="modelId"/>, or null when it is unknown (or no model was named).</summary>
    public ModelSize? SizeOf(string? modelId)
    {
        if (modelId is null)
        {
            return null;
        }

        if (!_sizes.TryGetValue(modelId, out var size))
        {
            _sizes[modelId] = size = _facts.Find(modelId);
        }

        return size;
    }

    /// <summary>
    /// The energy and carbon of <paramref name="calls"/> calls of <paramref name="modelId"/> that together used
    /// <paramref name="tokens"/>; null when the model's size is unknown ("unknown size", never guessed).
    /// </summary>
    /// <param name="modelId">The model id as the source wrote it, or null when it named none.</param>
    /// <param name="provider">The provider selling the model, for the data centre's PUE; null: PUE 1.2.</param>
    /// <param name="tokens">
    /// The calls' tokens summed; output includes reasoning, uncached input = input + cache writes.
    /// </param>
    /// <param name="calls">How many calls, at least one.</param>
    public EnergyEstimate? Estimate(string? modelId, string? provider, TokenCounts tokens, long calls)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(calls);
        if (SizeOf(modelId) is not { } size)
        {
            return null;
        }

        var uncachedInput = checked(tokens.InputTokens + tokens.CacheWriteTokens);
        var group = CloudEnergyModel.Estimate(
            size, tokens.OutputTokens, uncachedInput, null, provider, Zone.GCO2PerKWh, IncludePrefill);
        if (calls == 1)
        {
            return group;
        }

        // The estimate above charges one time to first token; the other calls each add their own.
        var perCall = PerCall(modelId!, size, provider);
        var others = calls - 1;
        return group with
        {
            Energy = group.Energy + perCall.Energy.Scale(others),
            Carbon = group.Carbon + perCall.Carbon.Scale(others),
            Embodied = group.Embodied is { } embodied && perCall.Embodied is { } callEmbodied
                ? embodied + callEmbodied.Scale(others)
                : group.Embodied,
            Assumptions = [.. group.Assumptions, $"{calls} calls, each charged its own time to first token"],
        };
    }

    /// <summary>
    /// The energy and carbon of a group of calls: for local calls the energy recorded for them, with its carbon at
    /// this estimator's grid, or null when they have none (a local model is never estimated as a hosted one); for
    /// hosted calls the estimate from the model's size (see the other overload).
    /// </summary>
    /// <param name="group">The calls.</param>
    /// <param name="provider">The provider selling a hosted model, for the data centre's PUE.</param>
    public EnergyEstimate? Estimate(UsageGroup group, string? provider)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (!group.Local)
        {
            return Estimate(group.Model, provider, group.Tokens, Math.Max(1, group.Calls));
        }

        return group.RecordedEnergy is { } energy
            ? new EnergyEstimate(
                energy, energy.ToCarbon(Zone.GCO2PerKWh), null, RecordedMethod, LocalEnergyModel.MethodVersion,
                RecordedAssumptions)
            : null;
    }

    /// <summary>A call that produces no token: its time to first token only (zero without a served speed).</summary>
    private EnergyEstimate PerCall(string modelId, ModelSize size, string? provider)
    {
        if (!_perCall.TryGetValue((modelId, provider), out var estimate))
        {
            _perCall[(modelId, provider)] = estimate =
                CloudEnergyModel.Estimate(size, 0, 0, null, provider, Zone.GCO2PerKWh, IncludePrefill);
        }

        return estimate;
    }
}
