namespace Frugal.Domain.Outcomes;

/// <summary>What a commit does to the product, as its message or pull-request title declares it.</summary>
public enum ChangeKind
{
    /// <summary>A new feature: Conventional Commit type <c>feat</c> or <c>feature</c>.</summary>
    Feature,

    /// <summary>A bug fix: type <c>fix</c>, <c>bugfix</c> or <c>hotfix</c>.</summary>
    Fix,

    /// <summary>A revert: type <c>revert</c>, or git's <c>Revert "…"</c> subject.</summary>
    Revert,

    /// <summary>Anything else, including other types, merges without a title and unconventional subjects.</summary>
    Other,
}
