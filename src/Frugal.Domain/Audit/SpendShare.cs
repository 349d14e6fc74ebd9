using Frugal.Domain.Usage;

namespace Frugal.Domain.Audit;

/// <summary>The sessions of one outcome and their share of the window's spend.</summary>
/// <param name="Status">What came of the sessions.</param>
/// <param name="Sessions">How many.</param>
/// <param name="Tokens">Their tokens.</param>
/// <param name="CostUsd">Their priced cost.</param>
/// <param name="CostShare">Their share of all priced cost, 0–1 (null when nothing was spent).</param>
/// <param name="TokenShare">Their share of all tokens, 0–1 (null when no tokens).</param>
public sealed record SpendShare(
    ShipStatus Status, int Sessions, TokenCounts Tokens, decimal CostUsd, double? CostShare, double? TokenShare);
