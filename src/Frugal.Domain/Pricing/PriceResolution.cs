namespace Frugal.Domain.Pricing;

/// <summary>What a model id resolved to in a price table, and how.</summary>
/// <param name="ModelId">The id that was looked up, as written.</param>
/// <param name="Price">The price found, or null when the model is unpriced.</param>
/// <param name="MatchedId">The table id or alias that matched, or null.</param>
/// <param name="Steps">The normalisation steps tried, in order, ending with the one that matched.</param>
public sealed record PriceResolution(
    string ModelId,
    ModelPrice? Price,
    string? MatchedId,
    IReadOnlyList<string> Steps)
{
    /// <summary>Whether a price was found.</summary>
    public bool IsPriced => Price is not null;
}
