using Frugal.Domain.Audit;
using Shouldly;
using Xunit;
using static Frugal.Domain.Tests.Audit.AuditFixtures;

namespace Frugal.Domain.Tests.Audit;

public sealed class SessionLinkerTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromHours(2);

    [Fact]
    public void A_commit_on_the_sessions_branch_within_the_grace_period_links()
    {
        var session = Session("s", Noon, Noon.AddHours(1));
        var inside = Commit("a", Noon.AddHours(2.9));
        var after = Commit("b", Noon.AddHours(3.1));
        var before = Commit("c", Noon.AddMinutes(-1));

        var link = new SessionLinker([Facts(inside, after, before)], Grace).Link(session);

        // Last call 13:00 + 2 h grace = 15:00: 14:54 links, 15:06 and 11:59 do not.
        link.Commits.ShouldBe([inside]);
        link.Status.ShouldBe(ShipStatus.Shipped);
    }

    [Fact]
    public void A_marker_of_the_sessions_tool_links_a_commit_of_unknown_branch_but_not_one_of_another_branch()
    {
        var session = Session("s", Noon, Noon.AddHours(1), branch: "feature/a");
        const string Claude = "feat: x\n\nCo-Authored-By: Claude <noreply@anthropic.com>";
        var other = Commit("a", Noon.AddMinutes(30), placement: CommitPlacement.Unmerged, branches: ["feature/b"]);
        var markedElsewhere = Commit(
            "b", Noon.AddMinutes(40), Claude, CommitPlacement.Unmerged, branches: ["feature/b"]);
        var markedDirect = Commit("c", Noon.AddMinutes(50), Claude);

        var link = new SessionLinker([Facts(other, markedElsewhere, markedDirect)], Grace).Link(session);

        // Another session made the commit on feature/b; the direct commit on main names no branch, and its marker
        // is the session's tool.
        link.Commits.ShouldBe([markedDirect]);
        link.Status.ShouldBe(ShipStatus.Shipped);
    }

    [Fact]
    public void The_merge_of_the_sessions_branch_links_days_later_and_carries_its_review()
    {
        var session = Session("s", Noon, Noon.AddHours(1), branch: "feature/a");
        var branchCommit = Commit("a", Noon.AddMinutes(50), placement: CommitPlacement.Merged, landedVia: "m",
            branches: ["feature/a"]);
        var approved = new CommitReview(ReviewKind.Approved, "pull request", 50, 3);
        var merge = Commit(
            "m", Noon.AddDays(2), "Merge pull request #3 from o/feature/a\n\nfeat: a", branches: ["feature/a"],
            review: approved);
        var unrelated = Commit("u", Noon.AddDays(3), "feat: b", branches: ["feature/b"]);

        var link = new SessionLinker([Facts(branchCommit, merge, unrelated)], Grace).Link(session);

        link.Commits.ShouldBe([branchCommit, merge]);
        link.Mainline.ShouldBe([merge]);
        link.Status.ShouldBe(ShipStatus.ShippedReviewed);
    }

    [Fact]
    public void A_merge_of_the_sessions_branch_from_before_the_session_does_not_link()
    {
        var session = Session("s", Noon, Noon.AddHours(1), branch: "feature/a");
        var earlier = Commit("m", Noon.AddDays(-1), "Merge pull request #1 from o/feature/a", branches: ["feature/a"]);

        new SessionLinker([Facts(earlier)], Grace).Link(session).Status.ShouldBe(ShipStatus.Unshipped);
    }

    [Fact]
    public void A_session_on_a_detached_head_links_like_one_that_logged_no_branch()
    {
        var session = Session("s", Noon, Noon.AddHours(1), branch: "HEAD");
        var commit = Commit("a", Noon.AddMinutes(30));

        session.Branches.ShouldBeEmpty();
        new SessionLinker([Facts(commit)], Grace).Link(session).Commits.ShouldBe([commit]);
    }

    [Fact]
    public void A_session_outside_every_audited_repository_says_so_rather_than_unshipped()
    {
        var session = Session("s", Noon, Noon.AddHours(1));
        session.Repository = "/elsewhere";

        new SessionLinker([Facts()], Grace).Link(session).Status.ShouldBe(ShipStatus.NoRepository);
    }
}
