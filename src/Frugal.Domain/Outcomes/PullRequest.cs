namespace Frugal.Domain.Outcomes;

/// <summary>
/// A pull request (GitHub) or merge request (GitLab) as an export records it: when it was opened and merged, by whom,
/// and who reviewed it.
/// </summary>
public sealed record PullRequest
{
    /// <summary>The number within its repository: GitHub's PR number, GitLab's <c>iid</c>.</summary>
    public required int Number { get; init; }

    /// <summary>The title; empty when the export leaves it out.</summary>
    public required string Title { get; init; }

    /// <summary>The author's login, as written; null when the export leaves it out or the account is gone.</summary>
    public string? AuthorLogin { get; init; }

    /// <summary>
    /// Whether the export marks the author as a bot (GitHub's <c>is_bot</c>). False says only that it was not marked:
    /// <see cref="ReviewBots.IsBot"/> also recognises bots by login.
    /// </summary>
    public bool AuthorIsBot { get; init; }

    /// <summary>When the pull request was opened.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was merged; null when it was not merged, or the export does not say.</summary>
    public DateTimeOffset? MergedAt { get; init; }

    /// <summary>The branch it was opened from.</summary>
    public string? HeadRef { get; init; }

    /// <summary>
    /// The commit that landed on the target branch: the merge commit, or the squash commit when the change was
    /// squashed; null when not merged or not exported.
    /// </summary>
    public string? MergeCommitSha { get; init; }

    /// <summary>Label names, as written.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Every review in the export, bots' included, in the export's order.</summary>
    public IReadOnlyList<PullRequestReview> Reviews { get; init; } = [];

    /// <summary>
    /// GitHub's overall decision (<c>APPROVED</c>, <c>CHANGES_REQUESTED</c>, <c>REVIEW_REQUIRED</c>); null when the
    /// export has none, as GitLab's never does.
    /// </summary>
    public string? ReviewDecision { get; init; }

    /// <summary>
    /// Logins that approved without a review object (GitLab's <c>approved_by</c>); no times are known.
    /// </summary>
    public IReadOnlyList<string> ApprovedBy { get; init; } = [];
}
