namespace Frugal.Domain.Outcomes;

/// <summary>What kind of change a commit is, the pull request it landed, and the commits it reverts or fixes.</summary>
public sealed record ChangeClass
{
    /// <summary>Feature, fix, revert or other.</summary>
    public required ChangeKind Kind { get; init; }

    /// <summary>The Conventional Commit type in lower case (<c>feat</c>, <c>chore</c>, <c>bd</c>), or null.</summary>
    public string? Type { get; init; }

    /// <summary>The scope in parentheses after the type, as written, or null when there is none.</summary>
    public string? Scope { get; init; }

    /// <summary>
    /// Whether the change declares itself breaking: <c>!</c> before the colon, or a <c>BREAKING CHANGE:</c> or
    /// <c>BREAKING-CHANGE:</c> footer.
    /// </summary>
    public bool Breaking { get; init; }

    /// <summary>
    /// The line the kind was read from: the subject, the pull-request title of a merge commit, or a squash subject
    /// without its <c>(#N)</c> suffix. A merge without a title gives its subject.
    /// </summary>
    public required string Title { get; init; }

    /// <summary>The pull or merge request number the commit landed, or null when the message names none.</summary>
    public int? PullRequest { get; init; }

    /// <summary>The source branch a merge commit names (without the GitHub <c>owner/</c> part), or null.</summary>
    public string? MergedBranch { get; init; }

    /// <summary>The commits named by <c>This reverts commit &lt;sha&gt;</c> lines, lower case, in order.</summary>
    public IReadOnlyList<string> RevertedShas { get; init; } = [];

    /// <summary>The commits named by <c>Fixes: &lt;sha&gt;</c> trailers, lower case, in order.</summary>
    public IReadOnlyList<string> FixesShas { get; init; } = [];
}
