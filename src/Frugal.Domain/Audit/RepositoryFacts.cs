namespace Frugal.Domain.Audit;

/// <summary>What the audit read from one repository.</summary>
/// <param name="Root">The repository's top folder.</param>
/// <param name="DefaultBranch">The branch whose history counts as shipped.</param>
/// <param name="Commits">
/// Mainline commits from the audit's start to the newest, commits they merged in, and unmerged branch commits.
/// </param>
/// <param name="Fixes">The blame of each mainline fix from the audit's start on.</param>
/// <param name="Notes">What could not be read and what that means for the figures.</param>
public sealed record RepositoryFacts(
    string Root,
    string DefaultBranch,
    IReadOnlyList<AuditedCommit> Commits,
    IReadOnlyList<FixFinding> Fixes,
    IReadOnlyList<string> Notes);
