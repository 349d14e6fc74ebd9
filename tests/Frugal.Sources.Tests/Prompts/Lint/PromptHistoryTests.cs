using Frugal.Domain.Prompts.Lint;
using Frugal.Sources.Prompts.Lint;
using Frugal.Sources.Tests.Git;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.Prompts.Lint;

public sealed class PromptHistoryTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly TestRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    private static string Prompt(string version, string reviewers) => $"""
        name: t
        model: openai/gpt-4o-mini
        messages:
          - role: user
            content: "Answer {'{'}{'{'}question{'}'}{'}'}"
        testData:
          - question: Why?
        metadata:
          version: {version}
          reviewers: [{reviewers}]
        """;

    private string PromptPath => Path.Combine(_repo.Path, "prompts", "t.prompt.yml");

    [Fact]
    public void Read_AnEditedFile_ComparesWithItsLastCommit_AndReadsTrailersAndCodeOwners()
    {
        _repo.Commit("Add the prompt", Day, files:
            [(".github/CODEOWNERS", "# owners\nprompts/ @alice @org/prompt-team\n"),
                ("prompts/t.prompt.yml", Prompt("1.2.0", "alice"))]);
        var tightened = _repo.Commit(
            "Tighten the prompt\n\nReviewed-by: Bob Example <123+bob@users.noreply.github.com>\n", Day.AddDays(1),
            files: [("prompts/t.prompt.yml", Prompt("1.3.0", "alice, bob"))]);
        File.WriteAllText(PromptPath, Prompt("1.1.0", "alice, bob, carol"));

        var history = PromptHistory.Read(PromptPath);

        history.Earlier.Select(r => r.Text).ShouldBe([Prompt("1.3.0", "alice, bob"), Prompt("1.2.0", "alice")]);
        history.Approvals.ShouldBe(["Bob Example <123+bob@users.noreply.github.com>"]);
        history.CodeOwners.ShouldBe(["alice", "org/prompt-team"]);
        history.Check("@alice").ShouldBe((true, false));
        history.Check("bob").ShouldBe((false, true));
        history.Check("carol").ShouldBe((false, false));
        PromptLinter.LintFile(PromptPath, "prompts/t.prompt.yml", new LintPolicy(), history)
            .Select(f => $"{f.Line} {f.Rule}: {f.Message}")
            .ShouldBe(
            [
                $"9 version-backwards: metadata.version 1.1.0 is lower than 1.3.0, committed in {tightened[..7]}: a "
                    + "version never goes back; set one above 1.3.0",
                "10 reviewer-unverified: metadata.reviewers: carol is not in CODEOWNERS and approved no commit that "
                    + "changed this file: add carol to CODEOWNERS, or have carol review the change and add a "
                    + "Reviewed-by: carol trailer",
            ]);
    }

    [Fact]
    public void Read_ACommittedFile_ComparesWithTheCommitBefore_AndApprovedByCounts()
    {
        var added = _repo.Commit("Add", Day, files: [("prompts/t.prompt.yml", Prompt("2.0.0", "dora"))]);
        _repo.Commit("Go back\n\nApproved-by: dora\n", Day.AddDays(1),
            files: [("prompts/t.prompt.yml", Prompt("1.9.0", "dora"))]);

        var history = PromptHistory.Read(PromptPath);

        history.Earlier.ShouldBe([new PromptRevision(added[..7], Prompt("2.0.0", "dora"))]);
        history.CodeOwners.ShouldBeEmpty();
        history.Check("dora").ShouldBe((false, true));
        PromptLinter.LintFile(PromptPath, "t.prompt.yml", new LintPolicy(), history)
            .Select(f => f.Rule).ShouldBe(["version-backwards"]);
    }

    [Fact]
    public void Read_AVersionBelowAnEarlierOneButAboveTheLast_StillGoesBackwards_NamingTheHighestCommit()
    {
        var highest = _repo.Commit("Add", Day, files: [("prompts/t.prompt.yml", Prompt("2.0.0", "dora"))]);
        _repo.Commit("Go back", Day.AddDays(1), files: [("prompts/t.prompt.yml", Prompt("1.0.0", "dora"))]);
        _repo.Git("mv", "prompts/t.prompt.yml", "prompts/u.prompt.yml");
        _repo.Commit("Rename", Day.AddDays(2));
        _repo.Git("mv", "prompts/u.prompt.yml", "prompts/t.prompt.yml");
        _repo.Commit("Step up from the last\n\nApproved-by: dora\n", Day.AddDays(3),
            files: [("prompts/t.prompt.yml", Prompt("1.0.1", "dora"))]);
        var committed = Findings();
        File.WriteAllText(PromptPath, Prompt("1.5.0", "dora"));
        var edited = Findings();
        File.WriteAllText(PromptPath, Prompt("2.0.1", "dora"));
        var above = Findings();

        committed.ShouldBe([$"metadata.version 1.0.1 is lower than 2.0.0, committed in {highest[..7]}: a version "
            + "never goes back; set one above 2.0.0"]);
        edited.ShouldBe([$"metadata.version 1.5.0 is lower than 2.0.0, committed in {highest[..7]}: a version "
            + "never goes back; set one above 2.0.0"]);
        above.ShouldBeEmpty();

        string[] Findings() => [.. PromptLinter.LintFile(
            PromptPath, "t.prompt.yml", new LintPolicy(), PromptHistory.Read(PromptPath)).Select(f => f.Message)];
    }

    [Fact]
    public void Read_ANewFile_HasNoEarlierText()
    {
        _repo.Commit("Start", Day, files: [("README.md", "hello\n")]);
        Directory.CreateDirectory(Path.GetDirectoryName(PromptPath)!);
        File.WriteAllText(PromptPath, Prompt("0.1.0", "erin"));

        var history = PromptHistory.Read(PromptPath);

        history.Earlier.ShouldBeEmpty();
        history.Approvals.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("bob", true)]
    [InlineData("@Bob", true)]
    [InlineData("Bob Example <123+bob@users.noreply.github.com>", true)]
    [InlineData("Bob Example <BOB@users.noreply.github.com>", true)]
    [InlineData("bob@users.noreply.github.com", true)]
    [InlineData("Bob Example <bob@example.org>", false)]
    [InlineData("bob@example.org", false)]
    [InlineData("Bob Example <x+bob@users.noreply.github.com>", false)]
    [InlineData("Bob Example <+bob@users.noreply.github.com>", false)]
    [InlineData("Bob Example <123+bobby@users.noreply.github.com>", false)]
    [InlineData("Bob Example <bob@users.noreply.github.com.example.org>", false)]
    public void Check_AHandle_MatchesAnAddressOnlyWhenItIsThatHandlesGitHubNoReplyAddress(string trailer, bool approved)
    {
        var history = new PromptHistory([], [trailer], []);

        history.Check("bob").ShouldBe((false, approved));
    }

    [Theory]
    [InlineData("Bob Example <bob@example.org>", true)]
    [InlineData("BOB@EXAMPLE.ORG", true)]
    [InlineData("Bob Example <bob@example.org.evil.test>", false)]
    [InlineData("Bob Example <bob@sub.example.org>", false)]
    public void Check_AnAddress_MatchesTheWholeAddress(string trailer, bool approved)
    {
        var history = new PromptHistory([], [trailer], []);

        history.Check("bob@example.org").ShouldBe((false, approved));
    }

    [Fact]
    public void Read_CodeOwners_ReadsEscapedSpacesAndSkipsTheLinesGitHubSkips()
    {
        _repo.Commit("Add", Day, files:
            [(".github/CODEOWNERS", "# owners\n"
                + "docs/by\\ mallory/ @alice\n"
                + "prompts/ @org/prompt-team dora@example.org # @erin\n"
                + "docs/\\#private/ @grace # @heidi\n"
                + "notes/ @frank not-an-owner\n"
                + "/apps/github\n"),
                ("prompts/t.prompt.yml", Prompt("1.0.0", "alice"))]);

        var history = PromptHistory.Read(PromptPath);

        history.CodeOwners.ShouldBe(["alice", "org/prompt-team", "dora@example.org", "grace"]);
        history.Check("mallory").ShouldBe((false, false));
        history.Check("frank").ShouldBe((false, false));
        history.Check("heidi").ShouldBe((false, false));
    }
}
