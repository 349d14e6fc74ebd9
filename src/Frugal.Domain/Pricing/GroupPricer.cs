using Frugal.Domain.Reporting;

namespace Frugal.Domain.Pricing;

/// <summary>
/// Prices groups of calls against one price table, remembering each model's price per date so that thousands of
/// groups resolve a model once a day.
/// </summary>
public sealed class GroupPricer(PriceTable prices)
{
    private readonly PriceTable _prices = prices ?? throw new ArgumentNullException(nameof(prices));
    private readonly Dictionary<(string Model, DateOnly Date), ModelPrice?> _resolved = [];

    /// <summary>
    /// The cost of <paramref name="group"/> in USD, priced on the UTC date of its first call; null when its model
    /// is unknown or has no price (unpriced is never zero). Local calls cost nothing to buy: zero, priced (the
    /// electricity they draw is not a price).
    /// </summary>
    public decimal? Cost(UsageGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.Local)
        {
            return 0m;
        }

        if (group.Model is null)
        {
            return null;
        }

        var date = DateOnly.FromDateTime(group.First.UtcDateTime);
        if (PriceOf(group.Model, date) is not { } price)
        {
            return null;
        }

        var longContext = _prices.IsLongContext(price, group.PromptTier);
        return PriceCalculator.Cost(
            price, group.Tokens, group.WebSearchRequests, group.Speed, date, longContext).TotalUsd;
    }

    /// <summary>The price that applies to <paramref name="model"/> on <paramref name="date"/>, or null.</summary>
    public ModelPrice? PriceOf(string model, DateOnly date)
    {
        if (!_resolved.TryGetValue((model, date), out var price))
        {
            _resolved[(model, date)] = price = _prices.Resolve(model, date).Price;
        }

        return price;
    }
}
