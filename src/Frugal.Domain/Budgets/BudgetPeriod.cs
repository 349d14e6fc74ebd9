namespace Frugal.Domain.Budgets;

/// <summary>The calendar period a budget resets on, in the budget's own time zone.</summary>
public enum BudgetPeriod
{
    /// <summary>From midnight to midnight.</summary>
    Day,

    /// <summary>From Monday midnight to the next Monday midnight.</summary>
    Week,

    /// <summary>From the first of the month at midnight to the first of the next.</summary>
    Month,
}
