using Frugal.Domain.Usage;

namespace Frugal.Domain.Energy.Advice;

/// <summary>
/// Sums the past cloud calls one tier's local model could have served: how many, their cloud cost, tokens, cloud
/// energy (grouped by model, as <see cref="UsageEnergy"/> estimates it) and the local energy of the same work.
/// </summary>
public sealed class LocalFitTally
{
    private readonly Dictionary<(string? Model, string? Provider), (TokenCounts Tokens, long Calls)> _groups = [];

    /// <summary>Creates an empty tally for <paramref name="tier"/> under <paramref name="limits"/>.</summary>
    public LocalFitTally(LocalFitTier tier, LocalFitLimits limits)
    {
        Tier = tier ?? throw new ArgumentNullException(nameof(tier));
        Limits = limits ?? throw new ArgumentNullException(nameof(limits));
    }

    /// <summary>The tier and its model.</summary>
    public LocalFitTier Tier { get; }

    /// <summary>The limits calls are classified under.</summary>
    public LocalFitLimits Limits { get; }

    /// <summary>Every cloud call seen (local calls are skipped).</summary>
    public long Calls { get; private set; }

    /// <summary>The calls that could have run locally.</summary>
    public long Qualifying { get; private set; }

    /// <summary>The qualifying calls' cloud cost in USD, priced calls only.</summary>
    public decimal CostUsd { get; private set; }

    /// <summary>Qualifying calls without a price (their cost is not counted, never taken as zero).</summary>
    public long Unpriced { get; private set; }

    /// <summary>The qualifying calls' tokens summed.</summary>
    public TokenCounts Tokens { get; private set; }

    /// <summary>
    /// Counts <paramref name="call"/>, whose cloud cost is <paramref name="costUsd"/> (null: none) and whose model's
    /// data centre is <paramref name="provider"/>'s (as the price table names it; null: the call's own provider).
    /// </summary>
    public void Add(UsageRecord call, decimal? costUsd, string? provider = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Local)
        {
            return;
        }

        Calls++;
        if (Tier.Advice is null || LocalFitClassifier.Classify(
                call.Tokens, call.WebSearchRequests, Tier.ContextTokens, Limits) != LocalFitVerdict.CouldRunLocally)
        {
            return;
        }

        Qualifying++;
        Tokens += call.Tokens;
        if (costUsd is { } cost)
        {
            CostUsd += cost;
        }
        else
        {
            Unpriced++;
        }

        var key = (call.Model, provider ?? call.Provider);
        var group = _groups.GetValueOrDefault(key);
        _groups[key] = (group.Tokens + call.Tokens, group.Calls + 1);
    }

    /// <summary>
    /// The qualifying calls' cloud energy and carbon, and how many calls have no estimate (a model of unknown size).
    /// </summary>
    public (EnergyRange Energy, CarbonRange Carbon, long UnknownSize) CloudEnergy(UsageEnergy energy)
    {
        ArgumentNullException.ThrowIfNull(energy);
        var total = EnergyRange.Zero;
        var carbon = CarbonRange.Zero;
        var unknown = 0L;
        foreach (var ((model, provider), (tokens, calls)) in _groups)
        {
            if (energy.Estimate(model, provider, tokens, calls) is { } estimate)
            {
                total += estimate.Energy;
                carbon += estimate.Carbon;
            }
            else
            {
                unknown += calls;
            }
        }

        return (total, carbon, unknown);
    }

    /// <summary>
    /// The local energy of the qualifying calls whose cloud energy <paramref name="energy"/> can estimate (so the
    /// two compare the same calls), on <see cref="LocalFitTier.EnergyAdvice"/>'s machine, or null without one: decode
    /// is output
    /// tokens × joules per token; prefill is prompt tokens ÷ prefill speed × decode power, from uncached prompt
    /// (input and cache writes) at the low power to the whole prompt at the high power. Prefill is left out when
    /// the machine has no prefill figure.
    /// </summary>
    public EnergyRange? LocalEnergy(UsageEnergy energy)
    {
        ArgumentNullException.ThrowIfNull(energy);
        if (Tier.EnergyAdvice is not { Energy: { } decode } advice || advice.Device.DecodePower is not { } power)
        {
            return null;
        }

        var tokens = default(TokenCounts);
        foreach (var ((model, _), group) in _groups)
        {
            if (energy.SizeOf(model) is not null)
            {
                tokens += group.Tokens;
            }
        }

        return LocalEnergyOf(tokens, decode, advice, power);
    }

    private static EnergyRange LocalEnergyOf(
        TokenCounts tokens, DecodeEnergy decode, LocalAdvice advice, WattRange power)
    {
        var output = (double)tokens.OutputTokens;
        var minJoules = output * decode.JoulesPerTokenMin;
        var maxJoules = output * decode.JoulesPerTokenMax;
        if (advice.PrefillTokensPerSecond is { } prefill and > 0)
        {
            var uncached = (double)(tokens.InputTokens + tokens.CacheWriteTokens);
            minJoules += uncached / prefill * power.MinWatts;
            maxJoules += tokens.PromptTokens / prefill * power.MaxWatts;
        }

        return new EnergyRange(minJoules / 3600, maxJoules / 3600);
    }
}
