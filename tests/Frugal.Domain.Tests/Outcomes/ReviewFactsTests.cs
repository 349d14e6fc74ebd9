using Frugal.Domain.Outcomes;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Outcomes;

public sealed class ReviewFactsTests
{
    private static readonly DateTimeOffset Created = At("2026-03-02T09:00:00Z");

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, null);

    private static PullRequest Pr(params PullRequestReview[] reviews) => new()
    {
        Number = 42,
        Title = "feat: add the review reader",
        AuthorLogin = "alice",
        CreatedAt = Created,
        MergedAt = At("2026-03-02T13:30:00Z"),
        Reviews = reviews,
    };

    private static PullRequestReview Review(string? login, ReviewState state, string? submittedAt) =>
        new(login, state, submittedAt is null ? null : At(submittedAt));

    [Fact]
    public void Of_Merged_ReviewTimeIsCreatedToMerged()
    {
        // 09:00 → 13:30 the same day: 4 h 30 min.
        var pr = Pr();

        var facts = ReviewFacts.Of(pr);

        facts.ReviewTime.ShouldBe(TimeSpan.FromHours(4.5));
    }

    [Fact]
    public void Of_NotMerged_ReviewTimeNull()
    {
        var pr = Pr() with { MergedAt = null };

        var facts = ReviewFacts.Of(pr);

        facts.ReviewTime.ShouldBeNull();
    }

    [Fact]
    public void Of_MergedAcrossDaysWithOffsets_ReviewTimeInExactInstants()
    {
        // Created 2026-03-02T09:00Z; merged 2026-03-04T08:15+01:00 = 07:15Z two days on: 46 h 15 min.
        var pr = Pr() with { MergedAt = At("2026-03-04T08:15:00+01:00") };

        var facts = ReviewFacts.Of(pr);

        facts.ReviewTime.ShouldBe(new TimeSpan(46, 15, 0));
    }

    [Fact]
    public void Of_BotCommentsFirstThenPersonApproves_FirstReviewIsThePerson()
    {
        // Copilot comments at 09:04; bob approves at 10:45: first human review 1 h 45 min after 09:00.
        var pr = Pr(
            Review("copilot-pull-request-reviewer", ReviewState.Commented, "2026-03-02T09:04:00Z"),
            Review("bob", ReviewState.Approved, "2026-03-02T10:45:00Z"));

        var facts = ReviewFacts.Of(pr);

        facts.TimeToFirstReview.ShouldBe(new TimeSpan(1, 45, 0));
        facts.Approvals.ShouldBe(1);
        facts.Approved.ShouldBeTrue();
        facts.HumanReviewed.ShouldBeTrue();
    }

    [Fact]
    public void Of_ReviewsOutOfOrder_FirstBySubmittedTime()
    {
        // carol's comment (09:30) comes after bob's approval in the list but was submitted first: 30 min.
        var pr = Pr(
            Review("bob", ReviewState.Approved, "2026-03-02T11:00:00Z"),
            Review("carol", ReviewState.Commented, "2026-03-02T09:30:00Z"));

        var facts = ReviewFacts.Of(pr);

        facts.TimeToFirstReview.ShouldBe(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void Of_OnlyBotsReviewed_NoFirstReviewNotHumanReviewed()
    {
        var pr = Pr(
            Review("coderabbitai", ReviewState.Commented, "2026-03-02T09:02:00Z"),
            Review("gemini-code-assist[bot]", ReviewState.Commented, "2026-03-02T09:03:00Z"),
            Review("chatgpt-codex-connector", ReviewState.Commented, "2026-03-02T09:10:00Z"));

        var facts = ReviewFacts.Of(pr);

        facts.TimeToFirstReview.ShouldBeNull();
        facts.Approvals.ShouldBe(0);
        facts.Approved.ShouldBeFalse();
        facts.HumanReviewed.ShouldBeFalse();
    }

    [Fact]
    public void Of_AuthorApprovesOwnPullRequestInOtherCase_NotCounted()
    {
        // "Alice" is the author "alice": her approval and comment count for nothing.
        var pr = Pr(
            Review("Alice", ReviewState.Commented, "2026-03-02T09:20:00Z"),
            Review("Alice", ReviewState.Approved, "2026-03-02T09:21:00Z"));

        var facts = ReviewFacts.Of(pr);

        facts.Approvals.ShouldBe(0);
        facts.Approved.ShouldBeFalse();
        facts.TimeToFirstReview.ShouldBeNull();
        facts.HumanReviewed.ShouldBeFalse();
    }

    [Fact]
    public void Of_SamePersonApprovesTwiceInDifferentCase_OneApproval()
    {
        var pr = Pr(
            Review("bob", ReviewState.Approved, "2026-03-02T10:00:00Z"),
            Review("BOB", ReviewState.Approved, "2026-03-02T12:00:00Z"),
            Review("carol", ReviewState.ChangesRequested, "2026-03-02T11:00:00Z"));

        var facts = ReviewFacts.Of(pr);

        facts.Approvals.ShouldBe(1);
    }

    [Fact]
    public void Of_NoReviews_NothingKnown()
    {
        var pr = Pr();

        var facts = ReviewFacts.Of(pr);

        facts.TimeToFirstReview.ShouldBeNull();
        facts.Approvals.ShouldBe(0);
        facts.Approved.ShouldBeFalse();
        facts.HumanReviewed.ShouldBeFalse();
    }

    [Fact]
    public void Of_ApprovedDecisionWithoutReviews_ApprovedAndHumanReviewed()
    {
        // The export asked for reviewDecision but not reviews.
        var pr = Pr() with { ReviewDecision = "APPROVED" };

        var facts = ReviewFacts.Of(pr);

        facts.Approvals.ShouldBe(0);
        facts.Approved.ShouldBeTrue();
        facts.HumanReviewed.ShouldBeTrue();
    }

    [Fact]
    public void Of_ApprovedDecisionAfterBotApproval_ApprovedButNotHumanReviewed()
    {
        // A workflow approves Dependabot's pull request: GitHub says APPROVED, but no person looked.
        var pr = Pr(Review("github-actions", ReviewState.Approved, "2026-03-02T09:01:00Z")) with
        {
            AuthorLogin = "app/dependabot",
            AuthorIsBot = true,
            ReviewDecision = "APPROVED",
        };

        var facts = ReviewFacts.Of(pr);

        facts.Approvals.ShouldBe(0);
        facts.Approved.ShouldBeTrue();
        facts.HumanReviewed.ShouldBeFalse();
    }

    [Fact]
    public void Of_GitLabApprovedBy_CountsPeopleOtherThanAuthorAndBots()
    {
        // alice (author) and a project token's bot approved too; only dave and erin count.
        var pr = Pr() with
        {
            ApprovedBy = ["dave", "alice", "project_7_bot_1a2b", "Erin", "erin"],
        };

        var facts = ReviewFacts.Of(pr);

        facts.Approvals.ShouldBe(2);
        facts.Approved.ShouldBeTrue();
        facts.HumanReviewed.ShouldBeTrue();
        facts.TimeToFirstReview.ShouldBeNull();
    }

    [Fact]
    public void Of_ApprovalInReviewAndApprovedBy_CountedOnce()
    {
        var pr = Pr(Review("dave", ReviewState.Approved, null)) with { ApprovedBy = ["Dave"] };

        var facts = ReviewFacts.Of(pr);

        facts.Approvals.ShouldBe(1);
    }

    [Fact]
    public void Of_DismissedReview_HumanReviewedButNotApproved()
    {
        var pr = Pr(Review("bob", ReviewState.Dismissed, "2026-03-02T09:45:00Z"));

        var facts = ReviewFacts.Of(pr);

        facts.TimeToFirstReview.ShouldBe(TimeSpan.FromMinutes(45));
        facts.Approved.ShouldBeFalse();
        facts.HumanReviewed.ShouldBeTrue();
    }

    [Fact]
    public void Of_PendingAndAnonymousReviews_Ignored()
    {
        // A pending review is not yet visible; a review whose author is gone cannot be told from a bot's.
        var pr = Pr(
            Review("bob", ReviewState.Pending, null),
            Review(null, ReviewState.Approved, "2026-03-02T09:10:00Z"),
            Review("", ReviewState.Commented, "2026-03-02T09:11:00Z"));

        var facts = ReviewFacts.Of(pr);

        facts.TimeToFirstReview.ShouldBeNull();
        facts.Approvals.ShouldBe(0);
        facts.HumanReviewed.ShouldBeFalse();
    }

    [Fact]
    public void Of_BotAuthoredPullRequestReviewedByPerson_Counted()
    {
        // Copilot's agent opened it; bob's changes request at 12:00 is 3 h after 09:00.
        var pr = Pr(Review("bob", ReviewState.ChangesRequested, "2026-03-02T12:00:00Z")) with
        {
            AuthorLogin = "app/copilot-swe-agent",
            AuthorIsBot = true,
        };

        var facts = ReviewFacts.Of(pr);

        facts.TimeToFirstReview.ShouldBe(TimeSpan.FromHours(3));
        facts.HumanReviewed.ShouldBeTrue();
        facts.Approved.ShouldBeFalse();
    }
}
