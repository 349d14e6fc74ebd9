using Frugal.Domain.Outcomes;
using Frugal.Sources.Reviews;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.Reviews;

public sealed class PullRequestExportGitHubTests
{
    private static readonly PullRequestExportResult Export =
        PullRequestExport.Read(ReviewFixtures.PathOf("gh-merged.json"));

    private static PullRequest Pr(int number) => Export.PullRequests.Single(pr => pr.Number == number);

    [Fact]
    public void Read_GhExport_EveryEntryLoadedInNumberOrder()
    {
        var numbers = Export.PullRequests.Select(pr => pr.Number);

        numbers.ShouldBe([101, 102, 103, 104]);
        Export.Diagnostics.ShouldBeEmpty();
        Export.EntryCount.ShouldBe(4);
        Export.DuplicateCount.ShouldBe(0);
    }

    [Fact]
    public void Read_GhExport_FieldsMapped()
    {
        var pr = Pr(101);

        pr.Title.ShouldBe("feat(outcomes): read gh pull-request exports");
        pr.AuthorLogin.ShouldBe("alice");
        pr.AuthorIsBot.ShouldBeFalse();
        pr.CreatedAt.ShouldBe(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        pr.MergedAt.ShouldBe(new DateTimeOffset(2026, 3, 2, 13, 30, 0, TimeSpan.Zero));
        pr.HeadRef.ShouldBe("feat/review-reader");
        pr.MergeCommitSha.ShouldBe("8f3c2a1d4e5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d");
        pr.Labels.ShouldBe(["enhancement"]);
        pr.ReviewDecision.ShouldBe("APPROVED");
        pr.Reviews.ShouldBe([
            new PullRequestReview("copilot-pull-request-reviewer", ReviewState.Commented,
                new DateTimeOffset(2026, 3, 2, 9, 3, 12, TimeSpan.Zero)),
            new PullRequestReview("bob", ReviewState.Approved,
                new DateTimeOffset(2026, 3, 2, 11, 15, 0, TimeSpan.Zero)),
        ]);
    }

    [Fact]
    public void Read_BotCommentsThenPersonApproves_FactsCountThePerson()
    {
        // Created 09:00, merged 13:30: 4 h 30 min. Copilot's comment at 09:03:12 is passed over; bob approves at
        // 11:15, 2 h 15 min after opening.
        var facts = ReviewFacts.Of(Pr(101));

        facts.ReviewTime.ShouldBe(TimeSpan.FromHours(4.5));
        facts.TimeToFirstReview.ShouldBe(new TimeSpan(2, 15, 0));
        facts.Approvals.ShouldBe(1);
        facts.Approved.ShouldBeTrue();
        facts.HumanReviewed.ShouldBeTrue();
    }

    [Fact]
    public void Read_AuthorApprovesOwnPullRequest_NotCounted()
    {
        // Created 2026-03-03T08:00Z, merged 2026-03-04T10:00Z: 26 h. Gemini comments at 08:05 (a bot), "Carol"
        // approves her own pull request at 08:30 (the author), dave comments at 16:45: first review after 8 h 45 min.
        var pr = Pr(102);

        var facts = ReviewFacts.Of(pr);

        pr.ReviewDecision.ShouldBeNull();
        facts.ReviewTime.ShouldBe(TimeSpan.FromHours(26));
        facts.TimeToFirstReview.ShouldBe(new TimeSpan(8, 45, 0));
        facts.Approvals.ShouldBe(0);
        facts.Approved.ShouldBeFalse();
        facts.HumanReviewed.ShouldBeTrue();
    }

    [Fact]
    public void Read_UnmergedWithoutReviews_NothingToMeasure()
    {
        var pr = Pr(103);

        var facts = ReviewFacts.Of(pr);

        pr.MergedAt.ShouldBeNull();
        pr.MergeCommitSha.ShouldBeNull();
        pr.Reviews.ShouldBeEmpty();
        pr.Labels.ShouldBeEmpty();
        facts.ReviewTime.ShouldBeNull();
        facts.TimeToFirstReview.ShouldBeNull();
        facts.HumanReviewed.ShouldBeFalse();
    }

    [Fact]
    public void Read_DependabotApprovedByWorkflow_BotAuthorAndNoHumanReview()
    {
        // Created 06:00:00, merged 06:05:30: 5 min 30 s.
        var pr = Pr(104);

        var facts = ReviewFacts.Of(pr);

        pr.AuthorLogin.ShouldBe("app/dependabot");
        pr.AuthorIsBot.ShouldBeTrue();
        facts.ReviewTime.ShouldBe(new TimeSpan(0, 5, 30));
        facts.Approved.ShouldBeTrue();
        facts.HumanReviewed.ShouldBeFalse();
    }

    [Fact]
    public void Read_OnlyRequiredFields_Loads()
    {
        var json = """[{"number":5,"createdAt":"2026-03-02T09:00:00Z"}]"""u8;

        var result = PullRequestExport.Read(json, "minimal.json");

        var pr = result.PullRequests.ShouldHaveSingleItem();
        pr.Number.ShouldBe(5);
        pr.Title.ShouldBe(string.Empty);
        pr.AuthorLogin.ShouldBeNull();
        pr.MergedAt.ShouldBeNull();
        pr.Reviews.ShouldBeEmpty();
    }

    [Fact]
    public void Read_OffsetTimestamp_SameInstantInUtc()
    {
        // 14:30+05:30 is 09:00Z; merged 2026-03-02T13:30Z: 4 h 30 min.
        var json = """
            [{"number":6,"createdAt":"2026-03-02T14:30:00+05:30","mergedAt":"2026-03-02T13:30:00Z"}]
            """u8;

        var result = PullRequestExport.Read(json, "offsets.json");

        var pr = result.PullRequests.ShouldHaveSingleItem();
        pr.CreatedAt.ShouldBe(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        ReviewFacts.Of(pr).ReviewTime.ShouldBe(TimeSpan.FromHours(4.5));
    }

    [Fact]
    public void Read_DeletedReviewerAccount_LoginNull()
    {
        // gh writes an empty login for an account GitHub no longer knows.
        var json = """
            [{"number":7,"createdAt":"2026-03-02T09:00:00Z","reviews":[
              {"author":{"login":""},"state":"APPROVED","submittedAt":"2026-03-02T09:30:00Z"}]}]
            """u8;

        var result = PullRequestExport.Read(json, "ghost.json");

        result.PullRequests.ShouldHaveSingleItem().Reviews.ShouldHaveSingleItem().AuthorLogin.ShouldBeNull();
    }

    [Fact]
    public void Read_PendingReviewWithoutTime_Loads()
    {
        var json = """
            [{"number":8,"createdAt":"2026-03-02T09:00:00Z","reviews":[
              {"author":{"login":"bob"},"state":"PENDING","submittedAt":null}]}]
            """u8;

        var result = PullRequestExport.Read(json, "pending.json");

        result.PullRequests.ShouldHaveSingleItem().Reviews
            .ShouldBe([new PullRequestReview("bob", ReviewState.Pending, null)]);
    }
}
