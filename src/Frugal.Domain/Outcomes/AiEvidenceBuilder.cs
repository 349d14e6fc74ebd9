namespace Frugal.Domain.Outcomes;

/// <summary>
/// Collects a commit's evidence without allocating until the first mark is found, and drops exact repeats (a squash
/// merge repeats the same co-author line once per squashed commit).
/// </summary>
internal struct AiEvidenceBuilder
{
    private List<AiEvidence>? items;

    /// <summary>Adds one mark unless the same class, tool and text is already there.</summary>
    public void Add(AiMarkerClass markerClass, string tool, string? model, ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        if (items is not null && Contains(items, markerClass, tool, trimmed))
        {
            return;
        }

        items ??= [];
        items.Add(new AiEvidence(markerClass, tool, model, trimmed.ToString()));
    }

    /// <summary>The attribution of everything added; <see cref="AiAttribution.NotMarked"/> when nothing was.</summary>
    public readonly AiAttribution Build() => items is null ? AiAttribution.NotMarked : new AiAttribution(items);

    private static bool Contains(
        List<AiEvidence> items,
        AiMarkerClass markerClass,
        string tool,
        ReadOnlySpan<char> text)
    {
        foreach (var item in items)
        {
            if (item.Class == markerClass && item.Tool == tool && text.SequenceEqual(item.Text))
            {
                return true;
            }
        }

        return false;
    }
}
