using Frugal.Domain.Outcomes;
using Shouldly;
using Xunit;
using static Frugal.Domain.Tests.Outcomes.TestCommits;

namespace Frugal.Domain.Tests.Outcomes;

public sealed class CommitClassifierTests
{
    [Theory]
    [InlineData("feat: add the export command", ChangeKind.Feature, "feat", null, false)]
    [InlineData("feature: add paging", ChangeKind.Feature, "feature", null, false)]
    [InlineData("FEAT(API): add paging", ChangeKind.Feature, "feat", "API", false)]
    [InlineData("fix: handle an empty file", ChangeKind.Fix, "fix", null, false)]
    [InlineData("Fix(parser): handle tabs", ChangeKind.Fix, "fix", "parser", false)]
    [InlineData("bugfix: off by one", ChangeKind.Fix, "bugfix", null, false)]
    [InlineData("hotfix(prod): restore login", ChangeKind.Fix, "hotfix", "prod", false)]
    [InlineData("fix(schema)!: drop the legacy column", ChangeKind.Fix, "fix", "schema", true)]
    [InlineData("feat!: new config format", ChangeKind.Feature, "feat", null, true)]
    [InlineData("revert: feat: add paging", ChangeKind.Revert, "revert", null, false)]
    [InlineData("chore(deps): bump xunit", ChangeKind.Other, "chore", "deps", false)]
    [InlineData("bd: sync issues", ChangeKind.Other, "bd", null, false)]
    [InlineData("Docs: fix a typo", ChangeKind.Other, "docs", null, false)]
    [InlineData("feat(): empty scope", ChangeKind.Feature, "feat", null, false)]
    public void Classify_ConventionalSubject_ReadsTypeScopeAndBreaking(
        string subject,
        ChangeKind kind,
        string type,
        string? scope,
        bool breaking)
    {
        var commit = Commit($"{subject}\n\nWhy it changed.");

        var change = CommitClassifier.Classify(commit);

        change.Kind.ShouldBe(kind);
        change.Type.ShouldBe(type);
        change.Scope.ShouldBe(scope);
        change.Breaking.ShouldBe(breaking);
        change.Title.ShouldBe(subject);
        change.PullRequest.ShouldBeNull();
        change.MergedBranch.ShouldBeNull();
    }

    [Theory]
    [InlineData("Update README")]
    [InlineData("Fix typo: in the README")]
    [InlineData("feat:no space after the colon")]
    [InlineData("feat: ")]
    [InlineData("v1.2: release")]
    [InlineData("")]
    public void Classify_UnconventionalSubject_IsOtherWithoutType(string subject)
    {
        var commit = Commit(subject);

        var change = CommitClassifier.Classify(commit);

        change.Kind.ShouldBe(ChangeKind.Other);
        change.Type.ShouldBeNull();
        change.Title.ShouldBe(subject.Trim());
    }

    [Theory]
    [InlineData("BREAKING CHANGE: the config file moved")]
    [InlineData("BREAKING-CHANGE: the config file moved")]
    public void Classify_BreakingFooter_IsBreaking(string footer)
    {
        var commit = Commit($"feat: move the config\n\nBody.\n\n{footer}\nRefs: #12");

        var change = CommitClassifier.Classify(commit);

        change.Kind.ShouldBe(ChangeKind.Feature);
        change.Breaking.ShouldBeTrue();
    }

    [Fact]
    public void Classify_LowerCaseBreakingChangeText_IsNotBreaking()
    {
        var commit = Commit("feat: move the config\n\nbreaking change: none really");

        var change = CommitClassifier.Classify(commit);

        change.Breaking.ShouldBeFalse();
    }

    [Fact]
    public void Classify_HumanlayerStyleGitHubMerge_TakesTypeFromThePullRequestTitle()
    {
        var commit = Commit(
            """
            Merge pull request #885 from jeanduplessis/fix-log-file-path

            fix: Use dynamic log file name based on the environment
            """,
            parentCount: 2);

        var change = CommitClassifier.Classify(commit);

        change.Kind.ShouldBe(ChangeKind.Fix);
        change.Type.ShouldBe("fix");
        change.Title.ShouldBe("fix: Use dynamic log file name based on the environment");
        change.PullRequest.ShouldBe(885);
        change.MergedBranch.ShouldBe("fix-log-file-path");
    }

    [Fact]
    public void Classify_GitHubMergeOfNestedBranch_KeepsEverythingAfterTheOwner()
    {
        var commit = Commit(
            "Merge pull request #29462 from anthropics/claude/remove-oncall-label-bGF7H\n\n"
            + "feat(triage)!: remove the oncall label\n\nBREAKING CHANGE: dashboards filter on it",
            parentCount: 2);

        var change = CommitClassifier.Classify(commit);

        change.Kind.ShouldBe(ChangeKind.Feature);
        change.Scope.ShouldBe("triage");
        change.Breaking.ShouldBeTrue();
        change.MergedBranch.ShouldBe("claude/remove-oncall-label-bGF7H");
    }

    [Fact]
    public void Classify_GitHubMergeWithoutTitle_IsOtherTitledBySubject()
    {
        var commit = Commit("Merge pull request #12 from jane/feat-x\n\n", parentCount: 2);

        var change = CommitClassifier.Classify(commit);

        change.Kind.ShouldBe(ChangeKind.Other);
        change.Type.ShouldBeNull();
        change.Title.ShouldBe("Merge pull request #12 from jane/feat-x");
        change.PullRequest.ShouldBe(12);
        change.MergedBranch.ShouldBe("feat-x");
    }

    [Fact]
    public void Classify_GitHubMergeWithPlainTitle_IsOtherTitledByThePullRequest()
    {
        var commit = Commit("Merge pull request #7 from jane/docs\n\nImprove the install guide", parentCount: 2);

        var change = CommitClassifier.Classify(commit);

        change.Kind.ShouldBe(ChangeKind.Other);
        change.Title.ShouldBe("Improve the install guide");
        change.PullRequest.ShouldBe(7);
    }

    [Theory]
    [InlineData("feat(cli): add --json output (#123)", ChangeKind.Feature, "feat(cli): add --json output", 123)]
    [InlineData("fix: handle an empty config file (#412)", ChangeKind.Fix, "fix: handle an empty config file", 412)]
    [InlineData("Update the docs (#45)", ChangeKind.Other, "Update the docs", 45)]
    public void Classify_SquashSubject_ReadsThePullRequestNumber(
        string subject,
        ChangeKind kind,
        string title,
        int pullRequest)
    {
        var commit = Commit($"{subject}\n\n* first\n\n* second\n\n---------\n\nCo-authored-by: Jane <jane@doe.dev>");

        var change = CommitClassifier.Classify(commit);

        change.Kind.ShouldBe(kind);
        change.Title.ShouldBe(title);
        change.PullRequest.ShouldBe(pullRequest);
        change.MergedBranch.ShouldBeNull();
    }

    [Theory]
    [InlineData("feat: add x(#12)")]
    [InlineData("feat: add x (#abc)")]
    [InlineData("feat: add x (#)")]
    [InlineData("feat: add x (#99999999999)")]
    public void Classify_SubjectWithoutAValidSquashSuffix_HasNoPullRequest(string subject)
    {
        var commit = Commit(subject);

        var change = CommitClassifier.Classify(commit);

        change.PullRequest.ShouldBeNull();
        change.Kind.ShouldBe(ChangeKind.Feature);
        change.Title.ShouldBe(subject);
    }

    [Fact]
    public void Classify_GitLabMerge_ReadsTitleRequestAndSourceBranch()
    {
        var commit = Commit(
            """
            Merge branch 'feature/login-page' into 'main'

            feat(auth): add the login page

            Closes #31

            See merge request platform/web!42
            """,
            parentCount: 2);

        var change = CommitClassifier.Classify(commit);

        change.Kind.ShouldBe(ChangeKind.Feature);
        change.Scope.ShouldBe("auth");
        change.Title.ShouldBe("feat(auth): add the login page");
        change.PullRequest.ShouldBe(42);
        change.MergedBranch.ShouldBe("feature/login-page");
    }

    [Fact]
    public void Classify_GitLabMergeWithoutTitle_IsOtherWithRequestNumber()
    {
        var commit = Commit(
            "Merge branch 'hotfix' into 'main'\n\nSee merge request group/sub/project!7",
            parentCount: 2);

        var change = CommitClassifier.Classify(commit);

        change.Kind.ShouldBe(ChangeKind.Other);
        change.Title.ShouldBe("Merge branch 'hotfix' into 'main'");
        change.PullRequest.ShouldBe(7);
        change.MergedBranch.ShouldBe("hotfix");
    }

    [Fact]
    public void Classify_PlainGitBranchMerge_KeepsBranchButReadsNoTitle()
    {
        // git's own merge body lists the merged commits; their subjects are not this merge's title.
        var commit = Commit("Merge branch 'topic'\n\n* topic:\n  feat: add x", parentCount: 2);

        var change = CommitClassifier.Classify(commit);

        change.Kind.ShouldBe(ChangeKind.Other);
        change.PullRequest.ShouldBeNull();
        change.MergedBranch.ShouldBe("topic");
    }

    [Fact]
    public void Classify_GitRevertOfAFeature_IsRevertWithTheRevertedSha()
    {
        var commit = Commit(
            """
            Revert "feat: x"

            This reverts commit 1F63BD73BFC31AABC85930E1269306075B6A18AD.
            """);

        var change = CommitClassifier.Classify(commit);

        change.Kind.ShouldBe(ChangeKind.Revert);
        change.Type.ShouldBeNull();
        change.Title.ShouldBe("Revert \"feat: x\"");
        change.RevertedShas.ShouldBe(["1f63bd73bfc31aabc85930e1269306075b6a18ad"]);
    }

    [Fact]
    public void Classify_RevertOfAMerge_TakesOnlyTheRevertedCommit()
    {
        var commit = Commit(
            """
            Revert "Merge pull request #9 from jane/x"

            This reverts commit e701e34c38c034dc35ba4fcd5784ca6b61cc655b, reversing
            changes made to 390ff9d31ccee85bef732e8140b5eeecd7ee176f.
            """);

        var change = CommitClassifier.Classify(commit);

        change.Kind.ShouldBe(ChangeKind.Revert);
        change.RevertedShas.ShouldBe(["e701e34c38c034dc35ba4fcd5784ca6b61cc655b"]);
    }

    [Fact]
    public void Classify_SquashOfTwoReverts_ListsBothShasInOrder()
    {
        var commit = Commit(
            """
            revert: back out the cache (#50)

            * Revert "feat: cache"

            This reverts commit aaaaaaa1234.

            * Revert "feat: cache ttl"

            This reverts commit bbbbbbb5678.
            """);

        var change = CommitClassifier.Classify(commit);

        change.Kind.ShouldBe(ChangeKind.Revert);
        change.Type.ShouldBe("revert");
        change.PullRequest.ShouldBe(50);
        change.RevertedShas.ShouldBe(["aaaaaaa1234", "bbbbbbb5678"]);
    }

    [Fact]
    public void Classify_FixesTrailer_ListsTheFixedSha()
    {
        var commit = Commit(
            """
            fix(cache): evict on write

            The cache kept stale entries after a write.

            Fixes: 1f63bd73bfc3 ("feat(cache): add a write-through cache")
            Signed-off-by: Jane Doe <jane@doe.dev>
            """);

        var change = CommitClassifier.Classify(commit);

        change.Kind.ShouldBe(ChangeKind.Fix);
        change.FixesShas.ShouldBe(["1f63bd73bfc3"]);
    }

    [Fact]
    public void Classify_FixesTrailersInAnyCaseMidBody_ListsEachOnce()
    {
        var commit = Commit(
            """
            Squash of fixes (#3)

            * one
              fixes: ABCDEF1234567
            * two
            FIXES: 0123456789abcdef0123456789abcdef01234567
            Fixes: abcdef1234567
            """);

        var change = CommitClassifier.Classify(commit);

        change.FixesShas.ShouldBe(["abcdef1234567", "0123456789abcdef0123456789abcdef01234567"]);
    }

    [Theory]
    [InlineData("Fixes: #123")]
    [InlineData("Fixes: 1234567")]
    [InlineData("Fixes: defaced")]
    [InlineData("Fixes: abc12")]
    [InlineData("Fixes: 1f63bd73bfc3x")]
    [InlineData("This Fixes: 1f63bd73bfc3")]
    [InlineData("Fixes https://github.com/o/r/issues/1")]
    public void Classify_FixesLineWithoutASha_ListsNothing(string line)
    {
        var commit = Commit($"fix: a thing\n\n{line}");

        var change = CommitClassifier.Classify(commit);

        change.FixesShas.ShouldBeEmpty();
    }
}
