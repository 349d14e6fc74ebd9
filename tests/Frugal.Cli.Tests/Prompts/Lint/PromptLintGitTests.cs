using Frugal.Cli.Tests.Support;
using Frugal.Sources.Tests.Git;
using Frugal.Sources.Tests.Prompts.Lint;
using Frugal.Storage.Tests.TestData;
using Shouldly;

namespace Frugal.Cli.Tests.Prompts.Lint;

/// <summary>
/// <c>frugal prompt lint --git</c> against real repositories: the history it reads, the files it follows and the
/// approvals it accepts.
/// </summary>
public sealed class PromptLintGitTests : IDisposable
{
    /// <summary>A prompt that breaks no rule; each test changes one line of it.</summary>
    private const string Clean = LintSamples.Clean;

    private const string Bom = "\uFEFF";

    private static readonly DateTimeOffset Day = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _home = new();
    private readonly TestRepository _repo = new();

    public void Dispose()
    {
        _repo.Dispose();
        _home.Dispose();
    }

    private static string Prompt(string version, string reviewers = "alice") => Clean
        .Replace("1.0.0", version, StringComparison.Ordinal)
        .Replace("[alice]", $"[{reviewers}]", StringComparison.Ordinal);

    private static string Backwards(string file, string version, string previous, string commit) =>
        $"{file}\n  10: error [version-backwards] metadata.version {version} is lower than {previous}, committed in "
        + $"{commit[..7]}: a version never goes back; set one above {previous}\n\n"
        + "1 file linted: 1 error, 0 warnings.\n";

    private FrugalProcess.Result LintGit(string arguments = "") =>
        FrugalProcess.Shell(_home.Path, $"cd '{_repo.Path}' && $FRUGAL prompt lint --git {arguments}");

    [Fact]
    public void LintGit_ACommittedDowngradeOfAFileWithABom_IsFound()
    {
        var added = _repo.Commit("Add", Day, files:
            [("CODEOWNERS", "* @alice\n"), ("prompts/t.prompt.yml", Bom + Prompt("1.3.0"))]);
        _repo.Commit("Go back", Day.AddDays(1), files: [("prompts/t.prompt.yml", Bom + Prompt("1.0.5"))]);

        var result = LintGit();

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stdout.ShouldBe(Backwards("prompts/t.prompt.yml", "1.0.5", "1.3.0", added));
    }

    [Fact]
    public void LintGit_AVersionAboveTheLastCommitButBelowAnEarlierOne_IsFound()
    {
        var added = _repo.Commit("Add", Day, files:
            [("CODEOWNERS", "* @alice\n"), ("prompts/t.prompt.yml", Prompt("2.0.0"))]);
        _repo.Commit("Go back", Day.AddDays(1), files: [("prompts/t.prompt.yml", Prompt("1.0.0"))]);
        _repo.Commit("Step up from there", Day.AddDays(2), files: [("prompts/t.prompt.yml", Prompt("1.0.1"))]);

        var result = LintGit();

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stdout.ShouldBe(Backwards("prompts/t.prompt.yml", "1.0.1", "2.0.0", added));
    }

    [Fact]
    public void LintGit_ACommittedDowngradeCheckedOutWithCrlf_IsFound()
    {
        // With core.autocrlf git stores LF and checks out CRLF: the working copy is the commit all the same.
        _repo.Git("config", "core.autocrlf", "true");
        var added = _repo.Commit("Add", Day, files:
            [("CODEOWNERS", "* @alice\n"), ("prompts/t.prompt.yml", Crlf(Prompt("1.3.0")))]);
        _repo.Commit("Go back", Day.AddDays(1), files: [("prompts/t.prompt.yml", Crlf(Prompt("1.0.5")))]);

        var result = LintGit();

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stdout.ShouldBe(Backwards("prompts/t.prompt.yml", "1.0.5", "1.3.0", added));
        _repo.Git("show", "HEAD:prompts/t.prompt.yml").Contains('\r', StringComparison.Ordinal).ShouldBeFalse();
    }

    [Fact]
    public void LintGit_ARenameAndADowngradeInOneCommit_IsFound()
    {
        var added = _repo.Commit("Add", Day, files:
            [("CODEOWNERS", "* @alice\n"), ("prompts/old.prompt.yml", Prompt("2.0.0"))]);
        _repo.Git("mv", "prompts/old.prompt.yml", "prompts/new.prompt.yml");
        _repo.Commit("Rename and go back", Day.AddDays(1), files: [("prompts/new.prompt.yml", Prompt("1.0.0"))]);

        var result = LintGit();

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stdout.ShouldBe(Backwards("prompts/new.prompt.yml", "1.0.0", "2.0.0", added));
    }

    [Fact]
    public void LintGit_AStagedRenameAndADowngradeOnDisk_IsFound()
    {
        var added = _repo.Commit("Add", Day, files:
            [("CODEOWNERS", "* @alice\n"), ("prompts/old.prompt.yml", Prompt("2.0.0"))]);
        _repo.Git("mv", "prompts/old.prompt.yml", "prompts/new.prompt.yml");
        File.WriteAllText(Path.Combine(_repo.Path, "prompts", "new.prompt.yml"), Prompt("1.0.0"));

        var result = LintGit();

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stdout.ShouldBe(Backwards("prompts/new.prompt.yml", "1.0.0", "2.0.0", added));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void LintGit_AReviewedByTrailerFromBeforeARename_StillCounts(bool committed)
    {
        _repo.Commit("Add\n\nReviewed-by: carol\n", Day, files: [("prompts/old.prompt.yml", Prompt("1.0.0", "carol"))]);
        _repo.Git("mv", "prompts/old.prompt.yml", "prompts/new.prompt.yml");
        if (committed)
        {
            _repo.Commit("Rename", Day.AddDays(1));
        }

        var result = LintGit();

        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
        result.Stdout.ShouldBe("1 file linted: 0 errors, 0 warnings.\n");
    }

    [Fact]
    public void LintGit_ALinkedPromptFile_IsJudgedByTheHistoryOfTheFileItLinksTo()
    {
        var added = _repo.Commit(
            "Add", Day, files: [("CODEOWNERS", "* @alice\n"), ("common/t.prompt.yml", Prompt("2.0.0"))]);
        Directory.CreateDirectory(Path.Combine(_repo.Path, "prompts"));
        File.CreateSymbolicLink(Path.Combine(_repo.Path, "prompts", "t.prompt.yml"), "../common/t.prompt.yml");
        _repo.Git("add", "prompts/t.prompt.yml");
        _repo.Commit("Link it", Day.AddDays(1));
        File.WriteAllText(Path.Combine(_repo.Path, "common", "t.prompt.yml"), Prompt("1.0.0"));

        var result = LintGit("prompts");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stdout.ShouldBe(Backwards("prompts/t.prompt.yml", "1.0.0", "2.0.0", added));
    }

    [Fact]
    public void LintGit_ABracketInAFileName_IsNotAPatternThatMatchesAnotherFile()
    {
        // As a pathspec, [a] is a character class: prompts/[a].prompt.yml would match prompts/a.prompt.yml. The two
        // texts differ, so that git does not take one for a copy of the other.
        _repo.Commit("Add a\n\nReviewed-by: carol\n", Day, files: [("prompts/a.prompt.yml", "name: a\n")]);
        _repo.Commit("Add [a]", Day.AddDays(1), files: [("prompts/[a].prompt.yml", Prompt("1.0.0", "carol"))]);

        var result = LintGit("'prompts/[a].prompt.yml'");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stdout.ShouldBe("prompts/[a].prompt.yml\n"
            + "  11: error [reviewer-unverified] metadata.reviewers: carol is not a code owner (there is no "
            + "CODEOWNERS file) and approved no commit that changed this file: add carol to CODEOWNERS, or have carol "
            + "review the change and add a Reviewed-by: carol trailer\n\n"
            + "1 file linted: 1 error, 0 warnings.\n");
    }

    [Fact]
    public void LintGit_ACopyOfAnApprovedPrompt_DoesNotInheritItsApprovals()
    {
        _repo.Commit("Add a\n\nReviewed-by: carol\n", Day, files: [("prompts/a.prompt.yml", Prompt("2.0.0", "carol"))]);
        _repo.Commit("Copy a", Day.AddDays(1), files: [("prompts/b.prompt.yml", Prompt("1.0.0", "carol"))]);

        var result = LintGit("prompts/b.prompt.yml");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stdout.ShouldBe("prompts/b.prompt.yml\n"
            + "  11: error [reviewer-unverified] metadata.reviewers: carol is not a code owner (there is no "
            + "CODEOWNERS file) and approved no commit that changed this file: add carol to CODEOWNERS, or have carol "
            + "review the change and add a Reviewed-by: carol trailer\n\n"
            + "1 file linted: 1 error, 0 warnings.\n");
    }

    [Theory]
    [InlineData("Tweak\n\nAs agreed with\n    Reviewed-by: carol\nin the meeting.\n")]
    [InlineData("Tweak\n\nReviewed-by: carol\n\nMore text after it.\n")]
    public void LintGit_AReviewedByLineOutsideTheTrailers_DoesNotCount(string message)
    {
        _repo.Commit(message, Day, files: [("prompts/t.prompt.yml", Prompt("1.0.0", "carol"))]);

        var result = LintGit();

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stdout.ShouldContain("[reviewer-unverified] metadata.reviewers: carol is not a code owner");
    }

    [Fact]
    public void LintGit_ReviewedByAndApprovedByTrailers_CountAfterOtherTrailers()
    {
        _repo.Commit("Tweak\n\nWhy it changed.\n\nSigned-off-by: Alice Example <alice@example.org>\n"
            + "reviewed-by: carol\nApproved-By: Dave Example <4567+dave@users.noreply.github.com>\n", Day,
            files: [("prompts/t.prompt.yml", Prompt("1.0.0", "carol, '@dave'"))]);

        var result = LintGit();

        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
    }

    private static string Crlf(string text) => text.Replace("\n", "\r\n", StringComparison.Ordinal);
}
