using Frugal.Domain.Outcomes;
using Shouldly;
using Xunit;
using static Frugal.Domain.Tests.Outcomes.TestCommits;

namespace Frugal.Domain.Tests.Outcomes;

public sealed class AiAttributorBranchTests
{
    [Theory]
    [InlineData("claude/remove-oncall-label-bGF7H", AiTools.ClaudeCode)]
    [InlineData("codex/add-humanize-tests", AiTools.Codex)]
    [InlineData("copilot/fix-1234", AiTools.Copilot)]
    [InlineData("devin/1712345678-fix-typo", AiTools.Devin)]
    [InlineData("cursor/add-json-output-5c1e", AiTools.Cursor)]
    [InlineData("jane/codex/try-again", AiTools.Codex)]
    public void Attribute_AgentBranch_IsBranchNameEvidence(string branch, string tool)
    {
        var commit = Commit("Merge pull request #1 from owner/x\n\nSomething", parentCount: 2);

        var attribution = AiAttributor.Attribute(commit, branch);

        attribution.Evidence.ShouldHaveSingleItem().ShouldBe(
            new AiEvidence(AiMarkerClass.BranchName, tool, null, branch));
    }

    [Theory]
    [InlineData("feature/claude-support")]
    [InlineData("claude")]
    [InlineData("fix/copilot")]
    [InlineData("claudette/x")]
    public void Attribute_BranchWithoutAgentSegment_IsNotMarked(string branch)
    {
        var commit = Commit("Merge branch", parentCount: 2);

        var attribution = AiAttributor.Attribute(commit, branch);

        attribution.IsMarked.ShouldBeFalse();
    }

    [Fact]
    public void Attribute_HumanlayerStyleMergeOfClaudeBranch_MarksViaTheClassifiedBranch()
    {
        var commit = Commit(
            "Merge pull request #29462 from anthropics/claude/remove-oncall-label-bGF7H\n\nRemove the oncall label",
            parentCount: 2);

        var attribution = AiAttributor.Attribute(commit, CommitClassifier.Classify(commit).MergedBranch);

        attribution.Tool.ShouldBe(AiTools.ClaudeCode);
        attribution.Evidence.ShouldHaveSingleItem().Text.ShouldBe("claude/remove-oncall-label-bGF7H");
    }
}
