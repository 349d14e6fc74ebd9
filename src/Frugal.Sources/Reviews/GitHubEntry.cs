using Frugal.Domain.Outcomes;

namespace Frugal.Sources.Reviews;

/// <summary>
/// One element of what <c>gh pr list --json …</c> writes. <c>number</c> and <c>createdAt</c> are required; every
/// other key is optional, since users choose the fields: <c>title</c>, <c>author {login, is_bot}</c>,
/// <c>mergedAt</c>, <c>headRefName</c>, <c>mergeCommit {oid}</c>, <c>labels [{name}]</c>, <c>reviewDecision</c> and
/// <c>reviews [{author {login}, state, submittedAt}]</c>. Other keys are ignored.
/// </summary>
internal static class GitHubEntry
{
    private const string AddField = "add it to the fields gh is given with --json";

    /// <summary>The pull request <paramref name="fields"/> describes; null when it has problems.</summary>
    public static PullRequest? Read(EntryFields fields, out int? number)
    {
        number = fields.RequiredNumber("number", AddField);
        var author = fields.Object("author");
        var authorLogin = author?.String("login");
        var authorIsBot = author?.Bool("is_bot") ?? false;
        var createdAt = fields.RequiredInstant("createdAt", AddField);
        var mergedAt = fields.Instant("mergedAt");
        var mergeCommit = fields.Object("mergeCommit")?.String("oid");
        var labels = EntryLabels.Read(fields, "labels");
        var reviews = Reviews(fields);
        var title = fields.String("title");
        var headRef = fields.String("headRefName");
        var decision = fields.String("reviewDecision");

        if (fields.Problems.Count > 0 || number is null || createdAt is null)
        {
            return null;
        }

        return new PullRequest
        {
            Number = number.Value,
            Title = title ?? string.Empty,
            AuthorLogin = EntryFields.NullIfBlank(authorLogin),
            AuthorIsBot = authorIsBot,
            CreatedAt = createdAt.Value,
            MergedAt = mergedAt,
            HeadRef = EntryFields.NullIfBlank(headRef),
            MergeCommitSha = EntryFields.NullIfBlank(mergeCommit),
            Labels = labels,
            Reviews = reviews,
            ReviewDecision = EntryFields.NullIfBlank(decision),
        };
    }

    private static PullRequestReview[] Reviews(EntryFields fields)
    {
        var elements = fields.Array("reviews");
        var reviews = new List<PullRequestReview>(elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            if (Review(fields.Nested(elements[i], $"reviews[{i}]")) is { } review)
            {
                reviews.Add(review);
            }
        }

        return [.. reviews];
    }

    private static PullRequestReview? Review(EntryFields review)
    {
        var login = review.Object("author")?.String("login");
        var submittedAt = review.Instant("submittedAt");
        var state = review.String("state")?.ToUpperInvariant() switch
        {
            "APPROVED" => ReviewState.Approved,
            "CHANGES_REQUESTED" => ReviewState.ChangesRequested,
            "COMMENTED" => ReviewState.Commented,
            "DISMISSED" => ReviewState.Dismissed,
            "PENDING" => ReviewState.Pending,
            var other => review.NotOneOf<ReviewState>(
                "state", other, "APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING"),
        };

        return state is { } known
            ? new PullRequestReview(EntryFields.NullIfBlank(login), known, submittedAt)
            : null;
    }
}
