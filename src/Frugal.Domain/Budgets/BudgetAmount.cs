namespace Frugal.Domain.Budgets;

/// <summary>An amount counted against budgets: cost, tokens and energy together.</summary>
/// <param name="Usd">Cost in US dollars.</param>
/// <param name="Tokens">Tokens, prompt and output.</param>
/// <param name="Wh">Energy in watt-hours.</param>
public readonly record struct BudgetAmount(decimal Usd, long Tokens, double Wh)
{
    /// <summary>Nothing.</summary>
    public static BudgetAmount Zero => default;

    /// <summary>Adds two amounts.</summary>
    public static BudgetAmount operator +(BudgetAmount left, BudgetAmount right) =>
        new(left.Usd + right.Usd, checked(left.Tokens + right.Tokens), left.Wh + right.Wh);

    /// <summary>Subtracts an amount.</summary>
    public static BudgetAmount operator -(BudgetAmount left, BudgetAmount right) =>
        new(left.Usd - right.Usd, checked(left.Tokens - right.Tokens), left.Wh - right.Wh);
}
