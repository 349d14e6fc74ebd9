namespace Frugal.Domain.Budgets;

/// <summary>What a budget caps: a project's calls, or the calls made with one virtual key.</summary>
/// <param name="Kind">Project or key.</param>
/// <param name="Name">The project's name, or the key's id.</param>
public readonly record struct BudgetScope(BudgetScopeKind Kind, string Name)
{
    /// <summary>A project's budget.</summary>
    public static BudgetScope Project(string name) => new(BudgetScopeKind.Project, name);

    /// <summary>A virtual key's budget.</summary>
    public static BudgetScope Key(string id) => new(BudgetScopeKind.Key, id);

    /// <inheritdoc />
    public override string ToString() => $"{(Kind == BudgetScopeKind.Project ? "project" : "key")} {Name}";
}

/// <summary>The kinds of <see cref="BudgetScope"/>.</summary>
public enum BudgetScopeKind
{
    /// <summary>Every call of a project.</summary>
    Project,

    /// <summary>The calls made with one virtual key.</summary>
    Key,
}
