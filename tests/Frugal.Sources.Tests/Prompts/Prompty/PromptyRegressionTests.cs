using Frugal.Domain.Prompts;
using Frugal.Sources.Prompts;
using Frugal.Sources.Prompts.Prompty;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.Prompts.Prompty;

/// <summary>
/// Faults found by trying to break frugal prompt import/export, each checked against Prompty's own TypeScript runtime
/// (@prompty/core: gray-matter, nunjucks, strict mode), kept as regression tests. (Its speed findings, quadratic time
/// on large messages, were checked by hand: see the closing note; timed tests do not belong in unit tests.)
/// </summary>
public sealed class PromptyRegressionTests
{
    private const string Head = "name: t\nmodel: openai/gpt-4o\n";

    // gray-matter closes the front matter only at "\n---" (column 0); an indented "---" inside a block scalar (a
    // markdown rule in a description) is YAML text. Frugal closes there, and the rest of the front matter becomes a
    // system message while the model is lost.
    [Fact]
    public void Import_IndentedDashLineInABlockScalar_DoesNotCloseTheFrontMatter()
    {
        const string text = "---\nname: a\ndescription: |\n  x\n  ---\n  y\nmodel: gpt-4o\n---\nuser:\nhi\n";

        var prompt = Imported(text);

        prompt.Description.ShouldBe("x\n---\ny\n");
        prompt.Model.ShouldBe("openai/gpt-4o");
        prompt.Messages.ShouldBe([new PromptMessage(PromptRole.User, "hi")]);
    }

    // The same fault met by Frugal's own output: export writes the description as a literal block, import cuts it.
    [Fact]
    public void Export_ThenImport_ADescriptionWithADashLine_GivesThePromptBack()
    {
        const string source = "name: t\ndescription: \"intro\\n---\\nmore\"\nmodel: openai/gpt-4o\n"
            + "messages:\n  - role: user\n    content: hi\n";

        var prompt = Imported(PromptyExport.Convert("t.prompt.yml", source).Text);

        prompt.Description.ShouldBe("intro\n---\nmore");
        prompt.Model.ShouldBe("openai/gpt-4o");
        prompt.Messages.Count.ShouldBe(1);
    }

    // Prompty's loader trims the whole body (String.prototype.trim), so the last message loses its trailing spaces,
    // tabs and no-break spaces, not only newlines; the export says "(exact)".
    [Theory]
    [InlineData("Answer: ")]
    [InlineData("hi\n  ")]
    [InlineData("hi\t")]
    [InlineData("hi\u00a0")]
    public void Export_TrailingWhitespaceOfTheLastMessage_IsNoted(string content)
    {
        var source = Head + $"messages:\n  - role: user\n    content: \"{Escaped(content)}\"\n";

        PromptyExport.Convert("t.prompt.yml", source).Notes.ShouldNotBeEmpty();
    }

    // Prompty's runtime: mapped options win, additionalProperties only add keys. Frugal adds both: a crash.
    [Theory]
    [InlineData("  options:\n    temperature: 0.2\n    additionalProperties:\n      temperature: 0.9\n")]
    [InlineData("  options:\n    temperature: 0.2\n  parameters:\n    temperature: 0.1\n")]
    [InlineData("  options:\n    maxOutputTokens: 5\n  parameters:\n    max_tokens: 6\n")]
    public void Import_AParameterGivenTwice_DoesNotCrash(string options)
    {
        var text = "---\nname: a\nmodel:\n  id: gpt-4o\n" + options + "---\nuser:\nhi\n";

        Should.NotThrow(() => PromptyImport.Convert("a.prompty", text));
    }

    [Fact]
    public void Import_TwoInputsOfTheSameName_DoNotCrash()
    {
        const string text = "---\nname: a\nmodel: gpt-4o\ninputs:\n  - name: x\n    kind: string\n    example: a\n"
            + "  - name: x\n    kind: string\n    example: b\n---\nuser:\n{{x}}\n";

        Should.NotThrow(() => PromptyImport.Convert("a.prompty", text));
    }

    // The prompt file reader accepts a JSON object with a repeated key; the export then dies in JsonNode.Parse.
    [Fact]
    public void Export_AJsonSchemaWithARepeatedKey_IsAProblemNotACrash()
    {
        const string source = Head + "responseFormat: json_schema\n"
            + "jsonSchema: '{\"name\": \"a\", \"name\": \"a\", \"schema\": {\"type\": \"object\"}}'\n"
            + "messages:\n  - role: user\n    content: hi\n";

        var thrown = Record.Exception(() => PromptyExport.Convert("t.prompt.yml", source));

        if (thrown is not null)
        {
            thrown.ShouldBeOfType<PromptFileException>();
        }
    }

    // Prompty's OpenAI runtime maps kind number to "number" and honours nullable (wire.ts propertyToJsonSchema).
    [Theory]
    [InlineData("  - name: n\n    kind: number\n    required: true\n", "\"number\"")]
    [InlineData("  - name: s\n    kind: string\n    required: true\n    nullable: true\n", "\"null\"")]
    [InlineData("  - name: u\n    kind: union\n    required: true\n    anyOf:\n      - kind: string\n"
        + "      - kind: integer\n", "anyOf")]
    public void Import_Outputs_GiveTheSchemaPromptySends(string outputs, string expected)
    {
        var text = "---\nname: a\nmodel: gpt-4o\noutputs:\n" + outputs + "---\nuser:\nhi\n";

        Imported(text).JsonSchema.ShouldNotBeNull().ShouldContain(expected);
    }

    // Prompty's Property loader reads required with JavaScript's Boolean(): "false", yes and 1 are all true.
    [Theory]
    [InlineData("\"false\"")]
    [InlineData("yes")]
    [InlineData("1")]
    public void Import_RequiredAsJavaScriptReadsIt(string required)
    {
        var text = "---\nname: a\nmodel: gpt-4o\noutputs:\n  - name: a\n    kind: string\n    required: "
            + required + "\n---\nuser:\nhi\n";

        Imported(text).JsonSchema.ShouldNotBeNull().ShouldNotContain("\"null\"");
    }

    // With both, Prompty sends the outputs' schema: buildChatArgs sets response_format from outputs last.
    [Fact]
    public void Import_OutputsWinOverAResponseFormatInTheOptions()
    {
        const string text = "---\nname: a\nmodel:\n  id: gpt-4o\n  options:\n    additionalProperties:\n"
            + "      response_format:\n        type: json_object\noutputs:\n  - name: answer\n    kind: string\n"
            + "    required: true\n---\nuser:\nhi\n";

        Imported(text).ResponseFormat.ShouldBe(PromptResponseFormat.JsonSchema);
    }

    // Prompty renders the literal "{" then the text "{x}}": the message is the text {{x}}. The import writes {{x}},
    // which gh-models substitutes.
    [Theory]
    [InlineData("{{ \"{\" }}{x}}")]
    [InlineData("{{ \"{{\" }}x}}")]
    public void Import_AStringLiteral_NeverBecomesAPlaceholder(string body)
    {
        var conversion = PromptyImport.Convert("a.prompty",
            "---\nname: a\nmodel: gpt-4o\nversion: 1.0.0\n---\nuser:\n" + body + "\n");
        var prompt = PromptFile.Parse("a.prompt.yml", conversion.Text).Prompt;

        var placeholders = PromptTemplate.Substituted(prompt.Messages[0].Content);

        (placeholders.Count == 0 || conversion.Notes.Count > 0).ShouldBeTrue(conversion.Text);
    }

    // nunjucks reads {{ true }}, {{ false }}, {{ none }} as literals; the import makes them placeholders silently.
    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("none")]
    public void Import_AJinjaLiteral_IsNotMadeAPlaceholder(string word)
    {
        var conversion = PromptyImport.Convert("a.prompty",
            "---\nname: a\nmodel: gpt-4o\n---\nuser:\n[{{ " + word + " }}]\n");

        conversion.Text.ShouldNotContain("[{{" + word + "}}]");
    }

    // In nunjucks these names are literals, Object.prototype members or names the runtime strips from the inputs:
    // {{none}} renders "", {{true}} "true", {{constructor}} "function Object() ...", {{not}} fails to parse.
    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("none")]
    [InlineData("not")]
    [InlineData("constructor")]
    [InlineData("prototype")]
    [InlineData("__proto__")]
    public void Export_APlaceholderNunjucksCannotLookUp_IsRefusedOrNoted(string name)
    {
        var source = Head + "messages:\n  - role: user\n    content: \"v={{" + name + "}}\"\ntestData:\n  - "
            + name + ": V\n";

        var thrown = Record.Exception(() => PromptyExport.Convert("t.prompt.yml", source));

        (thrown is PromptFileException
            || PromptyExport.Convert("t.prompt.yml", source).Notes.Count > 0).ShouldBeTrue();
    }

    // YAML forbids these characters in a literal block; js-yaml (Prompty's loader) refuses the exported file.
    [Fact]
    public void Export_AControlCharacterInTheDescription_IsWrittenEscaped()
    {
        const string source = "name: t\ndescription: \"a\\u0001\\nb\"\nmodel: openai/gpt-4o\n"
            + "messages:\n  - role: user\n    content: hi\n";

        PromptyExport.Convert("t.prompt.yml", source).Text.ShouldNotContain("\u0001");
    }

    // A literal block cannot hold \r, NEL or LS: YAML readers turn them into line breaks (or indent after them).
    [Theory]
    [InlineData("a\rb\nc")]
    [InlineData("a\u0085b\nc")]
    public void Import_AMessageWithAnUnusualLineBreak_KeepsItsText(string content)
    {
        var prompt = Imported("---\nname: a\nmodel: gpt-4o\n---\nuser:\n" + content + "\n");

        prompt.Messages[0].Content.ShouldBe(content);
    }

    // YamlDotNet indents after a U+2028 in a literal block; js-yaml (YAML 1.2) then reads "a\u2028      b".
    [Fact]
    public void Import_AMessageWithALineSeparator_IsNotIndentedAfterIt()
    {
        var text = PromptyImport.Convert("a.prompty", "---\nname: a\nmodel: gpt-4o\n---\nuser:\na\u2028b\nc\n").Text;

        text.ShouldNotContain("\u2028 ");
    }

    // YamlDotNet writes "\n" as a literal block with an indentation indicator, which reads back as "".
    [Theory]
    [InlineData("\n")]
    [InlineData("\n\n")]
    [InlineData(" leading space\nline")]
    [InlineData("a\r\nb")]
    [InlineData("a\u0085b\nc")]
    [InlineData("a\u2028b\nc")]
    [InlineData("a\u0001\nb")]
    public void YamlText_ReadsBackAsWritten(string value)
    {
        var root = new YamlDotNet.RepresentationModel.YamlMappingNode();
        root.Put("v", YamlWriting.Text(value));
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(YamlWriting.Write(root)));

        ((YamlDotNet.RepresentationModel.YamlMappingNode)stream.Documents[0].RootNode).Scalar("v").ShouldBe(value);
    }

    // gh-models' yaml.v3 reads maxTokens 0100 as octal, 64; the export writes the number, not the text, so no
    // reader's rule for a leading zero can change it.
    [Fact]
    public void Export_ANumberWithALeadingZero_IsWrittenAsTheNumberGhModelsSends()
    {
        var source = Head + "modelParameters:\n  maxTokens: 0100\nmessages:\n  - role: user\n    content: hi\n";

        PromptyExport.Convert("t.prompt.yml", source).Text.ShouldContain("maxOutputTokens: 64\n");
    }

    // js-yaml refuses unknown tags; the export copies them from the prompt file into the front matter.
    [Fact]
    public void Export_AYamlTag_IsNotCopiedIntoTheFrontMatter()
    {
        var source = Head + "messages:\n  - role: user\n    content: hi {{x}}\ntestData:\n  - x: !custom foo\n";

        PromptyExport.Convert("t.prompt.yml", source).Text.ShouldNotContain("!custom");
    }

    // A model without a publisher ("gpt-4o") comes back as openai/gpt-4o, with a note on export.
    [Theory]
    [InlineData("openai/a/b")]
    [InlineData("meta/llama-3.3-70b-instruct")]
    [InlineData("anthropic/claude-x")]
    public void Export_ThenImport_GivesTheModelBack(string model)
    {
        var source = $"name: t\nmodel: {model}\nmessages:\n  - role: user\n    content: hi\n";

        Imported(PromptyExport.Convert("t.prompt.yml", source).Text).Model.ShouldBe(model);
    }

    // JavaScript's trim and \s differ from .NET's: U+FEFF is whitespace to Prompty, U+0085 is not, and \w is ASCII.
    [Theory]
    [InlineData("\ufeffuser:", true)]
    [InlineData("\u0085user:", false)]
    [InlineData("user[\u00e9=1]:", false)]
    public void IsRoleMarker_AsPromptysRegexReadsIt(string line, bool expected) =>
        PromptyText.IsRoleMarker(line).ShouldBe(expected);

    // The body is trimmed whole, so the first line of a leading system message loses its indentation.
    [Fact]
    public void Import_TheBodysLeadingSpaces_AreTrimmedAsPromptyTrimsThem()
    {
        var prompt = Imported("---\nname: a\nmodel: gpt-4o\n---\n   hello\nuser:\nb\n");

        prompt.Messages[0].Content.ShouldBe("hello");
    }

    private static PromptDefinition Imported(string text)
    {
        var conversion = PromptyImport.Convert("a.prompty", text);
        return PromptFile.Parse("a.prompt.yml", conversion.Text).Prompt;
    }

    private static string Escaped(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\t", "\\t", StringComparison.Ordinal)
        .Replace("\u00a0", "\\u00a0", StringComparison.Ordinal);
}
