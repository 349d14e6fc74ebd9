using Frugal.Cli.Audit;
using Frugal.Domain.Audit;
using Frugal.Sources.Git;
using Frugal.Sources.Tests.Git;
using Frugal.Storage.Ledger;
using Shouldly;

namespace Frugal.Cli.Tests.Audit;

/// <summary>What the audit reads from repositories built in the test, one history shape at a time.</summary>
public sealed class RepositoryAuditorTests
{
    private static readonly DateTimeOffset March1 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly string Claude = "\n\nCo-Authored-By: Claude <noreply@anthropic.com>";

    [Fact]
    public void Whether_a_merge_is_ai_marked_does_not_depend_on_where_the_window_starts()
    {
        using var test = new TestRepository();
        test.Commit("chore: start", March1);
        test.Branch("side");
        test.Commit("feat: thing" + Claude, March1.AddHours(1));
        test.Checkout("main");
        test.Commit("chore: other", March1.AddDays(2));
        var merge = test.Merge(
            "side", "Merge pull request #4 from o/side\n\nfeat: thing", March1.AddDays(4), TestRepository.Bob);

        // The branch commit is three days older than a window starting on the merge's day.
        foreach (var from in (DateTimeOffset[])[March1.AddHours(-10), March1.AddDays(3.5)])
        {
            var facts = Read(test, from);
            var landed = facts.Commits.Single(c => c.Commit.Sha == merge);
            landed.Ai.IsMarked.ShouldBeTrue($"window from {from:yyyy-MM-dd}");
            landed.Change.Kind.ShouldBe(Domain.Outcomes.ChangeKind.Feature);
        }
    }

    [Fact]
    public void Pulling_the_default_branch_into_local_work_keeps_the_real_mainline_and_is_no_review()
    {
        using var test = new TestRepository();
        var origin = test.Path;
        test.Commit("chore: start", March1, files: ("a.txt", "1\n"));
        var clone = Path.Combine(test.Parent, "clone");
        test.Git("clone", "-q", origin, clone);

        // On the server: a pull request lands. Locally: Bob commits, then pulls (a merge whose second parent is
        // the server's main), then pushes. The server's feature must stay on the mainline.
        test.Commit("feat: server side (#9)", March1.AddHours(2), TestRepository.Alice, files: ("b.txt", "2\n"));
        RunGit(clone, March1.AddHours(3), "commit", "-q", "--allow-empty", "-m", "fix: local work");
        RunGit(clone, March1.AddHours(4), "pull", "-q", "--no-rebase", "--no-edit", "origin", "main");
        var pull = RunGit(clone, March1.AddHours(4), "rev-parse", "HEAD").Trim();
        RunGit(clone, March1.AddHours(4), "push", "-q", "origin", "HEAD:refs/heads/published");
        test.Git("merge", "-q", "--ff-only", "published");

        var facts = Read(test, March1.AddHours(-1));
        var mainline = facts.Commits.Where(c => c.Placement == CommitPlacement.Mainline).ToList();

        mainline.Select(c => c.Commit.Subject).ShouldContain("feat: server side (#9)");
        mainline.Select(c => c.Commit.Subject).ShouldNotContain("fix: local work");
        var merge = facts.Commits.Single(c => c.Commit.Sha == pull);
        merge.Review.Kind.ShouldBe(ReviewKind.Unknown);
        facts.Commits.Single(c => c.Commit.Subject == "fix: local work").LandedVia.ShouldBe(pull);
    }

    [Fact]
    public void A_branch_that_exists_only_on_the_remote_is_named_without_the_remote()
    {
        using var test = new TestRepository();
        test.Commit("chore: start", March1);
        test.Branch("feature/x");
        test.Commit("feat: x", March1.AddHours(1));
        test.Checkout("main");
        var clone = Path.Combine(test.Parent, "clone");
        test.Git("clone", "-q", test.Path, clone);

        var facts = Read(clone, March1.AddHours(-1));

        var unmerged = facts.Commits.Single(c => c.Placement == CommitPlacement.Unmerged);
        unmerged.Branches.ShouldBe(["feature/x"]);
    }

    [Fact]
    public void A_commit_with_a_wrong_clock_does_not_cut_the_mainline_short()
    {
        using var test = new TestRepository();
        test.Commit("feat: one", March1.AddDays(2));
        test.Commit("fix: two", March1.AddDays(3));
        var skewed = test.Commit("chore: wrong clock", new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero));
        test.Commit("feat: four", March1.AddDays(5));

        var facts = Read(test, March1);
        var mainline = facts.Commits.Where(c => c.Placement == CommitPlacement.Mainline).ToList();

        mainline.Select(c => c.Commit.Subject).ShouldBe(["feat: four", "chore: wrong clock", "fix: two", "feat: one"]);
        facts.Commits.Single(c => c.Commit.Sha == skewed).Commit.CommittedAt.Year.ShouldBe(2001);
    }

    [Fact]
    public void A_bare_mirror_is_read_like_its_work_tree_and_a_window_from_1970_reads_everything()
    {
        using var test = new TestRepository();
        test.Commit("feat: early", new DateTimeOffset(1972, 5, 1, 0, 0, 0, TimeSpan.Zero));
        test.Commit("feat: later", March1);
        var mirror = Path.Combine(test.Parent, "mirror.git");
        test.Git("clone", "-q", "--mirror", test.Path, mirror);

        var facts = Read(mirror, new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero));

        facts.Root.ShouldBe(mirror);
        facts.Commits.Select(c => c.Commit.Subject).ShouldBe(["feat: later", "feat: early"]);
    }

    private static RepositoryFacts Read(TestRepository test, DateTimeOffset from) => Read(test.Path, from);

    private static RepositoryFacts Read(string path, DateTimeOffset from)
    {
        var folder = Directory.CreateTempSubdirectory("frugal-auditor-");
        try
        {
            using var ledger = UsageLedger.Open(Path.Combine(folder.FullName, "ledger.db"));
            return new RepositoryAuditor(GitRepository.Open(path), ledger, PullRequestIndex.None).Read(from);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string RunGit(string directory, DateTimeOffset when, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git")
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var date = when.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Bob Example";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "bob@example.org";
        start.Environment["GIT_AUTHOR_DATE"] = start.Environment["GIT_COMMITTER_DATE"] = date;
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, errors);
        return output;
    }
}
