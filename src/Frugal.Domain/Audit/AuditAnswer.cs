using Frugal.Domain.Energy;

namespace Frugal.Domain.Audit;

/// <summary>
/// The audit's answer: how much of the spend went into sessions that shipped, and that shipped reviewed, and what
/// each shipped feature cost.
/// </summary>
/// <param name="Shares">Spend per outcome, every outcome listed.</param>
/// <param name="ShippedCostShare">Share of priced cost in sessions that shipped (reviewed or not), or null.</param>
/// <param name="ShippedTokenShare">Share of tokens in sessions that shipped, or null.</param>
/// <param name="ReviewedCostShare">Share of priced cost in sessions that shipped through an approved review.</param>
/// <param name="ReviewedTokenShare">Share of tokens in sessions that shipped through an approved review.</param>
/// <param name="ShippedFeatures">Features on the mainline in the window.</param>
/// <param name="FeaturesWithSessions">Of those, features at least one session links to.</param>
/// <param name="TokensPerFeature">Tokens of sessions linked to features, per linked feature; null without any.</param>
/// <param name="CostPerFeature">Cost of sessions linked to features, per linked feature.</param>
/// <param name="EnergyPerFeature">
/// Energy of sessions linked to features, per linked feature, as a range; null without any.
/// </param>
/// <param name="AllTokensPerFeature">All tokens of the window per shipped feature (the whole burden).</param>
/// <param name="AllCostPerFeature">All priced cost of the window per shipped feature.</param>
/// <param name="BugsPerFeature">Fixes in the window per feature in the window; null without features.</param>
/// <param name="ReviewHoursPerFeature">Review hours per feature with a known review time; null when unknown.</param>
public sealed record AuditAnswer(
    IReadOnlyList<SpendShare> Shares,
    double? ShippedCostShare,
    double? ShippedTokenShare,
    double? ReviewedCostShare,
    double? ReviewedTokenShare,
    int ShippedFeatures,
    int FeaturesWithSessions,
    double? TokensPerFeature,
    decimal? CostPerFeature,
    EnergyRange? EnergyPerFeature,
    double? AllTokensPerFeature,
    decimal? AllCostPerFeature,
    double? BugsPerFeature,
    double? ReviewHoursPerFeature);
