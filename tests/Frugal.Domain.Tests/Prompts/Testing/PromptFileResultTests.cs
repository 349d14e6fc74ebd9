using Frugal.Domain.Prompts.Testing;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Prompts.Testing;

public sealed class PromptFileResultTests
{
    private static PromptRun Run(bool passed, long prompt = 80, long completion = 20) =>
        new(new PromptReply("x", completion, 1, false), null, prompt, completion, false,
            [new AssertionResult("c", passed ? AssertionOutcome.Passed : AssertionOutcome.Failed)]);

    [Fact]
    public void Efficiency_IsPassedCaseRunsOverAllTokens()
    {
        var result = new PromptFileResult("p.prompt.yml", "p",
        [
            new PromptCaseResult("flaky", [Run(true), Run(false), Run(true)]),
            new PromptCaseResult("solid", [Run(true), Run(true), Run(true)]),
        ]);

        result.Runs.ShouldBe(6);
        result.PassedRuns.ShouldBe(5);
        result.TotalTokens.ShouldBe(600);
        result.Efficiency.ShouldBe(5000.0 / 600); // 5 passed runs per 600 tokens, per 1,000 tokens
        result.TokensPerPassedCase.ShouldBe(120);
        result.Cases[0].Flaky.ShouldBeTrue();
        result.Cases[0].Passed.ShouldBeFalse();
        result.AllCasesPassed.ShouldBeFalse();
    }

    [Fact]
    public void Names_HoldingWhatLooksLikeAKey_AreShownByItsKind()
    {
        const string Key = "sk-proj-ABCDEFGHIJ0123456789abcdefghij";

        var result = new PromptFileResult("p", "p " + Key, [new PromptCaseResult("case " + Key, [Run(true)])]);

        (result.Name, result.Cases[0].Name).ShouldBe(("p [OpenAI API key]", "case [OpenAI API key]"));
    }

    [Fact]
    public void Efficiency_WithoutTokensOrPasses_IsZeroAndPerPassIsNull()
    {
        var failed = new PromptRun(null, "timed out", 0, 0, false, []);
        var result = new PromptFileResult("p", "p", [new PromptCaseResult("c", [failed])]);

        result.Efficiency.ShouldBe(0);
        result.TokensPerPassedCase.ShouldBeNull();
        failed.Passed.ShouldBeFalse();
    }
}
