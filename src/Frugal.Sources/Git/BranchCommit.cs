using Frugal.Domain.Outcomes;

namespace Frugal.Sources.Git;

/// <summary>A commit found on a branch that the default branch does not reach.</summary>
/// <param name="Branch">The branch it was found on, without <c>refs/heads/</c> or the remote's name.</param>
/// <param name="Commit">The commit.</param>
public sealed record BranchCommit(string Branch, CommitInfo Commit);
