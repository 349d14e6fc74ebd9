using Frugal.Domain.Outcomes;
using Shouldly;
using Xunit;
using static Frugal.Domain.Tests.Outcomes.TestCommits;

namespace Frugal.Domain.Tests.Outcomes;

public sealed class AiAttributorTrailerTests
{
    [Theory]
    [InlineData("Claude-Session: https://claude.ai/code/session_01AbCdEfGh", AiTools.ClaudeCode, null)]
    [InlineData("Amp-Thread-ID: https://ampcode.com/threads/T-5a1c0f4e-2d3b-4e8a-9f10-1b2c3d4e5f60", AiTools.Amp, null)]
    [InlineData("Made-with: Cursor", AiTools.Cursor, null)]
    [InlineData("made-with: cursor", AiTools.Cursor, null)]
    [InlineData("Copilot-Session: 7c9e6679-7425-40de-944b-e07fc1f90ae7", AiTools.Copilot, null)]
    [InlineData(
        "Agent-Logs-Url: https://github.com/ardalis/CleanArchitecture/sessions/7c9e6679-7425-40de-944b-e07fc1f90ae7",
        AiTools.Copilot,
        null)]
    [InlineData("Assisted-by: Claude:claude-3-opus coccinelle sparse", AiTools.ClaudeCode, "claude-3-opus")]
    [InlineData("Assisted-by: Kiro:claude-sonnet-4", AiTools.UnknownAi, "claude-sonnet-4")]
    [InlineData("Generated-by: Claude Code (Claude Opus 4.6)", AiTools.ClaudeCode, "Opus 4.6")]
    [InlineData("Assisted-by: Claude Opus 4.7", AiTools.ClaudeCode, "Opus 4.7")]
    [InlineData("Assisted-by: GitHub Copilot", AiTools.Copilot, null)]
    [InlineData("Generated-by: Gemini CLI", AiTools.Gemini, null)]
    [InlineData("Assisted-by: Devin AI", AiTools.Devin, null)]
    [InlineData("Assisted-by: gpt-5.4", AiTools.UnknownAi, "gpt-5.4")]
    [InlineData("Assisted-by: Claude <noreply@anthropic.com>", AiTools.ClaudeCode, null)]
    public void Attribute_ToolTrailer_IsToolTrailerEvidence(string line, string tool, string? model)
    {
        var commit = Commit($"Speed up the index\n\nLonger text.\n\n{line}");

        var attribution = AiAttributor.Attribute(commit);

        attribution.Evidence.ShouldHaveSingleItem().ShouldBe(
            new AiEvidence(AiMarkerClass.ToolTrailer, tool, model, line));
    }

    [Theory]
    [InlineData("Assisted-by: Jane Doe <jane@x.org>")]
    [InlineData("Assisted-by: Daniel Stenberg")]
    [InlineData("Assisted-by: Devin")]
    [InlineData("Assisted-by: Devin Smith")]
    [InlineData("Assisted-by: Claude Dupont <claude@dupont.fr>")]
    [InlineData("Generated-by: make docs")]
    [InlineData("Made-with: Love")]
    [InlineData("Agent-Logs-Url: https://ci.example.org/logs/1234")]
    [InlineData("Claude-Session:")]
    public void Attribute_TrailerThatNamesNoAiTool_IsNotMarked(string line)
    {
        var commit = Commit($"lib: fix a leak\n\nDetails.\n\n{line}");

        var attribution = AiAttributor.Attribute(commit);

        attribution.IsMarked.ShouldBeFalse();
    }

    [Theory]
    [InlineData("🤖 Generated with [Claude Code](https://claude.ai/code)", AiTools.ClaudeCode)]
    [InlineData("🤖 Generated with [Claude Code](https://claude.com/claude-code)", AiTools.ClaudeCode)]
    [InlineData("Generated with [Claude Code](https://claude.ai/claude-code)", AiTools.ClaudeCode)]
    [InlineData("🤝 Generated with [Claude Code](https://claude.ai/code)", AiTools.ClaudeCode)]
    [InlineData("https://claude.ai/code/session_01AbCdEfGh", AiTools.ClaudeCode)]
    [InlineData("🤖 Generated with [opencode](https://opencode.ai)", AiTools.OpenCode)]
    [InlineData(
        "Link to Devin session: https://app.devin.ai/sessions/0123456789abcdef0123456789abcdef",
        AiTools.Devin)]
    [InlineData(
        "<a href=\"https://cursor.com/agents/bc-7f3e2a1b\"><picture>Open in Web</picture></a>",
        AiTools.Cursor)]
    [InlineData("<!-- CURSOR_AGENT_PR_BODY_END -->", AiTools.Cursor)]
    [InlineData("Made with [Cursor](https://cursor.com)", AiTools.Cursor)]
    public void Attribute_ToolBodyLine_IsBodyLineEvidence(string line, string tool)
    {
        var commit = Commit($"Add the export command\n\nWhat it does.\n\n{line}\n\nMore text.");

        var attribution = AiAttributor.Attribute(commit);

        attribution.Evidence.ShouldHaveSingleItem().ShouldBe(new AiEvidence(AiMarkerClass.BodyLine, tool, null, line));
    }

    [Fact]
    public void Attribute_AiderSubjectPrefix_IsAiderBodyLine()
    {
        var commit = Commit("aider: Added a --dry-run flag to the commit command");

        var attribution = AiAttributor.Attribute(commit);

        attribution.Evidence.ShouldHaveSingleItem().ShouldBe(new AiEvidence(
            AiMarkerClass.BodyLine,
            AiTools.Aider,
            null,
            "aider: Added a --dry-run flag to the commit command"));
    }

    [Fact]
    public void Attribute_ClaudeCodeDefaultMessage_GivesBodyLineThenCoAuthorWithModel()
    {
        var commit = Commit(
            """
            Add the sync command

            🤖 Generated with [Claude Code](https://claude.com/claude-code)

            Co-Authored-By: Claude Opus 4.6 <noreply@anthropic.com>
            """);

        var attribution = AiAttributor.Attribute(commit);

        attribution.Evidence.Select(e => e.Class).ShouldBe([AiMarkerClass.BodyLine, AiMarkerClass.CoAuthor]);
        attribution.Tool.ShouldBe(AiTools.ClaudeCode);
        attribution.Model.ShouldBe("Opus 4.6");
    }

    [Fact]
    public void Attribute_AmpCommit_GivesThreadTrailerAndCoAuthor()
    {
        var commit = Commit(
            """
            bd: sync issues

            Amp-Thread-ID: https://ampcode.com/threads/T-5a1c0f4e-2d3b-4e8a-9f10-1b2c3d4e5f60
            Co-authored-by: Amp <amp@ampcode.com>
            """);

        var attribution = AiAttributor.Attribute(commit);

        attribution.Evidence.Select(e => (e.Class, e.Tool)).ShouldBe(
        [
            (AiMarkerClass.ToolTrailer, AiTools.Amp),
            (AiMarkerClass.CoAuthor, AiTools.Amp),
        ]);
        attribution.Tool.ShouldBe(AiTools.Amp);
    }

    [Fact]
    public void Attribute_ClaudeSessionTrailer_IsATrailerNotAlsoABodyLine()
    {
        var commit = Commit("Fix it\n\nClaude-Session: https://claude.ai/code/session_01AbCdEfGh");

        var attribution = AiAttributor.Attribute(commit);

        attribution.Evidence.ShouldHaveSingleItem().Class.ShouldBe(AiMarkerClass.ToolTrailer);
    }
}
