using System.Text.Json;
using Frugal.Domain.Prompts;
using Frugal.Domain.Prompts.Diff;
using Frugal.Sources.Prompts;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.Prompts.Diff;

/// <summary>
/// Each rule of prompts.md §5 (semantic versioning of prompts) on a pair of small prompt files, with the exact bump
/// it requires; and token deltas against counts from tests/fixtures/tokens/expected.json.
/// </summary>
public sealed class PromptDiffRulesTests
{
    private const string Base = """
        name: triage
        model: openai/gpt-4o-mini
        modelParameters:
          temperature: 0
          maxTokens: 200
        responseFormat: json_schema
        jsonSchema: |
          {"name": "triage", "schema": {"type": "object", "required": ["category"],
            "properties": {"category": {"type": "string"}, "summary": {"type": "string"}}}}
        messages:
          - role: system
            content: You triage support tickets.
          - role: user
            content: "Ticket: {{ticket}}"
        testData:
          - id: billing
            ticket: I was charged twice.
        evaluators:
          - name: is billing
            string:
              contains: billing
        checks:
          - type: is-json
        metadata:
          version: 1.0.0
          tokenBudget:
            o200k_base: 300
        """;

    public static TheoryData<string, string, string, VersionBump> Rules() => new()
    {
        { "placeholder removed", "\"Ticket: {{ticket}}\"", "\"Ticket: none\"", VersionBump.Major },
        { "placeholder renamed", "{{ticket}}", "{{issue}}", VersionBump.Major },
        { "placeholder added (required)", "\"Ticket: {{ticket}}\"", "\"Ticket: {{ticket}} {{tier}}\"",
            VersionBump.Major },
        { "output field removed", ", \"summary\": {\"type\": \"string\"}", string.Empty, VersionBump.Major },
        { "output field became required", "[\"category\"]", "[\"category\", \"summary\"]", VersionBump.Major },
        { "output field type changed", "\"summary\": {\"type\": \"string\"}", "\"summary\": {\"type\": \"array\"}",
            VersionBump.Major },
        { "optional output field added", "\"summary\": {\"type\": \"string\"}",
            "\"summary\": {\"type\": \"string\"}, \"urgent\": {\"type\": \"boolean\"}", VersionBump.Minor },
        { "required output field added", "[\"category\"]", "[\"category\", \"urgent\"]", VersionBump.Major },
        { "output field no longer required", "\"required\": [\"category\"],", string.Empty, VersionBump.Major },
        { "output field description", "\"summary\": {\"type\": \"string\"}",
            "\"summary\": {\"type\": \"string\", \"description\": \"one line\"}", VersionBump.Patch },
        { "output field enum added", "\"category\": {\"type\": \"string\"}",
            "\"category\": {\"type\": \"string\", \"enum\": [\"billing\", \"login\"]}", VersionBump.Major },
        { "model family changed", "openai/gpt-4o-mini", "anthropic/claude-sonnet-4", VersionBump.Major },
        { "tokenizer changed in the family", "openai/gpt-4o-mini", "openai/gpt-4", VersionBump.Major },
        { "model changed, same family and tokenizer", "openai/gpt-4o-mini", "openai/gpt-4o", VersionBump.Patch },
        { "test case added", "    ticket: I was charged twice.",
            "    ticket: I was charged twice.\n  - id: login\n    ticket: I cannot sign in.", VersionBump.Minor },
        { "test case changed", "charged twice", "charged three times", VersionBump.Patch },
        { "token budget rises", "o200k_base: 300", "o200k_base: 400", VersionBump.Minor },
        { "token budget lowered", "o200k_base: 300", "o200k_base: 200", VersionBump.None },
        { "wording, fewer tokens", "You triage support tickets.", "Triage support tickets.", VersionBump.Patch },
        { "wording, more tokens", "You triage support tickets.", "You triage support tickets quickly and well.",
            VersionBump.Minor },
        { "parameter changed", "temperature: 0", "temperature: 0.5", VersionBump.Patch },
        { "evaluator changed", "contains: billing", "contains: refund", VersionBump.Patch },
        { "check added", "  - type: is-json", "  - type: is-json\n  - type: max-output-tokens\n    value: 50",
            VersionBump.Patch },
        { "description only", "name: triage", "name: triage\ndescription: Sorts tickets.", VersionBump.None },
        { "reviewers only", "  version: 1.0.0", "  version: 1.0.0\n  reviewers: [alice]", VersionBump.None },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Compare_OneChange_RequiresTheBumpOfItsRule(string rule, string find, string replace, VersionBump bump)
    {
        Base.ShouldContain(find, Case.Sensitive, rule);

        var diff = Diff(Base, Base.Replace(find, replace, StringComparison.Ordinal));

        diff.Required.ShouldBe(bump, $"{rule}: {string.Join("; ", diff.Reasons.Select(r => r.Reason))}");
    }

    [Fact]
    public void Compare_ResponseFormatChanged_RequiresMajor()
    {
        var start = Base.IndexOf("responseFormat:", StringComparison.Ordinal);
        var end = Base.IndexOf("messages:", StringComparison.Ordinal);
        var after = Base[..start] + "responseFormat: json_object\n" + Base[end..];

        var diff = Diff(Base, after);

        diff.Required.ShouldBe(VersionBump.Major);
        diff.Reasons.ShouldContain(new BumpReason(VersionBump.Major,
            "responseFormat json_schema -> json_object: the output structure changes (§5: MAJOR)"));
        diff.Changes.Select(c => c.Area).ShouldBe(["responseFormat", "jsonSchema"]);
    }

    [Fact]
    public void Compare_RequiredOutputFieldAddedWithItsType_RequiresMajor()
    {
        var after = Base.Replace("[\"category\"]", "[\"category\", \"urgent\"]", StringComparison.Ordinal)
            .Replace("\"summary\": {\"type\": \"string\"}",
                "\"summary\": {\"type\": \"string\"}, \"urgent\": {\"type\": \"boolean\"}", StringComparison.Ordinal);

        var diff = Diff(Base, after);

        diff.Reasons.ShouldBe([new BumpReason(VersionBump.Major, "required output field $.urgent added (§5: MAJOR)")]);
    }

    [Fact]
    public void Compare_SameFile_RequiresNothingAndPasses()
    {
        var diff = Diff(Base, Base);

        diff.Changes.ShouldBeEmpty();
        diff.Required.ShouldBe(VersionBump.None);
        diff.Failure.ShouldBeNull();
    }

    [Fact]
    public void Failure_DeclaredPatchForAMajorChange_SaysSoExactly()
    {
        var after = Base.Replace("{{ticket}}", "{{issue}}", StringComparison.Ordinal)
            .Replace("version: 1.0.0", "version: 1.0.1", StringComparison.Ordinal);

        var diff = Diff(Base, after);

        diff.Declared.ShouldBe(VersionBump.Patch);
        diff.Failure.ShouldBe("declared bump PATCH (1.0.0 -> 1.0.1) is smaller than the required MAJOR: "
            + "set metadata.version to 2.0.0 or higher");
    }

    [Fact]
    public void Failure_VersionNotRaised_DeclaresNone()
    {
        var diff = Diff(Base, Base.Replace("temperature: 0", "temperature: 1", StringComparison.Ordinal));

        diff.Failure.ShouldBe("declared bump NONE (1.0.0 -> 1.0.0) is smaller than the required PATCH: "
            + "set metadata.version to 1.0.1 or higher");
    }

    [Fact]
    public void Failure_MajorDeclaredForAMinorChange_IsNone()
    {
        var after = Base.Replace("o200k_base: 300", "o200k_base: 400", StringComparison.Ordinal)
            .Replace("version: 1.0.0", "version: 2.0.0", StringComparison.Ordinal);

        var diff = Diff(Base, after);

        diff.Required.ShouldBe(VersionBump.Minor);
        diff.Declared.ShouldBe(VersionBump.Major);
        diff.Failure.ShouldBeNull();
    }

    [Fact]
    public void Failure_NewFileWithoutAVersion_NamesTheVersionToSet()
    {
        var diff = Diff(Base, Base.Replace("  version: 1.0.0\n", string.Empty, StringComparison.Ordinal)
            .Replace("You triage", "Triage", StringComparison.Ordinal));

        diff.Failure.ShouldBe("the change requires a PATCH bump but the new file has no metadata.version: "
            + "set it to 1.0.1 or higher");
    }

    [Fact]
    public void Failure_AMajorChangeAtTheLargestMajor_SaysNoVersionCanDeclareIt()
    {
        var before = Base.Replace("version: 1.0.0", "version: 9223372036854775807.0.0", StringComparison.Ordinal);
        var after = before.Replace("{{ticket}}", "{{issue}}", StringComparison.Ordinal)
            .Replace(".0.0", ".0.1", StringComparison.Ordinal);

        var diff = Diff(before, after);

        diff.Failure.ShouldBe("declared bump PATCH (9223372036854775807.0.0 -> 9223372036854775807.0.1) is smaller "
            + "than the required MAJOR: no version can declare it, as MAJOR is already 9223372036854775807, the "
            + "largest number Frugal reads in a version: give the changed prompt a new name and start it at 1.0.0");
    }

    [Fact]
    public void Compare_AChangedEvaluatorThatSharesItsName_IsMatchedByItsPlaceAmongThatName()
    {
        var two = Base.Replace("      contains: billing", "      contains: billing\n  - name: is billing\n"
            + "    string:\n      contains: charged", StringComparison.Ordinal);

        var diff = Diff(two, two.Replace("contains: charged", "contains: refund", StringComparison.Ordinal));

        diff.Changes.ShouldBe([new PromptChange("evaluators", ChangeKind.Changed, "is billing (2)",
            "string contains: charged", "string contains: refund")]);
        diff.Required.ShouldBe(VersionBump.Patch);
    }

    [Fact]
    public void Compare_AnOutputFieldNamedTwice_ReadsTheLastLikeGo()
    {
        const string Twice = "\"summary\": {\"type\": \"string\"}, \"summary\": {\"type\": \"number\"}";
        var before = Base.Replace("\"summary\": {\"type\": \"string\"}", Twice, StringComparison.Ordinal);

        var firstDropped = Diff(before, before.Replace(Twice, "\"summary\": {\"type\": \"number\"}",
            StringComparison.Ordinal));
        var lastChanged = Diff(before, before.Replace("\"number\"", "\"boolean\"", StringComparison.Ordinal));

        firstDropped.Reasons.ShouldBeEmpty();
        lastChanged.Reasons.ShouldBe([new BumpReason(VersionBump.Major,
            "output field $.summary changed type \"number\" -> \"boolean\" (§5: MAJOR)")]);
    }

    [Fact]
    public void Compare_AKeyThatIsNoPlainNameWrittenAsAPlaceholder_IsAnAddedPlaceholder()
    {
        var after = Base.Replace("\"Ticket: {{ticket}}\"", "\"Ticket: {{ticket}} {{user-tier}}\"",
                StringComparison.Ordinal)
            .Replace("ticket: I was", "user-tier: gold\n    ticket: I was", StringComparison.Ordinal);

        var diff = Diff(Base, after);

        diff.Reasons.ShouldContain(new BumpReason(VersionBump.Major,
            "placeholder {{user-tier}} added, and every placeholder is required (§5: MAJOR)"));
    }

    [Fact]
    public void Compare_ChangedMessage_ListsTheChangedLinesPerRole()
    {
        var diff = Diff(Base, Base.Replace("You triage support tickets.", "You sort tickets.",
            StringComparison.Ordinal));

        var change = diff.Changes.ShouldHaveSingleItem();
        change.Area.ShouldBe("messages");
        change.Subject.ShouldBe("system #1");
        change.Lines.ShouldBe(["- You triage support tickets.", "+ You sort tickets."]);
    }

    [Fact]
    public void Tokens_AddedUserMessage_GrowByTheFixtureCountPlusTheMessageOverhead()
    {
        // "english" is 19 tokens in o200k_base and 21 in cl100k_base (tiktoken, expected.json); a message adds 3.
        var english = Fixture("texts.json").RootElement.EnumerateArray()
            .First(t => t.GetProperty("id").GetString() == "english").GetProperty("text").GetString()!;
        var counts = Fixture("expected.json").RootElement.GetProperty("counts").EnumerateArray()
            .First(c => c.GetProperty("id").GetString() == "english");
        var after = Base.Replace("    content: \"Ticket: {{ticket}}\"",
            "    content: \"Ticket: {{ticket}}\"\n  - role: user\n    content: \"" + english + "\"",
            StringComparison.Ordinal);
        english.ShouldNotContain('"');

        var diff = Diff(Base, after);

        var o200k = diff.Tokens.Single(t => t.Label == "o200k_base");
        var cl100k = diff.Tokens.Single(t => t.Label == "cl100k_base");
        o200k.Delta.ShouldBe(counts.GetProperty("o200k_base").GetInt32() + 3);
        cl100k.Delta.ShouldBe(counts.GetProperty("cl100k_base").GetInt32() + 3);
        o200k.Delta.ShouldBe(22);
        cl100k.Delta.ShouldBe(24);
        diff.Tokens.Single(t => t.Label == "openai/gpt-4o-mini").ShouldBe(o200k with { Label = "openai/gpt-4o-mini" });
        diff.Required.ShouldBe(VersionBump.Minor, "message text whose token count rises");
        diff.Changes.ShouldContain(c => c.Area == "messages" && c.Kind == ChangeKind.Added && c.Subject == "user #2");
    }

    [Fact]
    public void Tokens_ModelWithoutAPublicTokenizer_IsAnEstimate()
    {
        var after = Base.Replace("openai/gpt-4o-mini", "anthropic/claude-sonnet-4", StringComparison.Ordinal);

        var diff = Diff(Base, after);

        var claude = diff.Tokens.Single(t => t.Label == "anthropic/claude-sonnet-4");
        claude.IsEstimate.ShouldBeTrue();
        claude.Encoding.ShouldBe(TokenEncoding.O200kBase);
        diff.Tokens.Single(t => t.Label == "openai/gpt-4o-mini").IsEstimate.ShouldBeFalse();
    }

    private static PromptDiff Diff(string before, string after)
    {
        var a = PromptFile.Parse("old.prompt.yml", before);
        var b = PromptFile.Parse("new.prompt.yml", after);
        a.Problems.ShouldBeEmpty();
        b.Problems.ShouldBeEmpty();
        return PromptDiffer.Compare(a.Prompt, b.Prompt,
            (messages, encoding) => PromptTokens.CountChat(messages, encoding, isEstimate: false).Total);
    }

    private static JsonDocument Fixture(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "tokens", name)));
}
