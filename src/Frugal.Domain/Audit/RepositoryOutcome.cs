namespace Frugal.Domain.Audit;

/// <summary>What one repository's mainline shows for the window (or all repositories, summed).</summary>
/// <param name="Repository">The repository's folder, or <c>all</c>.</param>
/// <param name="DefaultBranch">Its default branch (empty for the sum).</param>
/// <param name="Commits">Mainline commits in the window.</param>
/// <param name="AiMarked">Those with AI markers ("not marked" is not "human": markers can be turned off).</param>
/// <param name="AiMarkedByTool">AI-marked commits per tool.</param>
/// <param name="Features">Feature changes.</param>
/// <param name="AiMarkedFeatures">Feature changes with AI markers.</param>
/// <param name="Fixes">Fix changes.</param>
/// <param name="Reverts">Reverts.</param>
/// <param name="LinesAdded">Lines added by mainline commits.</param>
/// <param name="CommitsWithoutLineCounts">
/// Commits git could not diff (missing blobs); their lines are not counted.
/// </param>
/// <param name="Bugs">Bug-introducing candidates with their exposure.</param>
/// <param name="Reviews">Review evidence.</param>
/// <param name="Notes">What could not be read.</param>
public sealed record RepositoryOutcome(
    string Repository,
    string DefaultBranch,
    int Commits,
    int AiMarked,
    IReadOnlyDictionary<string, int> AiMarkedByTool,
    int Features,
    int AiMarkedFeatures,
    int Fixes,
    int Reverts,
    long LinesAdded,
    int CommitsWithoutLineCounts,
    BugExposure Bugs,
    ReviewSummary Reviews,
    IReadOnlyList<string> Notes);
