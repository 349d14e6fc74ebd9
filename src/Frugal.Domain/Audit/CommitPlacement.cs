namespace Frugal.Domain.Audit;

/// <summary>Where a commit sits relative to the default branch.</summary>
public enum CommitPlacement
{
    /// <summary>On the default branch's first-parent line: one entry per landed change.</summary>
    Mainline,

    /// <summary>
    /// Reached from the default branch through a merge's other parent (a pull request's own commits).
    /// </summary>
    Merged,

    /// <summary>On another branch only: not shipped.</summary>
    Unmerged,
}
