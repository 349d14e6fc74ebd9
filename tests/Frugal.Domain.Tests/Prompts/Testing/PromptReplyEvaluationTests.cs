using Frugal.Domain.Prompts;
using Frugal.Domain.Prompts.Testing;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Prompts.Testing;

public sealed class PromptReplyEvaluationTests
{
    private static readonly PromptTestCase Case = new(new Dictionary<string, string> { ["expected"] = "billing" });

    private static PromptDefinition With(params PromptCheck[] checks) => new()
    {
        Name = "p",
        Model = "m",
        Messages = [new PromptMessage(PromptRole.User, "hi")],
        Checks = checks,
    };

    private static AssertionResult One(PromptCheck check, string reply, long tokens = 5, bool cached = false) =>
        PromptReplyEvaluation.Evaluate(With(check), Case, new PromptReply(reply, tokens, 100, cached)).Single();

    [Theory]
    [InlineData("contains", "billing issue", AssertionOutcome.Passed)]
    [InlineData("contains", "Billing issue", AssertionOutcome.Failed)]
    [InlineData("icontains", "Billing issue", AssertionOutcome.Passed)]
    [InlineData("not-icontains", "Billing issue", AssertionOutcome.Failed)]
    public void Evaluate_ContainsForms_RenderTheValueAndHonourCase(string type, string reply, AssertionOutcome outcome)
    {
        var check = new ContainsCheck("{{expected}}", type.Contains("icontains", StringComparison.Ordinal),
            type.StartsWith("not-", StringComparison.Ordinal));

        One(check, reply).Outcome.ShouldBe(outcome);
    }

    [Fact]
    public void Evaluate_EqualsRegexAndJson_PassAndFailAsWritten()
    {
        One(new EqualsCheck("billing"), "billing").Outcome.ShouldBe(AssertionOutcome.Passed);
        One(new EqualsCheck("billing", Negated: true), "billing").Outcome.ShouldBe(AssertionOutcome.Failed);
        One(new RegexCheck("^[^\\n]+$"), "one\ntwo").Outcome.ShouldBe(AssertionOutcome.Failed);
        One(new IsJsonCheck(), "{\"a\":1}").Outcome.ShouldBe(AssertionOutcome.Passed);
        One(new IsJsonCheck(), "{a:1}").Detail!.ShouldStartWith("reply is not JSON");
    }

    [Fact]
    public void Evaluate_RegexPlaceholders_AreFilledWithTheValueRegexEscaped()
    {
        var amount = new PromptTestCase(new Dictionary<string, string> { ["amount"] = "1.5 (USD)" });
        var check = With(new RegexCheck("^total {{amount}}$"));

        var literal = PromptReplyEvaluation.Evaluate(check, amount, new PromptReply("total 1.5 (USD)", 1, 1, false));
        var other = PromptReplyEvaluation.Evaluate(check, amount, new PromptReply("total 125 USD", 1, 1, false));

        literal.Single().Outcome.ShouldBe(AssertionOutcome.Passed);
        other.Single().Detail.ShouldBe(@"reply does not match /^total 1\.5\ \(USD\)$/");
    }

    [Fact]
    public void Evaluate_ARegexAValueBreaks_FailsWithTheReason()
    {
        var range = new PromptTestCase(new Dictionary<string, string> { ["range"] = "z-a" });

        var result = PromptReplyEvaluation.Evaluate(With(new RegexCheck("[{{range}}]")), range,
            new PromptReply("x", 1, 1, false)).Single();

        result.Outcome.ShouldBe(AssertionOutcome.Failed);
        result.Detail!.ShouldStartWith("/[z-a]/ is not a valid .NET regular expression once filled in (");
    }

    [Fact]
    public void Evaluate_ASecretInAValueOrTheReply_IsShownByItsKind()
    {
        var result = One(new ContainsCheck("sk-proj-ABCDEFGHIJ0123456789abcdefghij") { Description = "no "
            + "ghp_0123456789abcdefghijABCDEFGHIJ0123456" }, "nothing");

        result.Name.ShouldBe("contains (no [GitHub token])");
        result.Detail.ShouldBe("reply does not contain '[OpenAI API key]'");
    }

    [Fact]
    public void Evaluate_JsonSchema_ReportsWhereTheReplyBreaksIt()
    {
        var check = new JsonSchemaCheck("""
            {"type":"object","required":["category","summary"],"additionalProperties":false,
             "properties":{"category":{"enum":["billing","login"]},"summary":{"type":"string","maxLength":5}}}
            """);

        One(check, """{"category":"login","summary":"short"}""").Outcome.ShouldBe(AssertionOutcome.Passed);
        var failed = One(check, """{"category":"other","summary":"far too long","extra":1}""");

        failed.Outcome.ShouldBe(AssertionOutcome.Failed);
        failed.Detail!.ShouldContain("$.category is not one of");
        failed.Detail!.ShouldContain("$.summary has 12 characters, more than maxLength 5");
        failed.Detail!.ShouldContain("$.extra is not allowed");
        One(check, """{"category":"login"}""").Detail!.ShouldContain("$.summary is required");
        One(check, "[]").Detail!.ShouldContain("$ is an array, not object");
    }

    [Theory]
    [InlineData("""{"type":"object","required":[1]}""",
        "the check's schema cannot be used: required[0] is 1, not a property name (a string); fix it in the prompt "
        + "file")]
    [InlineData("""{"type":["object",2]}""",
        "the check's schema cannot be used: type[1] is 2, not a type name; fix it in the prompt file")]
    public void Evaluate_JsonSchemaThatIsMalformed_FailsTheCheckSayingWhy(string schema, string detail)
    {
        var result = One(new JsonSchemaCheck(schema), """{"a":1}""");

        result.Outcome.ShouldBe(AssertionOutcome.Failed);
        result.Detail.ShouldBe(detail);
    }

    [Fact]
    public void Evaluate_JsonSchemaThatIsNotJson_FailsTheCheck()
    {
        var result = One(new JsonSchemaCheck("{"), "{}");

        result.Outcome.ShouldBe(AssertionOutcome.Failed);
        result.Detail!.ShouldStartWith("the check's schema is not JSON (");
    }

    [Fact]
    public void Evaluate_TokensAndLatency_UseTheReplysFigures()
    {
        One(new MaxOutputTokensCheck(10), "x", tokens: 11).Outcome.ShouldBe(AssertionOutcome.Failed);
        One(new MaxOutputTokensCheck(10), "x", tokens: 10).Outcome.ShouldBe(AssertionOutcome.Passed);
        One(new LatencyCheck(50), "x").Detail.ShouldBe("took 100 ms, more than 50 ms");
        One(new LatencyCheck(50), "x", cached: true).Outcome.ShouldBe(AssertionOutcome.NotRun);
    }

    [Fact]
    public void Evaluate_Judges_AreNotRunAndDoNotFailTheRun()
    {
        var prompt = With() with
        {
            Evaluators =
            [
                new StringEvaluator("has it", StringMatch.Contains, "{{expected}}"),
                new BuiltInEvaluator("fluent", "github/fluency"),
                new LlmEvaluator("judge", "openai/gpt-4o", "Is {{completion}} good?", [new LlmChoice("yes", 1)], null),
            ],
        };

        var results = PromptReplyEvaluation.Evaluate(prompt, Case, new PromptReply("BILLING", 1, 1, false));

        results.Select(r => r.Outcome)
            .ShouldBe([AssertionOutcome.Passed, AssertionOutcome.NotRun, AssertionOutcome.NotRun]);
        new PromptRun(null, null, 1, 1, false, results).Passed.ShouldBeTrue();
    }
}
