using System.Text;
using Frugal.Domain.Prompts.Lint;
using Frugal.Sources.Prompts.Lint;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.Prompts.Lint;

public sealed class PromptLinterTests
{
    /// <summary>A prompt that breaks no rule; each test changes one line of it.</summary>
    private const string Clean = LintSamples.Clean;

    private const string File = "t.prompt.yml";

    private static readonly string Example = Path.Combine(
        AppContext.BaseDirectory, "prompts", "examples", "summarise.prompt.yml");

    private static IReadOnlyList<LintFinding> Lint(
        string text, LintPolicy? policy = null, PromptHistory? history = null) =>
        PromptLinter.Lint(File, text, policy ?? new LintPolicy(), history);

    private static LintFinding Error(int line, string rule, string message) =>
        new(File, line, LintSeverity.Error, rule, message);

    private static LintFinding Warning(int line, string rule, string message) =>
        new(File, line, LintSeverity.Warning, rule, message);

    [Fact]
    public void Lint_TheCleanPrompt_FindsNothing() => Lint(Clean).ShouldBeEmpty();

    [Fact]
    public void LintFile_TheExample_FindsNothing() =>
        PromptLinter.LintFile(Example, "summarise.prompt.yml", new LintPolicy(), null).ShouldBeEmpty();

    [Fact]
    public void Lint_BrokenYaml_IsAYamlSyntaxError() =>
        Lint("name: x\nmodel: [a\nmessages: {\n").ShouldBe(
            [Error(2, "yaml-syntax", "not valid YAML: is a bracket or brace left open?")]);

    [Fact]
    public void Lint_AFieldGhModelsIgnores_IsAStructureError() =>
        Lint(Clean + "\nmodelParameters:\n  max_tokens: 100").ShouldBe(
            [Error(13, "structure", "modelParameters.max_tokens: gh-models reads only maxTokens and ignores this: "
                + "write maxTokens")]);

    [Fact]
    public void Lint_ASpacedPlaceholder_IsAPlaceholderSyntaxErrorWithItsFix() =>
        Lint(Clean.Replace("{{question}}", "{{ question }}", StringComparison.Ordinal)).ShouldBe(
            [Error(5, "placeholder-syntax", "messages[0].content: {{ question }} has spaces inside the braces, so "
                + "gh-models does not substitute it: write {{question}}")]);

    [Fact]
    public void Lint_SingleBraces_AreOnlyAWarning() =>
        Lint(Clean.Replace("Answer {{question}}", "Answer {{question}} as {format}", StringComparison.Ordinal))
            .ShouldBe([new LintFinding(File, 5, LintSeverity.Warning, "placeholder-syntax", "messages[0].content: "
                + "{format} has single braces, which nothing substitutes: write {{format}} if it is meant as a "
                + "placeholder")]);

    [Fact]
    public void Lint_ATestCaseWithoutAPlaceholdersValue_NamesTheCaseAndTheVariable() =>
        Lint(Clean.Replace("{{question}}", "{{question}} about {{topic}}", StringComparison.Ordinal)).ShouldBe(
            [Error(7, "missing-variable", "test case \"one\" (testData[0]) has no value for {{topic}}, which "
                + "messages[0] uses: add topic: to the case")]);

    [Theory]
    // Go prints a []interface{} as [a b], a map[string]interface{} as map[k:v] and nil as <nil>.
    [InlineData("[why, how]", "a list, which gh-models would send as [why how]", "write the items as one string")]
    [InlineData("{why: 1}", "a mapping, which gh-models would send as map[why:1]", "write it as one string")]
    [InlineData("~", "null, which gh-models would send as <nil>", "give it a value")]
    public void Lint_AValueThatIsNoText_SaysWhatItIsNotThatItIsMissing(string value, string what, string fix)
    {
        var findings = Lint(Clean.Replace("question: Why?", "question: " + value, StringComparison.Ordinal));

        var finding = findings.ShouldHaveSingleItem();
        (finding.Line, finding.Rule).ShouldBe((8, "structure"));
        finding.Message.ShouldStartWith($"testData[0].question is {what} (Go's %v of the decoded YAML): {fix}");
    }

    [Fact]
    public void Lint_AValueNothingUses_IsAWarning() =>
        Lint(Clean.Replace("    question: Why?", "    question: Why?\n    tone: dry", StringComparison.Ordinal))
            .ShouldBe([new LintFinding(File, 9, LintSeverity.Warning, "unused-variable", "test case \"one\" "
                + "(testData[0]) gives tone, which no message, evaluator or check uses: remove it, or write {{tone}} "
                + "where it belongs")]);

    [Fact]
    public void Lint_NoVersion_IsAVersionError() =>
        Lint(Clean.Replace("  version: 1.0.0\n", string.Empty, StringComparison.Ordinal)).ShouldBe(
            [Error(9, "version", "metadata.version is missing: add version: 1.0.0 under metadata: (semver 2.0.0) "
                + "and raise it with every change")]);

    [Fact]
    public void Lint_AVersionThatIsNotSemver_IsAVersionError()
    {
        var findings = Lint(Clean.Replace("1.0.0", "1.0", StringComparison.Ordinal));

        findings.Select(f => (f.Line, f.Rule)).ShouldBe([(10, "version")]);
        findings[0].Message.ShouldStartWith("metadata.version ");
    }

    [Fact]
    public void Lint_NoReviewers_IsAReviewersError() =>
        Lint(Clean.Replace("\n  reviewers: [alice]", string.Empty, StringComparison.Ordinal)).ShouldBe(
            [Error(9, "reviewers", "metadata.reviewers is missing: name at least 1 reviewer, such as "
                + "reviewers: [alice] under metadata:")]);

    [Fact]
    public void Lint_FewerReviewersThanThePolicy_IsAReviewersError() =>
        Lint(Clean, new LintPolicy(MinReviewers: 2)).ShouldBe(
            [Error(11, "reviewers", "metadata.reviewers names 1, fewer than the 2 reviewers required: add more")]);

    [Fact]
    public void Lint_OneReviewerSpelledThreeWays_CountsOnceAndSaysSo() =>
        Lint(Clean.Replace("[alice]", "[alice, '@alice', ALICE]", StringComparison.Ordinal),
                new LintPolicy(MinReviewers: 2))
            .ShouldBe(
            [
                Error(11, "reviewers", "metadata.reviewers names 1, fewer than the 2 reviewers required: add more"),
                Warning(11, "reviewers", "metadata.reviewers[1]: @alice is alice again (handles ignore letter case "
                    + "and the @), so it counts once: remove it"),
                Warning(11, "reviewers", "metadata.reviewers[2]: ALICE is alice again (handles ignore letter case "
                    + "and the @), so it counts once: remove it"),
            ]);

    [Fact]
    public void Lint_WithHistory_AnUnverifiedReviewerSpelledTwice_IsOneError() =>
        Lint(Clean.Replace("[alice]", "[carol, '@Carol']", StringComparison.Ordinal),
                history: new PromptHistory([], [], []))
            .ShouldBe(
            [
                Warning(11, "reviewers", "metadata.reviewers[1]: @Carol is carol again (handles ignore letter case "
                    + "and the @), so it counts once: remove it"),
                Error(11, "reviewer-unverified", "metadata.reviewers: carol is not a code owner (there is no "
                    + "CODEOWNERS file) and approved no commit that changed this file: add carol to CODEOWNERS, or "
                    + "have carol review the change and add a Reviewed-by: carol trailer"),
            ]);

    [Fact]
    public void Lint_OverTheDeclaredBudget_CountsWithTheModelsTokenizer() =>
        Lint(Clean + "\n  tokenBudget: 5").ShouldBe(
            [Error(12, "token-budget", "test case \"one\" (testData[0]) renders to 9 input tokens for "
                + "openai/gpt-4o-mini (o200k_base), over metadata.tokenBudget of 5: shorten the messages or the "
                + "values, or raise the budget")]);

    [Fact]
    public void Lint_OverTheDefaultBudget_ForAModelWithoutAPublicTokenizer_IsMarkedAnEstimate() =>
        Lint(Clean.Replace("openai/gpt-4o-mini", "anthropic/claude-sonnet-4", StringComparison.Ordinal),
            new LintPolicy(MaxTokens: 8)).ShouldBe(
            [Error(3, "token-budget", "test case \"one\" (testData[0]) renders to 9 input tokens for "
                + "anthropic/claude-sonnet-4 (o200k_base, an estimate), over the default budget of 8 (no "
                + "metadata.tokenBudget): shorten the messages or the values, or declare metadata.tokenBudget")]);

    [Fact]
    public void Lint_ABudgetPerTokenizer_CountsWithThatTokenizer() =>
        Lint(Clean + "\n  tokenBudget:\n    cl100k_base: 5").ShouldBe(
            [Error(13, "token-budget", "test case \"one\" (testData[0]) renders to 9 input tokens with cl100k_base, "
                + "over metadata.tokenBudget.cl100k_base of 5: shorten the messages or the values, or raise the "
                + "budget")]);

    [Fact]
    public void Lint_ABadBudgetKeyBesideAValidOne_StillChecksTheValidOne() =>
        Lint(Clean + "\n  tokenBudget:\n    cl100k_base: 5\n    p50k_base: 5").ShouldBe(
        [
            Error(13, "token-budget", "test case \"one\" (testData[0]) renders to 9 input tokens with cl100k_base, "
                + "over metadata.tokenBudget.cl100k_base of 5: shorten the messages or the values, or raise the "
                + "budget"),
            Error(14, "structure", "metadata.tokenBudget.p50k_base: p50k_base is a tokenizer Frugal does not count "
                + "with (older OpenAI models): budget o200k_base or cl100k_base, or a model id such as openai/gpt-4o"),
        ]);

    [Fact]
    public void Lint_ASpecialTokenString_IsASpecialTokenError() =>
        Lint(Clean.Replace("Answer {{question}}", "Answer {{question}}<|endoftext|>", StringComparison.Ordinal))
            .ShouldBe([Error(5, "special-token", "messages[0].content holds <|endoftext|> (a special token of "
                + "o200k_base and cl100k_base), written like a model's control token: an endpoint that parses it "
                + "would cut or restructure the prompt; remove it")]);

    [Fact]
    public void Lint_ASecret_NamesItsKindNeverItsValue()
    {
        const string key = "ghp_0123456789abcdefghijABCDEFGHIJ0123456";
        var findings = Lint(Clean.Replace("Why?", "Why does " + key + " fail?", StringComparison.Ordinal));

        findings.ShouldBe([Error(8, "secret", "this line holds what looks like a GitHub token in plain text: remove "
            + "it (and revoke it if it is real); pass keys through the environment, never in a prompt file")]);
        findings[0].Message.ShouldNotContain("ghp_0123");
    }

    [Theory]
    [InlineData(@"""Answer \x73k-proj-ABCDEFGHIJ0123456789abcdefghij {{question}}""")]
    [InlineData("\"Answer sk-proj-ABCDEFGHIJ\\\n      0123456789abcdefghij {{question}}\"")]
    [InlineData("\"Answer sk-proj-ABCDEF\\u0047HIJ0123456789abcdefghij {{question}}\"")]
    public void Lint_ASecretOnlyYamlDecodingReveals_IsFoundOnItsValuesLine(string content)
    {
        var findings = Lint(Clean.Replace("\"Answer {{question}}\"", content, StringComparison.Ordinal));

        findings.ShouldBe([Error(5, "secret", "this line holds what looks like an OpenAI API key once YAML decodes "
            + "the value (an escape or a line break hides it in the text): remove it (and revoke it if it is real); "
            + "pass keys through the environment, never in a prompt file")]);
    }

    [Fact]
    public void Lint_ASecretInPlainText_IsReportedOnceNotAgainForItsDecodedValue() =>
        Lint(Clean.Replace("Why?", "sk-proj-ABCDEFGHIJ0123456789abcdefghij", StringComparison.Ordinal))
            .Select(f => (f.Line, f.Rule)).ShouldBe([(8, "secret")]);

    [Fact]
    public void LintFile_ALatin1File_IsAYamlSyntaxErrorOnItsLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"frugal-lint-{Guid.NewGuid():N}.prompt.yml");
        var at = Clean.IndexOf("Why?", StringComparison.Ordinal);
        System.IO.File.WriteAllBytes(path,
            [.. Encoding.UTF8.GetBytes(Clean[..at] + "caf"), 0xE9, .. Encoding.UTF8.GetBytes(Clean[(at + 4)..])]);
        try
        {
            PromptLinter.LintFile(path, File, new LintPolicy(), null).ShouldBe([Error(8, "yaml-syntax", "not valid "
                + "UTF-8: byte 0xE9 here starts no character, and gh-models' YAML decoder refuses such a file: save "
                + "it as UTF-8")]);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void Lint_ATestDataKeyThatIsNoPlainName_IsFilledSoOnlyWarnedAsNotPortable() =>
        Lint(Clean.Replace("question", "user-name", StringComparison.Ordinal)).ShouldBe(
            [new LintFinding(File, 5, LintSeverity.Warning, "placeholder-syntax", "messages[0].content: "
                + "{{user-name}} is filled by gh-models, as the test data gives user-name, but Prompty, Jinja2 and "
                + "Mustache take only names of letters, digits and underscores: rename user-name to user_name here "
                + "and in the test data to keep the prompt portable")]);

    [Fact]
    public void Lint_ACaseWithoutAKeyAnotherCaseFills_IsAMissingVariable() =>
        Lint(Clean.Replace("question", "user-name", StringComparison.Ordinal)
                .Replace("Why?", "Why?\n  - id: two", StringComparison.Ordinal))
            .Where(f => f.Rule == "missing-variable").ShouldBe([Error(9, "missing-variable", "test case \"two\" "
                + "(testData[1]) has no value for {{user-name}}, which messages[0] uses: add user-name: to the case")]);

    [Fact]
    public void Lint_AnUnusedKeyThatIsNoPlainName_SaysGhModelsWouldFillIt() =>
        Lint(Clean.Replace("    question: Why?", "    question: Why?\n    a.b: x", StringComparison.Ordinal))
            .ShouldBe([new LintFinding(File, 9, LintSeverity.Warning, "unused-variable", "test case \"one\" "
                + "(testData[0]) gives a.b, which no message, evaluator or check uses: remove it, or write {{a.b}} "
                + "where it belongs (gh-models fills it; name it a_b for Prompty and Jinja2 to fill it too)")]);

    [Fact]
    public void Lint_FiveDifferentFaults_ReportsAllFive()
    {
        var text = """
            name: t
            model: openai/gpt-4o-mini
            messages:
              - role: system
                content: |
                  You answer questions. <|im_start|>
                  # key: sk-ant-api03-abcdefghij0123456789abcdefghij
              - role: user
                content: "Question: {{ question }} about {{topic}}"
            testData:
              - id: first
                question: Why?
            metadata:
              reviewers: []
            """;

        Lint(text).Select(f => $"{f.Line} {f.Severity} {f.Rule}").ShouldBe(
        [
            "6 Error special-token", "7 Error secret", "9 Error placeholder-syntax", "11 Error missing-variable",
            "13 Error version", "14 Error reviewers",
        ]);
    }

    [Fact]
    public void Lint_WithHistory_AVersionBelowAnyEarlierOne_IsAnError_NamingTheHighest() =>
        Lint(Clean, history: new PromptHistory(
                [
                    new("ccc3333", Clean.Replace("1.0.0", "0.9.0", StringComparison.Ordinal)),
                    new("bbb2222", Clean.Replace("1.0.0", "1.2.0", StringComparison.Ordinal)),
                    new("aaa1111", Clean.Replace("1.0.0", "1.1.0", StringComparison.Ordinal)),
                ],
                [],
                ["alice"]))
            .ShouldBe([Error(10, "version-backwards", "metadata.version 1.0.0 is lower than 1.2.0, committed in "
                + "bbb2222: a version never goes back; set one above 1.2.0")]);

    [Fact]
    public void Lint_WithHistory_AReviewerNeitherOwnerNorApprover_IsAnError() =>
        Lint(Clean.Replace("[alice]", "[alice, bob, carol]", StringComparison.Ordinal),
                history: new PromptHistory([], ["Bob Example <123+bob@users.noreply.github.com>"],
                    ["alice", "org/team"]))
            .ShouldBe([Error(11, "reviewer-unverified", "metadata.reviewers: carol is not in CODEOWNERS and "
                + "approved no commit that changed this file: add carol to CODEOWNERS, or have carol review the "
                + "change and add a Reviewed-by: carol trailer")]);
}
