using System.Collections.Frozen;

namespace Frugal.Domain.Pricing;

/// <summary>
/// An effective-dated price table: for each model id, the prices it has had, each from a date on. Lookups normalise
/// the id (see <see cref="ModelIdNormalizer"/>) and pick the price in force on the call's UTC date.
/// </summary>
public sealed class PriceTable
{
    private readonly FrozenDictionary<string, ModelPrice[]> _byId;
    private readonly Dictionary<string, (string Candidate, string Step)[]> _resolved = new(StringComparer.Ordinal);
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
        LongContextThresholds = byId.Values
            .SelectMany(list => list)
            .Select(p => p.LongContext?.ThresholdPromptTokens)
            .OfType<long>()
            .Distinct()
            .Order()
            .ToArray();
    }

    /// <summary>
    /// Every long-context threshold in the table, ascending; calls are grouped by how many they exceed.
    /// </summary>
    public IReadOnlyList<long> LongContextThresholds { get; }

    /// <summary>
    /// How many of <see cref="LongContextThresholds"/> a prompt of <paramref name="promptTokens"/> exceeds.
    /// </summary>
    public int PromptTier(long promptTokens)
    {
        var tier = 0;
        while (tier < LongContextThresholds.Count && promptTokens > LongContextThresholds[tier])
        {
            tier++;
        }

        return tier;
    }

    /// <summary>
    /// Whether calls of <paramref name="tier"/> are above <paramref name="price"/>'s long-context threshold.
    /// </summary>
    public bool IsLongContext(ModelPrice price, int tier)
    {
        ArgumentNullException.ThrowIfNull(price);
        if (price.LongContext is not { } rule)
        {
            return false;
        }

        var needed = 0;
        while (needed < LongContextThresholds.Count && LongContextThresholds[needed] < rule.ThresholdPromptTokens)
        {
            needed++;
        }

        return tier > needed;
    }

    /// <summary>How many distinct ids (aliases included) the table prices.</summary>
    public int Count { get; }

    /// <summary>
    /// Finds the price of <paramref name="modelId"/> in force on <paramref name="date"/>, trying each normalised
    /// form of the id in turn; a form with no price in force that day gives way to the next. An id that matches
    /// nothing resolves to an unpriced result, never to a zero price.
    /// </summary>
    public PriceResolution Resolve(string modelId, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        var search = Search(modelId);
        var steps = new List<string>();
        foreach (var (candidate, step) in search)
        {
            steps.Add($"{step}: {candidate}");
            if (!_byId.TryGetValue(candidate, out var prices))
            {
                continue;
            }

            if (InForce(prices, date) is { } price)
            {
                return new PriceResolution(modelId, price, candidate, steps);
            }

            steps.Add($"no price of {candidate} in force on {date:yyyy-MM-dd}");
        }

        steps.Add("no entry matched: the model is unpriced");
        return new PriceResolution(modelId, null, null, steps);
    }

    /// <summary>The normalised forms of an id, computed once per id.</summary>
    private (string Candidate, string Step)[] Search(string modelId)
    {
        lock (_gate)
        {
            if (!_resolved.TryGetValue(modelId, out var candidates))
            {
                _resolved[modelId] = candidates = ModelIdNormalizer.Candidates(modelId).ToArray();
            }

            return candidates;
        }
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
