using Frugal.Domain.Budgets;
using Frugal.Domain.Energy;
using Frugal.Domain.Pricing;
using Frugal.Domain.Usage;
using Frugal.Gateway.Routing;

namespace Frugal.Gateway.Metering;

/// <summary>Prices and estimates the energy of a call on a target: its worst case before, its actual after.</summary>
public sealed class CallPricing(PriceTable prices, UsageEnergy energy, GridZone grid)
{
    /// <summary>Tokens held for each image in a request: more than any provider charges for one.</summary>
    public const long TokensPerImage = 8_000;

    /// <summary>The grid carbon is counted at.</summary>
    public GridZone Grid => grid;

    /// <summary>The price of a hosted target's model on <paramref name="date"/>, or null (local ones cost
    /// nothing).</summary>
    public ModelPrice? PriceOf(RouteTarget target, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Upstream.Local ? null : prices.Resolve(target.Model, date).Price;
    }

    /// <summary>
    /// The most a call can use: every prompt token is at most one byte of the request body (plus an allowance per
    /// image), the output at most its limit, priced at the dearer of input and one-hour cache writes; energy at
    /// the high end of its estimate (for a local server, its top power for the whole timeout).
    /// </summary>
    public BudgetAmount Worst(RouteTarget target, long bodyBytes, int images, long maxOutputTokens, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(target);
        var prompt = checked(bodyBytes + (images * TokensPerImage));
        var usd = 0m;
        if (PriceOf(target, date) is { } price)
        {
            usd = Math.Max(
                PriceCalculator.Cost(price, new TokenCounts(prompt, 0, 0, 0, maxOutputTokens), 0, null, date).TotalUsd,
                PriceCalculator.Cost(price, new TokenCounts(0, 0, prompt, 0, maxOutputTokens), 0, null, date).TotalUsd);
        }

        double wh;
        if (target.Upstream.Local)
        {
            wh = target.Upstream.Device is { } id && DevicePowerProfile.Find(id) is { } device
                ? device.Prefill.MaxW * target.Upstream.Timeout.TotalSeconds / 3600
                : 0;
        }
        else
        {
            wh = energy.Estimate(target.Model, Provider(target, date), new TokenCounts(0, 0, 0, 0, maxOutputTokens), 1)
                ?.Energy.MaxWh ?? 0;
        }

        return new BudgetAmount(usd, checked(prompt + maxOutputTokens), wh);
    }

    /// <summary>The actual cost of <paramref name="tokens"/>: zero on a local target, null when unpriced.</summary>
    public decimal? Cost(RouteTarget target, TokenCounts tokens, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Upstream.Local)
        {
            return 0m;
        }

        return PriceOf(target, date) is { } price
            ? PriceCalculator.Cost(price, tokens, 0, null, date).TotalUsd
            : null;
    }

    /// <summary>
    /// The energy of the call: a hosted model's from its size (null when unknown); a local server's from the
    /// device's power over the time it reported, or else over the time the gateway saw (first byte, then the rest);
    /// zero for a local call that failed with no tokens (the device did no model work).
    /// </summary>
    public EnergyEstimate? Energy(
        RouteTarget target, TokenCounts tokens, LocalTimings? reported, double firstByteSeconds, double totalSeconds,
        DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.Upstream.Local)
        {
            return energy.Estimate(target.Model, Provider(target, date), tokens, 1);
        }

        if (target.Upstream.Device is not { } id || DevicePowerProfile.Find(id) is not { } device)
        {
            return null;
        }

        // A call that failed before any token was read (refused connection, an error answer) did no model work:
        // the time the gateway waited is not the device's.
        var timings = reported ?? (tokens.TotalTokens == 0 ? new LocalTimings(0, 0) : new LocalTimings(
            Math.Max(0, firstByteSeconds), Math.Max(0, totalSeconds - firstByteSeconds)));
        return LocalEnergyModel.Estimate(timings, device, grid.GCO2PerKWh);
    }

    /// <summary>The provider whose data centre a hosted model runs in.</summary>
    public string Provider(RouteTarget target, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(target);
        return PriceOf(target, date)?.Provider ?? target.Upstream.Kind.ToString().ToLowerInvariant();
    }
}
