using System.Text.Json.Nodes;
using Frugal.Sources.Prompts;
using Frugal.Sources.Prompts.Prompty;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.Prompts.Prompty;

public sealed class PromptyExportTests
{
    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "prompts", "examples");

    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures", "prompty", "export");

    // Each brace that would open Jinja syntax, and the brace of a stray comment end, becomes a string literal; an
    // exact placeholder, found where gh-models finds it, stays.
    [Theory]
    [InlineData("plain {x} text", "plain {x} text")]
    [InlineData("{{name}}", "{{name}}")]
    [InlineData("{{ name }}", "{{ \"{\" }}{ name }}")]
    [InlineData("{{{name}}}", "{{ \"{\" }}{{name}}}")]
    [InlineData("{% if %}", "{{ \"{\" }}% if %}")]
    [InlineData("{# note #}", "{{ \"{\" }}# note #{{ \"}\" }}")]
    [InlineData("a #} b", "a #{{ \"}\" }} b")]
    [InlineData("{{x-y}}", "{{ \"{\" }}{x-y}}")]
    [InlineData("}} and %}", "}} and %}")]
    [InlineData("ends with {", "ends with {")]
    public void Escape(string content, string expected) => PromptyExport.Escape(content).ShouldBe(expected);

    [Theory]
    [InlineData("summarise.prompt.yml")]
    [InlineData("triage.prompt.yml")]
    public void Version2_ThenImport_GivesThePromptBack(string example) =>
        RoundTrip(Path.Combine(Examples, example));

    [Theory]
    [InlineData("braces.prompt.yml")]
    [InlineData("schema.prompt.yml")]
    public void Version2_ThenImport_GivesTrickyPromptsBack(string fixture) =>
        RoundTrip(Path.Combine(Fixtures, fixture));

    [Fact]
    public void Version2_ExactImportAfterExport_HasNoNotes()
    {
        var exported = PromptyExport.Convert("t.prompt.yml", File.ReadAllText(Path.Combine(Examples,
            "triage.prompt.yml")));

        PromptyImport.Convert("t.prompty", exported.Text).Notes.ShouldBeEmpty();
    }

    [Fact]
    public void SchemaOfOutputsShape_WrittenAsOutputs()
    {
        var conversion = PromptyExport.Convert("s.prompt.yml", File.ReadAllText(Path.Combine(Fixtures,
            "schema.prompt.yml")));

        conversion.Text.ShouldContain("""
            outputs:
              - name: temperature
                kind: integer
                description: Temperature in Fahrenheit
                required: true
              - name: condition
                kind: string
                enumValues:
                  - sunny
                  - cloudy
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        conversion.Text.ShouldNotContain("response_format");
        conversion.Notes.ShouldBeEmpty();
    }

    [Fact]
    public void OtherSchema_PassedThroughTheOptions_AndNoted()
    {
        var conversion = PromptyExport.Convert("t.prompt.yml", """
            name: t
            model: openai/gpt-4o
            responseFormat: json_schema
            jsonSchema: '{"name": "reply", "schema": {"type": "object"}}'
            messages:
              - role: user
                content: Hi
            """);

        conversion.Text.ShouldContain("""
                additionalProperties:
                  response_format:
                    type: json_schema
                    json_schema:
                      name: reply
                      schema:
                        type: object
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        conversion.Notes.ShouldHaveSingleItem().Line.ShouldBe(4);
    }

    [Fact]
    public void RoleMarkerLine_Refused_WithTheFileLine()
    {
        const string text = """
            name: m
            model: openai/gpt-4o
            messages:
              - role: system
                content: |
                  Here is a transcript.
                  user:
                  hi
            """;

        var error = Should.Throw<PromptFileException>(() => PromptyExport.Convert("m.prompt.yml", text));

        var problem = error.Problems.ShouldHaveSingleItem();
        problem.Line.ShouldBe(7);
        problem.Message.ShouldBe("messages[0].content has the line \"user:\", which Prompty reads as the start of a "
            + "new message: put text after the colon on the same line, or reword it");
    }

    [Fact]
    public void InvalidPromptFile_Refused_WithItsProblems()
    {
        var error = Should.Throw<PromptFileException>(() =>
            PromptyExport.Convert("bad.prompt.yml", "name: x\nmessages: []\n"));

        error.Problems.Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void Version1_TheSchemaSemanticKernelReads()
    {
        var conversion = PromptyExport.Convert("t.prompt.yml", File.ReadAllText(Path.Combine(Examples,
            "triage.prompt.yml")), version: 1);

        var front = conversion.Text[..conversion.Text.IndexOf("---\nsystem:", StringComparison.Ordinal)];
        front.ShouldBe("""
            ---
            name: triage-support-ticket
            description: Classify a support ticket and write a one-line summary, as a JSON object.
            version: 1.0.0
            model:
              api: chat
              configuration:
                type: openai
                name: gpt-4o-mini
              parameters:
                temperature: 0
                max_tokens: 80
                seed: 42
                response_format:
                  type: json_object
            sample:
              ticket: I was charged twice this month.
            inputs:
              ticket:
                type: string
            template: jinja2

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        string[] expected =
        [
            "metadata.reviewers is left out", "metadata.tokenBudget is left out", "metadata.repeat is left out",
            "Prompty trims the newlines at the start and end of a message",
            "2 test cases (the first is the sample), evaluators and checks are not carried",
        ];
        conversion.Notes.Count.ShouldBe(expected.Length);
        foreach (var start in expected)
        {
            conversion.Notes.ShouldContain(n => n.Message.StartsWith(start, StringComparison.Ordinal), start);
        }

        // Each left-out key is noted on its own line of the prompt file.
        conversion.Notes.Where(n => n.Message.StartsWith("metadata.", StringComparison.Ordinal)).Select(n => n.Line)
            .ShouldBe([44, 45, 47]);
    }

    [Fact]
    public void Convert_ATestDataKeyThatIsNoPlainName_IsNotedAsUnfilledInPrompty()
    {
        var conversion = PromptyExport.Convert("k.prompt.yml", "name: k\nmodel: openai/gpt-4o\nmessages:\n"
            + "  - role: user\n    content: 'Hi {{user-name}}'\ntestData:\n  - user-name: Ada\n");

        conversion.Text.ShouldContain("Hi {{ \"{\" }}{user-name}}");
        conversion.Notes.ShouldContain(new ConversionNote(5, "messages[0].content: {{user-name}} is filled by "
            + "gh-models, as the test data gives user-name, but Jinja2 reads no such name, so it is written as text "
            + "and Prompty sends it unfilled: rename the key to a plain name"));
    }

    [Theory]
    [InlineData("a.prompt.yml", "a.prompty")]
    [InlineData("b.PROMPT.YAML", "b.prompty")]
    [InlineData("c.yml", "c.prompty")]
    [InlineData("d", "d.prompty")]
    public void DefaultOutput(string input, string expected) => PromptyExport.DefaultOutput(input).ShouldBe(expected);

    /// <summary>Export then import: every field as it was; message text as Prompty keeps it (ends trimmed).</summary>
    private static void RoundTrip(string path)
    {
        var before = PromptFile.Load(path);
        var exported = PromptyExport.Convert(path, File.ReadAllText(path));
        var imported = PromptyImport.Convert("x.prompty", exported.Text);
        var reading = PromptFile.Parse("x.prompt.yml", imported.Text);
        reading.Problems.ShouldBeEmpty(imported.Text);
        var after = reading.Prompt;

        after.Name.ShouldBe(before.Name);
        after.Description.ShouldBe(before.Description);
        after.Model.ShouldBe(before.Model);
        after.ModelParameters.ShouldBe(before.ModelParameters);
        after.ResponseFormat.ShouldBe(before.ResponseFormat);
        if (before.JsonSchema is not null)
        {
            JsonNode.DeepEquals(JsonNode.Parse(after.JsonSchema!), JsonNode.Parse(before.JsonSchema)).ShouldBeTrue();
        }

        after.Messages.ShouldBe(before.Messages.Select(m => m with { Content = m.Content.Trim('\n') }));
        after.TestData.Select(t => t.Values).ShouldBe(before.TestData.Select(t => t.Values));
        after.Evaluators.ShouldBe(before.Evaluators);
        after.Checks.Count.ShouldBe(before.Checks.Count);
        after.Checks.Select(c => c.Type).ShouldBe(before.Checks.Select(c => c.Type));
        after.Metadata.Version.ShouldBe(before.Metadata.Version);
        after.Metadata.Reviewers.ShouldBe(before.Metadata.Reviewers);
        after.Metadata.TokenBudgets.ShouldBe(before.Metadata.TokenBudgets);
        after.Metadata.Repeat.ShouldBe(before.Metadata.Repeat);
        after.Metadata.Seed.ShouldBe(before.Metadata.Seed);
    }
}
