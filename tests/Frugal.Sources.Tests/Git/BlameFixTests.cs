using Frugal.Sources.Git;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.Git;

public sealed class BlameFixTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Blames_the_changed_lines_on_the_commit_that_wrote_them()
    {
        using var test = new TestRepository();
        var root = test.Commit("feat: scaffold", Day1, files: ("calc.py", "def add(a, b):\n    return a + b\n"));
        var buggy = test.Commit(
            "feat: subtract", Day1.AddHours(1),
            files: ("calc.py", "def add(a, b):\n    return a + b\n\ndef sub(a, b):\n    return a + b\n"));
        test.Commit("docs: readme", Day1.AddHours(2), files: ("README.md", "hi\n"));
        var fix = test.Commit(
            "fix: sub subtracts", Day1.AddHours(3),
            files: ("calc.py", "def add(a, b):\n    return a + b\n\ndef sub(a, b):\n    return a - b\n"));

        var repository = GitRepository.Open(test.Path);
        var commit = repository.ReadCommits("HEAD", null, true).First(c => c.Sha == fix);
        var blame = repository.BlameFix(commit);

        // The fix replaced line 5 ("return a + b" in sub), which "feat: subtract" wrote; line 2 is untouched.
        blame.Candidates.ShouldBe(new Dictionary<string, int> { [buggy] = 1 });
        blame.BlamedLines.ShouldBe(1);
        blame.OnlyAdded.ShouldBeFalse();
        blame.Candidates.ShouldNotContainKey(root);
    }

    [Fact]
    public void Whitespace_only_changes_blank_lines_and_comments_are_not_followed()
    {
        using var test = new TestRepository();
        var author = test.Commit(
            "feat: value", Day1, files: ("v.cs", "class V\n{\n    int X() => 1;\n    // old note\n\n}\n"));
        test.Commit(
            "style: indent", Day1.AddHours(1),
            files: ("v.cs", "class V\n{\n        int X() => 1;\n    // old note\n\n}\n"));
        var fix = test.Commit(
            "fix: value is two", Day1.AddHours(2), files: ("v.cs", "class V\n{\n        int X() => 2;\n}\n"));

        var repository = GitRepository.Open(test.Path);
        var blame = repository.BlameFix(repository.ReadCommits("HEAD", null, true)[0]);

        // Line 3 changed: blame -w skips the indent-only commit and lands on "feat: value". The deleted comment
        // line and blank line carry no code and are not blamed.
        fix.ShouldNotBeNull();
        blame.Candidates.ShouldBe(new Dictionary<string, int> { [author] = 1 });
    }

    [Fact]
    public void A_fix_that_only_adds_lines_has_nothing_to_blame()
    {
        using var test = new TestRepository();
        test.Commit("feat: one", Day1, files: ("a.py", "x = 1\n"));
        test.Commit("fix: guard", Day1.AddHours(1), files: ("a.py", "x = 1\nassert x\n"));

        var repository = GitRepository.Open(test.Path);
        var blame = repository.BlameFix(repository.ReadCommits("HEAD", null, true)[0]);

        blame.Candidates.ShouldBeEmpty();
        blame.OnlyAdded.ShouldBeTrue();
    }

    [Fact]
    public void In_a_shallow_clone_lines_from_before_the_boundary_are_not_blamed_on_the_boundary_commit()
    {
        using var test = new TestRepository();
        test.Commit("feat: one", Day1, files: ("a.py", "x = 1\ny = 2\n"));
        test.Commit("chore: two", Day1.AddHours(1), files: ("b.py", "z = 3\n"));
        var inside = test.Commit("feat: three", Day1.AddHours(2), files: ("a.py", "x = 1\ny = 20\n"));
        test.Commit("fix: both", Day1.AddHours(3), files: ("a.py", "x = 10\ny = 200\n"));
        var clone = Path.Combine(test.Parent, "shallow");
        test.Git("clone", "-q", "--depth", "3", $"file://{test.Path}", clone);

        var repository = GitRepository.Open(clone);
        var blame = repository.BlameFix(repository.ReadCommits("HEAD", null, true)[0]);

        // Depth 3 keeps "fix", "feat: three" and "chore: two" (the boundary). Line 1 dates from "feat: one",
        // outside the clone, so blame stops at the boundary and that line names no candidate.
        repository.IsShallow.ShouldBeTrue();
        blame.Candidates.ShouldBe(new Dictionary<string, int> { [inside] = 1 });
        blame.BlamedLines.ShouldBe(2);
    }
}
