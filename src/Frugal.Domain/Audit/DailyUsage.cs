namespace Frugal.Domain.Audit;

/// <summary>One local date's use, for the report's chart.</summary>
/// <param name="Date">The date in the audit's time zone.</param>
/// <param name="Tokens">All tokens.</param>
/// <param name="CostUsd">Priced cost.</param>
public sealed record DailyUsage(DateOnly Date, long Tokens, decimal CostUsd);
