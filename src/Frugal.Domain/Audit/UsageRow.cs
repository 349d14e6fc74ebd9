using Frugal.Domain.Energy;
using Frugal.Domain.Usage;

namespace Frugal.Domain.Audit;

/// <summary>Use summed under one key (a tool, a model, a project, or everything).</summary>
/// <param name="Key">What the row sums.</param>
/// <param name="Sessions">Sessions that contributed.</param>
/// <param name="Calls">Calls made.</param>
/// <param name="Tokens">Tokens by category.</param>
/// <param name="CostUsd">Cost in USD of the priced calls.</param>
/// <param name="UnpricedTokens">Tokens of calls that could not be priced (their cost is not in the figure).</param>
/// <param name="Energy">Estimated energy of the calls of known model size.</param>
/// <param name="Carbon">Estimated usage carbon of those calls.</param>
/// <param name="UnknownSizeTokens">Tokens of calls of unknown model size (their energy is not in the figure).</param>
public sealed record UsageRow(
    string Key, long Sessions, long Calls, TokenCounts Tokens, decimal CostUsd, long UnpricedTokens,
    EnergyRange Energy, CarbonRange Carbon, long UnknownSizeTokens)
{
    /// <summary>Manufacturing carbon of the hardware, by the calls' time on it; apart from <see
    /// cref="Carbon"/>.</summary>
    public CarbonRange EmbodiedCarbon { get; init; }

    /// <summary>
    /// The part of <see cref="UnknownSizeTokens"/> of local calls with no recorded energy (filled in per model).
    /// </summary>
    public long UnrecordedLocalTokens { get; init; }
}
