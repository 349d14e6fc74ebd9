namespace Frugal.Domain.Budgets;

/// <summary>
/// A call's worst case, held against every budget that applies to it until the call ends. Settle it with the actual
/// amount, or release it; either happens once, and later calls do nothing.
/// </summary>
public sealed class BudgetHold
{
    internal BudgetHold(long id, BudgetAmount worst, IReadOnlyList<BudgetBook.Account> accounts)
    {
        Id = id;
        Worst = worst;
        Accounts = accounts;
    }

    /// <summary>A number unique within the book.</summary>
    public long Id { get; }

    /// <summary>The amount held.</summary>
    public BudgetAmount Worst { get; }

    /// <summary>Whether the hold was settled or released.</summary>
    public bool Ended { get; internal set; }

    internal IReadOnlyList<BudgetBook.Account> Accounts { get; }
}
