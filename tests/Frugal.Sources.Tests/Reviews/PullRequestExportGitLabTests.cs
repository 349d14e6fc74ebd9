using Frugal.Domain.Outcomes;
using Frugal.Sources.Reviews;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.Reviews;

public sealed class PullRequestExportGitLabTests
{
    private static readonly PullRequestExportResult Export =
        PullRequestExport.Read(ReviewFixtures.PathOf("gitlab-merged.json"));

    private static PullRequest Mr(int iid) => Export.PullRequests.Single(pr => pr.Number == iid);

    [Fact]
    public void Read_GitLabList_EveryMergeRequestLoaded()
    {
        var numbers = Export.PullRequests.Select(pr => pr.Number);

        numbers.ShouldBe([7, 8, 9]);
        Export.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Read_Squashed_SquashCommitIsTheLandedCommit()
    {
        var mr = Mr(7);

        mr.MergeCommitSha.ShouldBe("0b1a2f3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a");
        mr.Title.ShouldBe("Read merge requests for review time");
        mr.AuthorLogin.ShouldBe("alice");
        mr.AuthorIsBot.ShouldBeFalse();
        mr.HeadRef.ShouldBe("feature/gitlab-reader");
        mr.Labels.ShouldBe(["backend", "review-time"]);
        mr.ReviewDecision.ShouldBeNull();
    }

    [Fact]
    public void Read_SquashedMillisecondTimes_ReviewTimeAndApprovalWithoutTime()
    {
        // Created 09:00:00.000Z, merged 10:20:00.000Z: 1 h 20 min. bob is both a requested reviewer (not a review)
        // and in approved_by (an approval without a time).
        var mr = Mr(7);

        var facts = ReviewFacts.Of(mr);

        mr.Reviews.ShouldBeEmpty();
        mr.ApprovedBy.ShouldBe(["bob"]);
        facts.ReviewTime.ShouldBe(new TimeSpan(1, 20, 0));
        facts.TimeToFirstReview.ShouldBeNull();
        facts.Approvals.ShouldBe(1);
        facts.HumanReviewed.ShouldBeTrue();
    }

    [Fact]
    public void Read_MergeCommitWithOffsets_MergeCommitAndExactTime()
    {
        // 10:00+01:00 → 15:30+01:00: 5 h 30 min. The author and a project token's bot approved: neither counts.
        var mr = Mr(8);

        var facts = ReviewFacts.Of(mr);

        mr.MergeCommitSha.ShouldBe("1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d");
        mr.CreatedAt.ShouldBe(new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero));
        facts.ReviewTime.ShouldBe(new TimeSpan(5, 30, 0));
        facts.Approvals.ShouldBe(0);
        facts.Approved.ShouldBeFalse();
        facts.HumanReviewed.ShouldBeFalse();
    }

    [Fact]
    public void Read_FastForwardSquashWithReviewerStates_SquashCommitAndStatedReviewsOnly()
    {
        // 2026-03-04T09:00Z → 2026-03-05T09:00Z: 24 h. erin requested changes; frank has not reviewed.
        var mr = Mr(9);

        var facts = ReviewFacts.Of(mr);

        mr.MergeCommitSha.ShouldBe("2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e");
        mr.Reviews.ShouldBe([new PullRequestReview("erin", ReviewState.ChangesRequested, null)]);
        facts.ReviewTime.ShouldBe(TimeSpan.FromHours(24));
        facts.HumanReviewed.ShouldBeTrue();
        facts.Approved.ShouldBeFalse();
    }

    [Fact]
    public void Read_GitLabJsonLines_OneObjectPerLine()
    {
        // What `jq -c '.[]'` makes of the list: one merge request per line.
        var json = """
            {"iid":1,"title":"a","created_at":"2026-03-02T09:00:00.000Z","merged_at":"2026-03-02T09:30:00.000Z"}
            {"iid":2,"title":"b","created_at":"2026-03-02T10:00:00.000Z","merged_at":null}
            """u8;

        var result = PullRequestExport.Read(json, "mrs.jsonl");

        result.PullRequests.Select(pr => pr.Number).ShouldBe([1, 2]);
        ReviewFacts.Of(result.PullRequests[0]).ReviewTime.ShouldBe(TimeSpan.FromMinutes(30));
        result.PullRequests[1].MergedAt.ShouldBeNull();
    }

    [Fact]
    public void Read_GitLabMissingCreatedAt_SkippedWithIid()
    {
        var json = """[{"iid":3,"title":"c","merged_at":"2026-03-02T09:30:00.000Z"}]"""u8;

        var result = PullRequestExport.Read(json, "mrs.json");

        result.PullRequests.ShouldBeEmpty();
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Number.ShouldBe(3);
        diagnostic.Reason.ShouldContain("no \"created_at\"");
    }
}
