using System.Text;
using Frugal.Sources.Git;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.Git;

public sealed class GitRepositoryTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reads_every_field_of_a_commit_and_its_whole_message()
    {
        using var test = new TestRepository();
        var message = "feat: add parser\n\nBody line.\n\nCo-Authored-By: Claude <noreply@anthropic.com>";
        var sha = test.Commit(
            message, new DateTimeOffset(2026, 3, 2, 10, 30, 0, TimeSpan.FromHours(2)), TestRepository.Bob,
            TestRepository.GitHub, ("a.txt", "one\n"));

        var repository = GitRepository.Open(test.Path);
        var commit = repository.ReadCommits("HEAD", since: null, firstParent: true).ShouldHaveSingleItem();

        commit.Sha.ShouldBe(sha);
        commit.Parents.ShouldBeEmpty();
        commit.Author.ShouldBe(new Domain.Outcomes.GitIdentity("Bob Example", "bob@example.org"));
        commit.Committer.Email.ShouldBe("noreply@github.com");

        // 10:30 at +02:00 is 08:30 UTC.
        commit.AuthoredAt.UtcDateTime.ShouldBe(new DateTime(2026, 3, 2, 8, 30, 0, DateTimeKind.Utc));
        commit.Message.ShouldBe(message);
        commit.Subject.ShouldBe("feat: add parser");
    }

    [Fact]
    public void A_message_that_is_not_utf8_is_read_as_latin1_rather_than_lost()
    {
        using var test = new TestRepository();
        test.Commit("first", Day1, files: ("a.txt", "1"));
        var file = Path.Combine(test.Parent, "message.txt");

        // "fix: café" in Latin-1: é is the single byte 0xE9, which is not valid UTF-8 on its own.
        File.WriteAllBytes(file, [.. Encoding.ASCII.GetBytes("fix: caf"), 0xE9, (byte)'\n']);
        test.Git("-c", "i18n.commitEncoding=UTF-8", "commit", "-q", "--allow-empty", "--cleanup=verbatim", "-F", file);

        var commits = GitRepository.Open(test.Path).ReadCommits("HEAD", null, firstParent: true);

        commits[0].Message.ShouldBe("fix: café");
    }

    [Fact]
    public void Separator_bytes_in_names_and_messages_and_offsets_beyond_14_hours_are_read_as_written()
    {
        using var test = new TestRepository();
        var message = "feat: a\u001e b\u001f c\n\nCo-Authored-By: Claude <noreply@anthropic.com>";
        var sha = test.Commit(message, Day1, ("Eve\u001fSmith", "eve@example.org"));

        // git takes any offset it can write; .NET offsets stop at 14 hours. 10:00 at +15:00 is 19:00 UTC the day
        // before.
        test.Git("-c", "user.name=Zed", "commit", "-q", "--allow-empty", "-m", "chore: far east",
            "--date", "2026-03-03T10:00:00+1500");

        var commits = GitRepository.Open(test.Path).ReadCommits("HEAD", null, firstParent: true);

        commits.Count.ShouldBe(2);
        commits[1].Sha.ShouldBe(sha);
        commits[1].Author.Name.ShouldBe("Eve\u001fSmith");
        commits[1].Message.ShouldBe(message);
        commits[0].AuthoredAt.ShouldBe(new DateTimeOffset(2026, 3, 2, 19, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void The_mainline_follows_first_parents_and_merge_line_counts_are_against_the_first_parent()
    {
        using var test = new TestRepository();
        test.Commit("chore: start", Day1, files: ("a.txt", "1\n"));
        test.Branch("feature");
        test.Commit("feat: two lines", Day1.AddHours(1), files: ("b.txt", "1\n2\n"));
        test.Commit("feat: one more", Day1.AddHours(2), files: ("c.txt", "1\n"));
        test.Checkout("main");
        var merge = test.Merge(
            "feature", "Merge pull request #7 from someone/feature\n\nfeat: b and c", Day1.AddHours(3));

        var repository = GitRepository.Open(test.Path);
        var mainline = repository.ReadCommits("main", null, firstParent: true);
        var all = repository.ReadCommits("main", null, firstParent: false);
        var counts = repository.ReadLineCounts([.. all.Select(c => c.Sha)]);

        mainline.Select(c => c.Subject).ShouldBe(["Merge pull request #7 from someone/feature", "chore: start"]);
        all.Count.ShouldBe(4);

        // The merge brought in b.txt (2 lines) and c.txt (1 line) against its first parent.
        counts[merge].ShouldBe(new LineCounts(3, 0, 2, Known: true));
        counts[all.Single(c => c.Subject == "feat: two lines").Sha].ShouldBe(new LineCounts(2, 0, 1, true));
    }

    [Fact]
    public void A_commit_whose_blob_is_missing_has_unknown_line_counts_and_the_others_are_still_read()
    {
        using var test = new TestRepository();
        var first = test.Commit("one", Day1, files: ("a.txt", "alpha\n"));
        var second = test.Commit("two", Day1.AddHours(1), files: ("b.txt", "beta unique blob\n"));
        var third = test.Commit("three", Day1.AddHours(2), files: ("c.txt", "gamma\ngamma\n"));
        var blob = test.Git("rev-parse", "HEAD~1:b.txt").Trim();
        File.Delete(Path.Combine(test.Path, ".git", "objects", blob[..2], blob[2..]));

        var counts = GitRepository.Open(test.Path).ReadLineCounts([third, second, first]);

        counts[third].ShouldBe(new LineCounts(2, 0, 1, true));
        counts[second].Known.ShouldBeFalse();
        counts[first].ShouldBe(new LineCounts(1, 0, 1, true));
    }

    [Fact]
    public void Finds_the_default_branch_by_name_when_there_is_no_remote()
    {
        using var test = new TestRepository("trunk");
        test.Commit("one", Day1);
        test.Branch("topic");

        var branch = GitRepository.Open(test.Path).FindDefaultBranch();

        branch.Name.ShouldBe("trunk");
        branch.FoundBy.ShouldBe("name");
    }

    [Fact]
    public void Follows_origin_head_after_the_server_renamed_its_default_branch()
    {
        using var origin = new TestRepository("main");
        origin.Commit("one", Day1);
        origin.Git("branch", "-m", "main", "develop");
        var clone = Path.Combine(origin.Parent, "clone");
        origin.Git("clone", "-q", origin.Path, clone);

        var branch = GitRepository.Open(clone).FindDefaultBranch();

        branch.Name.ShouldBe("develop");
        branch.Revision.ShouldBe("refs/remotes/origin/develop");
        branch.FoundBy.ShouldBe("origin/HEAD");
    }

    [Fact]
    public void Unmerged_commits_are_read_with_their_branch()
    {
        using var test = new TestRepository();
        test.Commit("one", Day1);
        test.Branch("claude/try-thing");
        var sha = test.Commit("feat: experiment", Day1.AddHours(1));
        test.Checkout("main");
        test.Commit("two", Day1.AddHours(2));

        var unmerged = GitRepository.Open(test.Path).ReadUnmergedCommits("refs/heads/main", Day1.AddDays(-1));

        var commit = unmerged.ShouldHaveSingleItem();
        commit.Branch.ShouldBe("claude/try-thing");
        commit.Commit.Sha.ShouldBe(sha);
    }

    [Fact]
    public void A_path_outside_any_repository_is_refused_with_what_to_pass()
    {
        var folder = Directory.CreateTempSubdirectory("frugal-not-a-repo-");
        try
        {
            var error = Should.Throw<GitException>(() => GitRepository.Open(folder.FullName));
            error.Message.ShouldBe(
                $"{folder.FullName} is not inside a git repository; pass --repo with a repository's path.");
            GitRepository.FindRoot(folder.FullName).ShouldBeNull();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
