using Frugal.Domain.Outcomes;
using Shouldly;
using Xunit;
using static Frugal.Domain.Tests.Outcomes.TestCommits;

namespace Frugal.Domain.Tests.Outcomes;

public sealed class AiAttributorIdentityTests
{
    [Theory]
    [InlineData("Claude <noreply@anthropic.com>", AiTools.ClaudeCode, null)]
    [InlineData("Claude Opus 4.5 <noreply@anthropic.com>", AiTools.ClaudeCode, "Opus 4.5")]
    [InlineData("Claude Code <claude@anthropic.com>", AiTools.ClaudeCode, null)]
    [InlineData("claude[bot] <209825114+claude[bot]@users.noreply.github.com>", AiTools.ClaudeCode, null)]
    [InlineData("claude[bot] <41898282+claude[bot]@users.noreply.github.com>", AiTools.ClaudeCode, null)]
    [InlineData("copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>", AiTools.Copilot, null)]
    [InlineData("Copilot <198982749+Copilot@users.noreply.github.com>", AiTools.Copilot, null)]
    [InlineData(
        "devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>",
        AiTools.Devin,
        null)]
    [InlineData("Devin AI <158243242+devin-ai-integration[bot]@users.noreply.github.com>", AiTools.Devin, null)]
    [InlineData(
        "google-labs-jules[bot] <161369871+google-labs-jules[bot]@users.noreply.github.com>",
        AiTools.Jules,
        null)]
    [InlineData("Codex <codex@openai.com>", AiTools.Codex, null)]
    [InlineData("Codex Agent <codex-agent@example.com>", AiTools.Codex, null)]
    [InlineData("Paul Gauthier (aider) <paul@gauthier.dev>", AiTools.Aider, null)]
    [InlineData("opencode-agent[bot] <219766164+opencode-agent[bot]@users.noreply.github.com>", AiTools.OpenCode, null)]
    [InlineData(
        "chatgpt-codex-connector[bot] <199175422+chatgpt-codex-connector[bot]@users.noreply.github.com>",
        AiTools.Codex,
        null)]
    [InlineData("GPT Engineer <noreply@gpt-engineer.dev>", AiTools.UnknownAi, null)]
    public void Attribute_AgentAuthor_IsAgentAuthoredByTheTool(string author, string tool, string? model)
    {
        var commit = Commit("feat: add a thing", author: Identity(author), committer: Jane);

        var attribution = AiAttributor.Attribute(commit);

        attribution.IsMarked.ShouldBeTrue();
        attribution.Tool.ShouldBe(tool);
        attribution.Model.ShouldBe(model);
        attribution.Evidence.ShouldHaveSingleItem().ShouldBe(
            new AiEvidence(AiMarkerClass.AgentAuthored, tool, model, author));
    }

    [Fact]
    public void Attribute_WebSessionAuthorAndCommitterClaude_GivesOneIdentityAndTheSessionLine()
    {
        var claude = Identity("Claude <noreply@anthropic.com>");
        var commit = Commit(
            "Fix flaky test\n\nhttps://claude.ai/code/session_01AbCdEf",
            author: claude,
            committer: claude);

        var attribution = AiAttributor.Attribute(commit);

        attribution.Evidence.Select(e => e.Class).ShouldBe([AiMarkerClass.AgentAuthored, AiMarkerClass.BodyLine]);
        attribution.Tool.ShouldBe(AiTools.ClaudeCode);
    }

    [Fact]
    public void Attribute_AiderSuffixOnCommitterOnly_IsAider()
    {
        // A user commit made through aider's /commit: the author is the person, the committer carries the suffix.
        var commit = Commit(
            "Refactor the repo map",
            author: new GitIdentity("Paul Gauthier", "paul@gauthier.dev"),
            committer: new GitIdentity("Paul Gauthier (aider)", "paul@gauthier.dev"));

        var attribution = AiAttributor.Attribute(commit);

        attribution.Tool.ShouldBe(AiTools.Aider);
        attribution.Evidence.ShouldHaveSingleItem().Text.ShouldBe("Paul Gauthier (aider) <paul@gauthier.dev>");
    }

    [Fact]
    public void Attribute_CopilotSquashMergedInGitHub_CommitterGitHubIsNotEvidence()
    {
        var commit = Commit(
            "Fix retry jitter (#2970)\n\n---------\n\n"
            + "Co-authored-by: copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>\n"
            + "Co-authored-by: Jane Doe <jane@doe.dev>",
            author: Identity("Copilot <198982749+Copilot@users.noreply.github.com>"),
            committer: Identity("GitHub <noreply@github.com>"));

        var attribution = AiAttributor.Attribute(commit);

        attribution.Evidence.Select(e => (e.Class, e.Tool)).ShouldBe(
        [
            (AiMarkerClass.AgentAuthored, AiTools.Copilot),
            (AiMarkerClass.CoAuthor, AiTools.Copilot),
        ]);
    }

    [Theory]
    [InlineData("dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>")]
    [InlineData("renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>")]
    [InlineData("github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>")]
    [InlineData("dotnet-maestro[bot] <42748379+dotnet-maestro[bot]@users.noreply.github.com>")]
    [InlineData("GitHub <noreply@github.com>")]
    public void Attribute_NonAiBotAuthor_IsNotMarked(string author)
    {
        var commit = Commit("chore(deps): bump xunit from 2.9.0 to 2.9.2", author: Identity(author));

        var attribution = AiAttributor.Attribute(commit);

        attribution.ShouldBeSameAs(AiAttribution.NotMarked);
    }

    [Theory]
    [InlineData("Sam Altman <sam@openai.com>")]
    [InlineData("Claude Dupont <1234567+cdupont@users.noreply.github.com>")]
    [InlineData("Claude Monet <claude@monet.fr>")]
    [InlineData("Devin Smith <devin@smith.dev>")]
    [InlineData("Ali Ayas (claude-sonnet-4-20250514) <ali@ayas.dev>")]
    public void Attribute_PersonWhoseNameOrAddressLooksLikeATool_IsNotMarked(string author)
    {
        var commit = Commit("Tidy up", author: Identity(author));

        var attribution = AiAttributor.Attribute(commit);

        attribution.IsMarked.ShouldBeFalse();
    }

    [Fact]
    public void Attribute_PlainCommit_IsNotMarkedWithNoToolOrModel()
    {
        var commit = Commit("Update README\n\nExplain the install step.");

        var attribution = AiAttributor.Attribute(commit);

        attribution.ShouldBeSameAs(AiAttribution.NotMarked);
        attribution.Evidence.ShouldBeEmpty();
        attribution.Tool.ShouldBeNull();
        attribution.Model.ShouldBeNull();
    }
}
