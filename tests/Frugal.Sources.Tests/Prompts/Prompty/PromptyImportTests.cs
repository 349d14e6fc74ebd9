using System.Text.Json.Nodes;
using Frugal.Domain.Prompts;
using Frugal.Sources.Prompts;
using Frugal.Sources.Prompts.Prompty;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.Prompts.Prompty;

public sealed class PromptyImportTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures", "prompty", "import");

    [Fact]
    public void Version2_EveryFieldMapped_AndTheResultIsAValidPromptFile()
    {
        var (prompt, notes) = Import("support-v2.prompty");

        prompt.Name.ShouldBe("support-answer");
        prompt.Description.ShouldBe("Answer a customer's question about their order, in two sentences.");
        prompt.Model.ShouldBe("openai/gpt-4o-mini");
        prompt.ModelParameters.ShouldBe(new PromptModelParameters { Temperature = 0.2, MaxTokens = 120 });
        prompt.Metadata.Seed.ShouldBe(7);
        prompt.Metadata.Version.ShouldBe(SemanticVersion.Parse("1.4.0"));
        prompt.Metadata.Authors.ShouldBe(["dana"]);
        prompt.Metadata.Tags.ShouldBe(["support", "orders"]);
        prompt.Messages.ShouldBe(
        [
            new PromptMessage(PromptRole.System,
                "You answer questions about orders for {{customer}}.\nBe brief: two sentences at most."),
            new PromptMessage(PromptRole.User, "{{question}}"),
        ]);

        // The example wins over the default, as documentation of a typical value.
        prompt.TestData.ShouldHaveSingleItem().Values.ShouldBe(
            new Dictionary<string, string> { ["customer"] = "Sam", ["question"] = "Where is my parcel?" });
        notes.ShouldContain(n => n.Line == 14 && n.Message.StartsWith("the connection (endpoint, key) is not carried",
            StringComparison.Ordinal));
        notes.ShouldContain(n => n.Line == 21 && n.Message.StartsWith("frequencyPenalty not carried",
            StringComparison.Ordinal));
        notes.ShouldContain(n => n.Line == 8 && n.Message == "version \"1.4\" written as 1.4.0 (semantic versions "
            + "have three parts)");
        notes.Select(n => n.Line).ShouldBe(notes.Select(n => n.Line).Order());
    }

    [Fact]
    public void Version2_NoSecretOrEndpointIsCopied()
    {
        var conversion = PromptyImport.Convert("x.prompty", File.ReadAllText(Path.Combine(Fixtures,
            "support-v2.prompty")));

        conversion.Text.ShouldNotContain("SUPPORT_API_KEY");
        conversion.Text.ShouldNotContain("example.test");
    }

    [Fact]
    public void Version1_ConfigurationParametersSampleAndTopLevelMetadata()
    {
        var (prompt, notes) = Import("legacy-v1.prompty");

        prompt.Name.ShouldBe("Shakespearean Writer");
        prompt.Model.ShouldBe("openai/gpt-4o");
        prompt.ModelParameters.ShouldBe(new PromptModelParameters { Temperature = 0.9, MaxTokens = 300, TopP = 0.95 });
        prompt.Metadata.Version.ShouldBe(SemanticVersion.Parse("2.0.0"));
        prompt.Metadata.Authors.ShouldBe(["Robin"]);
        prompt.Messages[0].Content.ShouldBe("You are a writing assistant who speaks like Shakespeare.\n"
            + "Here is an example of the style:\n- Shall I compare thee to a summer's day?");
        prompt.TestData.ShouldHaveSingleItem().Values["question"].ShouldBe("Write an invitation to a game night.");
        notes.ShouldContain(n => n.Line == 8 && n.Message.StartsWith("\"gpt-4o\" is an Azure deployment name",
            StringComparison.Ordinal));
        notes.ShouldContain(n => n.Line == 17 && n.Message.StartsWith("stop not carried", StringComparison.Ordinal));
    }

    [Fact]
    public void Markers_HeadingsCaseAttributesAndTheDeveloperRole()
    {
        var (prompt, notes) = Import("markers.prompty");

        prompt.Messages.Select(m => m.Role).ShouldBe(
            [PromptRole.System, PromptRole.User, PromptRole.Assistant, PromptRole.System, PromptRole.User]);
        prompt.Messages[1].Content.ShouldBe("Explain {{topic}} in one paragraph.");
        notes.ShouldContain(n => n.Line == 20 && n.Message.StartsWith("the developer message is written as a system",
            StringComparison.Ordinal));
        notes.ShouldContain(n => n.Line == 23 && n.Message == "user[name=\"Alice\"]: the marker's attributes are not "
            + "carried");
    }

    [Fact]
    public void StrictSplit_IndentedRuleStaysInTheDescription_EmptyMessagesLeftOutWithANote()
    {
        var (prompt, notes) = Import("strict.prompty");

        prompt.Description.ShouldBe(
            "A description with a Markdown rule in it:\n---\nThe front matter goes on below.\n");
        prompt.Messages.Select(m => m.Role).ShouldBe([PromptRole.User, PromptRole.Assistant]);
        notes.Where(n => n.Message.StartsWith("an empty", StringComparison.Ordinal)).Select(n => n.Line)
            .ShouldBe([15, 20]);
    }

    [Fact]
    public void Braces_CommentsRemovedAndStringLiteralsUnescaped()
    {
        var (prompt, notes) = Import("braces.prompty");

        prompt.Model.ShouldBe("anthropic/claude-3-5-haiku");
        prompt.Messages[0].Content.ShouldBe(
            "Reply with JSON such as {\"ok\": true}.\nTemplates in the reply look like {{name}}.");
        prompt.TestData.ShouldHaveSingleItem().Values["code"].ShouldBe("x = {'a': 1}");
        notes.ShouldContain(n => n.Line == 12 && n.Message.StartsWith("a template comment was removed",
            StringComparison.Ordinal));
    }

    [Fact]
    public void JinjaLogic_KeptAsWrittenAndEachFormNotedOnItsLine()
    {
        var conversion = PromptyImport.Convert("jinja-logic.prompty",
            File.ReadAllText(Path.Combine(Fixtures, "jinja-logic.prompty")));

        conversion.Text.ShouldContain("{% for item in items %}- {{item}}\n");
        conversion.Text.ShouldContain("Greet {{ name | upper }}.");
        conversion.Notes.Where(n => n.Message.Contains("is template syntax gh-models does not render",
            StringComparison.Ordinal))
            .Select(n => (n.Line, n.Message[..n.Message.IndexOf("' is", StringComparison.Ordinal)]))
            .ShouldBe([(15, "'{% for item in items %}"), (16, "'{% endfor %}"), (17, "'{{ name | upper }}")]);
        conversion.Notes.ShouldContain(n => n.Line == 11 && n.Message.StartsWith("input photo is of kind image",
            StringComparison.Ordinal));
    }

    [Fact]
    public void Outputs_BecomeTheSchemaPromptySends()
    {
        var (prompt, notes) = Import("structured.prompty");

        prompt.ResponseFormat.ShouldBe(PromptResponseFormat.JsonSchema);
        // Worked out from Prompty's OpenAI wire rules (spec.md §7.1.4/§7.1.6, runtime/typescript openai wire.ts):
        // every output listed in required; one not marked required is nullable (its enum gains null); nested
        // objects list all their properties as required and allow no others.
        var expected = JsonNode.Parse("""
            {"name": "structured_output", "strict": true, "schema": {"type": "object", "properties": {
              "temperature": {"type": "integer", "description": "Temperature in Fahrenheit"},
              "condition": {"type": ["string", "null"], "enum": ["sunny", "cloudy", "rain", null]},
              "wind": {"type": ["object", "null"], "properties": {
                "speed": {"type": "number"},
                "direction": {"type": ["string", "null"]}},
                "required": ["speed", "direction"], "additionalProperties": false}},
              "required": ["temperature", "condition", "wind"], "additionalProperties": false}}
            """);
        JsonNode.DeepEquals(JsonNode.Parse(prompt.JsonSchema!), expected).ShouldBeTrue(prompt.JsonSchema);
        notes.ShouldContain(n => n.Message.StartsWith("the template format is mustache", StringComparison.Ordinal));
        notes.ShouldContain(n => n.Line == 26 && n.Message.StartsWith("tools not carried", StringComparison.Ordinal));
    }

    [Fact]
    public void NoFrontMatter_NameFromTheFileAndNoModelNoted()
    {
        var conversion = PromptyImport.Convert("prompts/hello.prompty", "Say hello to {{ who }}.\n");

        conversion.Text.ShouldBe("""
            name: hello
            messages:
              - role: system
                content: Say hello to {{who}}.

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        conversion.Notes.Select(n => n.Message).ShouldContain("name taken from the file name, \"hello\" (the file has "
            + "no name)");
        conversion.Notes.ShouldContain(n => n.Message.StartsWith("the file names no model", StringComparison.Ordinal));
        conversion.Notes.ShouldContain(n => n.Message.StartsWith("the .prompt.yml needs fixing: model",
            StringComparison.Ordinal));
    }

    [Fact]
    public void ScalarShorthandInputs_BecomeTheTestCase()
    {
        var conversion = PromptyImport.Convert("s.prompty",
            "---\nname: s\nmodel: gpt-4o\ninputs:\n  city: Oslo\n  days: 3\n---\nuser:\n"
            + "Weather in {{city}}, {{days}} days");

        var prompt = PromptFile.Parse("s.prompt.yml", conversion.Text).Prompt;
        prompt.TestData.ShouldHaveSingleItem().Values.ShouldBe(
            new Dictionary<string, string> { ["city"] = "Oslo", ["days"] = "3" });
    }

    [Fact]
    public void CrLfFiles_ReadAsLf()
    {
        var conversion = PromptyImport.Convert("c.prompty",
            "---\r\nname: c\r\nmodel: gpt-4o\r\n---\r\nuser:\r\nHi\r\n");

        PromptFile.Parse("c.prompt.yml", conversion.Text).Prompt.Messages.ShouldHaveSingleItem().Content.ShouldBe("Hi");
    }

    [Fact]
    public void BadFrontMatter_TheFileLineOfTheFault()
    {
        var error = Should.Throw<PromptFileException>(() =>
            PromptyImport.Convert("b.prompty", "\n---\nname: b\nmodel: [gpt-4o\n---\nuser:\nHi\n"));

        error.Problems.ShouldHaveSingleItem().Line.ShouldBeInRange(4, 5);
        error.Message.ShouldContain("not valid YAML");
    }

    [Fact]
    public void Aliases_Refused()
    {
        var error = Should.Throw<PromptFileException>(() =>
            PromptyImport.Convert("a.prompty", "---\nname: &n a\ndescription: *n\n---\nuser:\nHi\n"));

        error.Problems.ShouldHaveSingleItem().Line.ShouldBe(3);
    }

    [Fact]
    public void DeeplyNestedFrontMatter_IsAProblemNotAStackOverflow()
    {
        var text = "---\nname: d\ntags: " + new string('[', 30_000) + new string(']', 30_000) + "\n---\nuser:\nHi\n";

        var error = Should.Throw<PromptFileException>(() => PromptyImport.Convert("d.prompty", text));

        var problem = error.Problems.ShouldHaveSingleItem();
        problem.Line.ShouldBe(3);
        problem.Message.ShouldContain("nested more than 1,000 levels deep");
    }

    [Fact]
    public void UnknownMetadataAndTopLevelKeys_Noted()
    {
        var conversion = PromptyImport.Convert("u.prompty",
            "---\nname: u\nmodel: gpt-4o\nmetadata:\n  owner: ops\nbase: other.prompty\n---\nuser:\nHi\n");

        conversion.Notes.Where(n => n.Message.Contains(" not carried", StringComparison.Ordinal))
            .Select(n => (n.Line, n.Message[..n.Message.IndexOf(" not carried", StringComparison.Ordinal)]))
            .ShouldBe([(5, "metadata.owner"), (6, "base")]);
    }

    [Theory]
    [InlineData("x.prompty", "x.prompt.yml")]
    [InlineData("dir/Y.PROMPTY", "dir/Y.prompt.yml")]
    [InlineData("z.txt", "z.txt.prompt.yml")]
    public void DefaultOutput(string input, string expected) => PromptyImport.DefaultOutput(input).ShouldBe(expected);

    private static (PromptDefinition Prompt, IReadOnlyList<ConversionNote> Notes) Import(string name)
    {
        var conversion = PromptyImport.Convert(name, File.ReadAllText(Path.Combine(Fixtures, name)));
        var reading = PromptFile.Parse(PromptyImport.DefaultOutput(name), conversion.Text);
        reading.Problems.ShouldBeEmpty(conversion.Text);
        return (reading.Prompt, conversion.Notes);
    }
}
