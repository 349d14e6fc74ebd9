using System.Collections.Frozen;
using Frugal.Domain.Pricing;

namespace Frugal.Domain.Energy;

/// <summary>
/// Model sizes by model id. Lookups normalise the id the way the price table does (see
/// <see cref="ModelIdNormalizer"/>); a model not in the table has an unknown size and is never guessed.
/// </summary>
public sealed partial class ModelFactsTable
{
    private readonly FrozenDictionary<string, ModelSize> _byId;
    private readonly ModelSize[] _entries;

    /// <summary>Builds a table; a later entry for the same id or alias replaces an earlier one.</summary>
    public ModelFactsTable(IEnumerable<ModelSize> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = [.. entries];
        var byId = new Dictionary<string, ModelSize>(StringComparer.Ordinal);
        foreach (var entry in _entries)
        {
            foreach (var id in entry.Aliases.Prepend(entry.ModelId))
            {
                byId[id.Trim().ToLowerInvariant()] = entry;
            }
        }

        _byId = byId.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// The built-in table: EcoLogits 0.9.3 estimates for closed models, released counts for open-weight ones.
    /// </summary>
    public static ModelFactsTable BuiltIn { get; } = new(BuiltInEntries());

    /// <summary>How many ids (names and aliases) the table answers to.</summary>
    public int Count => _byId.Count;

    /// <summary>
    /// The size of <paramref name="modelId"/>, trying each normalised form most specific first; null when the model is
    /// not in the table ("unknown size").
    /// </summary>
    public ModelSize? Find(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        foreach (var (candidate, _) in ModelIdNormalizer.Candidates(modelId))
        {
            if (_byId.TryGetValue(candidate, out var size))
            {
                return size;
            }
        }

        return null;
    }

    /// <summary>
    /// A new table with <paramref name="userEntries"/> added; an entry whose id or alias is already known replaces the
    /// built-in one for that id.
    /// </summary>
    public ModelFactsTable WithEntries(IEnumerable<ModelSize> userEntries)
    {
        ArgumentNullException.ThrowIfNull(userEntries);
        return new ModelFactsTable(_entries.Concat(userEntries));
    }
}
