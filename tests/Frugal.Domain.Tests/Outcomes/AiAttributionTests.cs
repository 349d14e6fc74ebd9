using Frugal.Domain.Outcomes;
using Shouldly;
using Xunit;
using static Frugal.Domain.Tests.Outcomes.TestCommits;

namespace Frugal.Domain.Tests.Outcomes;

public sealed class AiAttributionTests
{
    [Fact]
    public void Tool_WeakBranchAndStrongerCoAuthor_IsTheCoAuthorsTool()
    {
        var commit = Commit(
            "Add paging\n\nCo-authored-by: Copilot <223556219+Copilot@users.noreply.github.com>",
            parentCount: 2);

        var attribution = AiAttributor.Attribute(commit, "claude/add-paging");

        attribution.Tool.ShouldBe(AiTools.Copilot);
        attribution.Evidence.Count.ShouldBe(2);
    }

    [Fact]
    public void Tool_AgentAuthorAndAnotherToolsBodyLine_IsTheAuthorsTool()
    {
        var commit = Commit(
            "Initial plan\n\n🤖 Generated with [Claude Code](https://claude.ai/code)",
            author: Identity("copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>"));

        var attribution = AiAttributor.Attribute(commit);

        attribution.Tool.ShouldBe(AiTools.Copilot);
    }

    [Fact]
    public void Tool_UnknownAiFoundBeforeANamedToolOfEqualStrength_IsTheNamedTool()
    {
        var commit = Commit(
            """
            Port the lexer

            Co-authored-by: ChatGPT <noreply@chatgpt.com>
            Co-authored-by: Claude <noreply@anthropic.com>
            """);

        var attribution = AiAttributor.Attribute(commit);

        attribution.Tool.ShouldBe(AiTools.ClaudeCode);
        attribution.Evidence[0].Tool.ShouldBe(AiTools.UnknownAi);
    }

    [Fact]
    public void Model_SeveralStated_IsTheFirstInEvidenceOrder()
    {
        var commit = Commit(
            """
            Rework the cache

            Co-Authored-By: Claude <noreply@anthropic.com>
            Co-Authored-By: Claude Sonnet 4.5 <noreply@anthropic.com>
            Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>
            """,
            author: Identity("Codex <codex@openai.com>"));

        var attribution = AiAttributor.Attribute(commit);

        attribution.Tool.ShouldBe(AiTools.Codex);
        attribution.Model.ShouldBe("Sonnet 4.5");
    }
}
