using Frugal.Domain.Outcomes;

namespace Frugal.Sources.Reviews;

/// <summary>
/// One merge request from GitLab's REST list (<c>GET /projects/:id/merge_requests?state=merged</c>) or single-MR
/// endpoint. <c>iid</c> and <c>created_at</c> are required. It maps as follows:
/// <list type="bullet">
/// <item><c>iid</c> → number; <c>title</c>; <c>author.username</c> → author login (GitLab marks no bots, so the
/// author is a bot only by <see cref="ReviewBots.IsBot"/>); <c>created_at</c>, <c>merged_at</c>;
/// <c>source_branch</c> → head ref; <c>labels</c> (strings, or objects with a <c>name</c>).</item>
/// <item>The landed commit: <c>squash_commit_sha</c> when <c>squash</c> is true or there is no
/// <c>merge_commit_sha</c> (a squashed fast-forward merge), else <c>merge_commit_sha</c>.</item>
/// <item><c>approved_by [{user {username}}]</c>, copied in from the approvals endpoint, → approvals without a time.
/// </item>
/// <item><c>reviewers</c>: in the list endpoint, users asked to review; a request is not a review, so these map to
/// nothing. Entries from the reviewers endpoint (<c>{user {username}, state}</c>) map by state:
/// <c>reviewed</c> → commented, <c>requested_changes</c> → changes requested, <c>approved</c> → approved, each
/// without a time; <c>unreviewed</c>, <c>unapproved</c> and states GitLab may add later map to nothing.</item>
/// </list>
/// GitLab has no review decision. Other keys are ignored.
/// </summary>
internal static class GitLabEntry
{
    private const string ListField = "GitLab's merge request list always has it; export that list";

    /// <summary>The merge request <paramref name="fields"/> describes; null when it has problems.</summary>
    public static PullRequest? Read(EntryFields fields, out int? number)
    {
        number = fields.RequiredNumber("iid", ListField);
        var authorLogin = fields.Object("author")?.String("username");
        var createdAt = fields.RequiredInstant("created_at", ListField);
        var mergedAt = fields.Instant("merged_at");
        var landed = LandedCommit(fields);
        var labels = EntryLabels.Read(fields, "labels");
        var approvedBy = ApprovedBy(fields);
        var reviews = Reviews(fields);
        var title = fields.String("title");
        var sourceBranch = fields.String("source_branch");

        if (fields.Problems.Count > 0 || number is null || createdAt is null)
        {
            return null;
        }

        return new PullRequest
        {
            Number = number.Value,
            Title = title ?? string.Empty,
            AuthorLogin = EntryFields.NullIfBlank(authorLogin),
            CreatedAt = createdAt.Value,
            MergedAt = mergedAt,
            HeadRef = EntryFields.NullIfBlank(sourceBranch),
            MergeCommitSha = landed,
            Labels = labels,
            Reviews = reviews,
            ApprovedBy = approvedBy,
        };
    }

    private static string? LandedCommit(EntryFields fields)
    {
        var squashed = fields.Bool("squash") ?? false;
        var merge = EntryFields.NullIfBlank(fields.String("merge_commit_sha"));
        var squash = EntryFields.NullIfBlank(fields.String("squash_commit_sha"));
        return squash is not null && (squashed || merge is null) ? squash : merge;
    }

    private static string[] ApprovedBy(EntryFields fields)
    {
        var approvals = fields.Array("approved_by");
        var logins = new List<string>();
        for (var i = 0; i < approvals.Count; i++)
        {
            var approval = fields.Nested(approvals[i], $"approved_by[{i}]");
            var user = approval.RequiredObject("user");
            if (user?.RequiredString("username") is { } login && !string.IsNullOrWhiteSpace(login))
            {
                logins.Add(login);
            }
        }

        return [.. logins];
    }

    private static PullRequestReview[] Reviews(EntryFields fields)
    {
        var reviewers = fields.Array("reviewers");
        var reviews = new List<PullRequestReview>();
        for (var i = 0; i < reviewers.Count; i++)
        {
            var reviewer = fields.Nested(reviewers[i], $"reviewers[{i}]");
            if (!reviewer.Has("user"))
            {
                // A user asked to review, as the merge request list gives them.
                continue;
            }

            var login = reviewer.Object("user")?.String("username");
            if (ReviewerState(reviewer.String("state")) is { } state && !string.IsNullOrWhiteSpace(login))
            {
                reviews.Add(new PullRequestReview(login, state, SubmittedAt: null));
            }
        }

        return [.. reviews];
    }

    private static ReviewState? ReviewerState(string? state) => state switch
    {
        "reviewed" => ReviewState.Commented,
        "requested_changes" => ReviewState.ChangesRequested,
        "approved" => ReviewState.Approved,
        _ => null,
    };
}
