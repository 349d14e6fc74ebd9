namespace Frugal.Domain.Pricing;

/// <summary>The price of one model from one date on, with every rule that changes what a call costs.</summary>
public sealed record ModelPrice
{
    /// <summary>The provider that sells the model at this price.</summary>
    public required string Provider { get; init; }

    /// <summary>The model id as the provider names it.</summary>
    public required string ModelId { get; init; }

    /// <summary>Other ids that name the same model at the same price.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The first UTC date (inclusive) this price applies to; null for "since the model appeared".</summary>
    public DateOnly? EffectiveFrom { get; init; }

    /// <summary>The base rates.</summary>
    public required TokenRates Rates { get; init; }

    /// <summary>The long-context surcharge, or null when the model has none.</summary>
    public LongContextRule? LongContext { get; init; }

    /// <summary>USD per 1,000 web-search requests; zero when the provider charges none or none is known.</summary>
    public decimal WebSearchPerThousandUsd { get; init; }

    /// <summary>Multipliers for speed modes, each with the dates it holds.</summary>
    public IReadOnlyList<SpeedMultiplier> SpeedMultipliers { get; init; } = [];

    /// <summary>Where the figures come from, for <c>frugal prices</c>.</summary>
    public required string Origin { get; init; }
}
