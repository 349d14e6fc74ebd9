using System.Collections.Frozen;

namespace Frugal.Domain.Pricing;

/// <summary>
/// An effective-dated price table: for each model id, the prices it has had, each from a date on. Lookups normalise
/// the id (see <see cref="ModelIdNormalizer"/>) and pick the price in force on the call's UTC date.
/// </summary>
public sealed class PriceTable
{
    private readonly FrozenDictionary<string, ModelPrice[]> _byId;
    private readonly Dictionary<string, PriceResolution> _resolved = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Builds a table; later entries for the same id and date replace earlier ones.</summary>
    public PriceTable(IEnumerable<ModelPrice> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var byId = new Dictionary<string, List<ModelPrice>>(StringComparer.Ordinal);
        foreach (var price in prices)
        {
            foreach (var id in price.Aliases.Prepend(price.ModelId))
            {
                var key = id.Trim().ToLowerInvariant();
                if (!byId.TryGetValue(key, out var list))
                {
                    byId[key] = list = [];
                }

                list.RemoveAll(p => p.EffectiveFrom == price.EffectiveFrom);
                list.Add(price);
            }
        }

        _byId = byId.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.OrderBy(p => p.EffectiveFrom ?? DateOnly.MinValue).ToArray(),
            StringComparer.Ordinal);
        Count = byId.Count;
    }

    /// <summary>How many distinct ids (aliases included) the table prices.</summary>
    public int Count { get; }

    /// <summary>
    /// Finds the price of <paramref name="modelId"/> in force on <paramref name="date"/>, trying each normalised
    /// form of the id in turn. An id that matches nothing resolves to an unpriced result, never to a zero price.
    /// </summary>
    public PriceResolution Resolve(string modelId, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        var history = ResolveId(modelId);
        if (history.Price is null)
        {
            return history;
        }

        var prices = _byId[history.MatchedId!];
        var inForce = InForce(prices, date);
        return inForce is null
            ? history with { Price = null, Steps = [.. history.Steps, $"no price in force on {date:yyyy-MM-dd}"] }
            : history with { Price = inForce };
    }

    private PriceResolution ResolveId(string modelId)
    {
        lock (_gate)
        {
            if (_resolved.TryGetValue(modelId, out var cached))
            {
                return cached;
            }

            var resolution = Search(modelId);
            _resolved[modelId] = resolution;
            return resolution;
        }
    }

    private PriceResolution Search(string modelId)
    {
        var steps = new List<string>();
        foreach (var (candidate, step) in ModelIdNormalizer.Candidates(modelId))
        {
            steps.Add($"{step}: {candidate}");
            if (_byId.TryGetValue(candidate, out var prices))
            {
                return new PriceResolution(modelId, prices[^1], candidate, steps);
            }
        }

        steps.Add("no entry matched: the model is unpriced");
        return new PriceResolution(modelId, null, null, steps);
    }

    private static ModelPrice? InForce(ModelPrice[] prices, DateOnly date)
    {
        for (var i = prices.Length - 1; i >= 0; i--)
        {
            if (prices[i].EffectiveFrom is not { } from || from <= date)
            {
                return prices[i];
            }
        }

        return null;
    }
}
