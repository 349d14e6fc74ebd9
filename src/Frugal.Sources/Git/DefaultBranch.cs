namespace Frugal.Sources.Git;

/// <summary>The branch whose history counts as shipped, and how it was found.</summary>
/// <param name="Name">The branch name people use, such as <c>main</c>.</param>
/// <param name="Revision">The revision git is given to read it, such as <c>refs/remotes/origin/main</c>.</param>
/// <param name="FoundBy">How it was chosen: <c>origin/HEAD</c>, <c>HEAD</c> of a bare mirror, or by name.</param>
public sealed record DefaultBranch(string Name, string Revision, string FoundBy);
