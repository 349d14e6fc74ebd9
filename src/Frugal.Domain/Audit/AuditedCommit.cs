using Frugal.Domain.Outcomes;

namespace Frugal.Domain.Audit;

/// <summary>A commit with what the audit learnt about it.</summary>
/// <param name="Commit">The commit, with its line counts.</param>
/// <param name="Change">Feature, fix, revert or other, and its pull request when history names one.</param>
/// <param name="Ai">Whether AI markers are on it (for a mainline merge: on it or on any commit it brought in).</param>
/// <param name="Placement">
/// Where it sits: on the mainline, brought in by a mainline merge, or on another branch.
/// </param>
/// <param name="LandedVia">For a commit a merge brought in, the mainline merge; for a mainline commit, itself.</param>
/// <param name="Branches">The branches it is known to have been made on (merge subjects, pull requests, refs).</param>
/// <param name="Review">The review of the change, for mainline commits.</param>
public sealed record AuditedCommit(
    CommitInfo Commit,
    ChangeClass Change,
    AiAttribution Ai,
    CommitPlacement Placement,
    string? LandedVia,
    IReadOnlyList<string> Branches,
    CommitReview Review)
{
    /// <summary>Whether the commit reached the default branch.</summary>
    public bool Shipped => Placement != CommitPlacement.Unmerged;
}
