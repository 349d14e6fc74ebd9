namespace Frugal.Domain.Outcomes;

/// <summary>
/// What a pull request's export says about its review, counting only people: reviews by bots (<see cref="ReviewBots"/>)
/// and by the pull request's own author are left out, as are reviews whose author is unknown and pending reviews.
/// Logins are compared without regard to case. Durations are as the export's clocks give them and are not clamped:
/// a negative one means the export contradicts itself.
/// </summary>
public sealed record ReviewFacts
{
    /// <summary>From opening to merge; null when not merged.</summary>
    public TimeSpan? ReviewTime { get; init; }

    /// <summary>
    /// From opening to the first submitted review by someone else who is not a bot, of any state; null when there is
    /// none with a time (GitLab approvals carry none).
    /// </summary>
    public TimeSpan? TimeToFirstReview { get; init; }

    /// <summary>
    /// How many distinct people other than the author approved: by an approving review or in
    /// <see cref="PullRequest.ApprovedBy"/>.
    /// </summary>
    public int Approvals { get; init; }

    /// <summary>
    /// Whether it was approved: by at least one counted approval, or by GitHub's review decision.
    /// </summary>
    public bool Approved { get; init; }

    /// <summary>
    /// Whether someone other than the author and not a bot reviewed it in any way: a submitted review of any state, an
    /// approval, or GitHub's APPROVED decision unless a bot's approving review could be what satisfied it.
    /// </summary>
    public bool HumanReviewed { get; init; }

    /// <summary>Works out the review facts of <paramref name="pullRequest"/>.</summary>
    public static ReviewFacts Of(PullRequest pullRequest)
    {
        ArgumentNullException.ThrowIfNull(pullRequest);
        var byPeople = pullRequest.Reviews
            .Where(r => r.State != ReviewState.Pending && IsOtherPerson(r.AuthorLogin, pullRequest))
            .ToList();

        var approvals = byPeople.Where(r => r.State == ReviewState.Approved).Select(r => r.AuthorLogin!.Trim())
            .Concat(pullRequest.ApprovedBy.Where(login => IsOtherPerson(login, pullRequest)).Select(l => l.Trim()))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Count();
        var decidedApproved = string.Equals(pullRequest.ReviewDecision, "APPROVED", StringComparison.OrdinalIgnoreCase);
        var botApproved = pullRequest.Reviews
            .Any(r => r.State == ReviewState.Approved && ReviewBots.IsBot(r.AuthorLogin));

        return new ReviewFacts
        {
            ReviewTime = pullRequest.MergedAt - pullRequest.CreatedAt,
            TimeToFirstReview = byPeople.Min(r => r.SubmittedAt) - pullRequest.CreatedAt,
            Approvals = approvals,
            Approved = approvals > 0 || decidedApproved,
            HumanReviewed = byPeople.Count > 0 || approvals > 0 || (decidedApproved && !botApproved),
        };
    }

    /// <summary>Whether <paramref name="login"/> names a person other than the pull request's author.</summary>
    private static bool IsOtherPerson(string? login, PullRequest pullRequest)
    {
        if (string.IsNullOrWhiteSpace(login) || ReviewBots.IsBot(login))
        {
            return false;
        }

        return !string.Equals(login.Trim(), pullRequest.AuthorLogin?.Trim(), StringComparison.OrdinalIgnoreCase);
    }
}
