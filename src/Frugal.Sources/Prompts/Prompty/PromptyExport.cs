using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Frugal.Domain.Prompts;
using YamlDotNet.RepresentationModel;

namespace Frugal.Sources.Prompts.Prompty;

/// <summary>
/// Writes a <c>.prompt.yml</c> as a Microsoft Prompty file that renders the same messages, v2 by default (the
/// current spec) or v1 (the schema Semantic Kernel's loader reads). The reverse of <see cref="PromptyImport"/>.
/// </summary>
/// <remarks>
/// <para>v2 keeps everything: Frugal's metadata, and the test data, evaluators and checks (which Prompty has no
/// place for) under <c>metadata</c>, where Prompty's runtimes ignore them and an import finds them again. The
/// model becomes <c>id</c> + <c>provider</c>, the parameters <c>options</c>, the placeholders <c>inputs</c> (the
/// first test case's values as examples), a schema <c>outputs</c> when Prompty would send exactly that schema for
/// them, else the <c>response_format</c> itself through <c>options.additionalProperties</c>.</para>
/// <para>v1's schema allows no unknown keys, so reviewers, budgets, repeats, all test cases but the first (its
/// <c>sample</c>), evaluators and checks are left out, each named in a note.</para>
/// <para>Text: the body is Jinja2, so a brace that opens template syntax but is not part of an exact
/// <c>{{name}}</c> is written as <c>{{ "{" }}</c>, and the brace of a stray <c>#}</c> as <c>{{ "}" }}</c>; each
/// renders as the brace gh-models sends. A content line Prompty would read as a role marker
/// (<c>user:</c> alone on a line) cannot be written at all; the export refuses and says which. Prompty trims the
/// newlines at the start and end of every message; a note says when that changes a message.</para>
/// </remarks>
public static class PromptyExport
{
    /// <summary>Converts prompt-file text; <paramref name="path"/> names it in notes and problems.</summary>
    /// <param name="path">The file's name, for messages.</param>
    /// <param name="text">The <c>.prompt.yml</c> text.</param>
    /// <param name="version">The Prompty version to write: 2 (default) or 1.</param>
    /// <exception cref="PromptFileException">The prompt file has problems, or a message cannot be written as
    /// Prompty; all are listed.</exception>
    public static PromptConversion Convert(string path, string text, int version = 2)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, 2);
        var reading = PromptFile.Parse(path, text);
        if (!reading.IsValid)
        {
            throw new PromptFileException(path, reading.Problems);
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var tags = false;
        var root = (YamlMappingNode)YamlWriting.Untagged(stream.Documents[0].RootNode, ref tags);
        var notes = new List<ConversionNote>();
        if (tags)
        {
            notes.Add(new ConversionNote(0, "YAML tags (!!str, !name) are left out; Prompty's YAML reader refuses "
                + "tags it does not know (a !!str value is quoted instead)"));
        }

        var body = Body(reading, path, notes);
        Placeholders(reading, notes);
        var front = version == 2 ? Version2(reading, root, notes) : Version1(reading, root, notes);
        var sorted = notes.OrderBy(n => n.Line == 0).ThenBy(n => n.Line).ToList();
        return new PromptConversion($"---\n{YamlWriting.Write(front)}---\n{body}", sorted);
    }

    /// <summary>The name of the Prompty file an export of <paramref name="path"/> writes by default.</summary>
    public static string DefaultOutput(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var suffix in (string[])[".prompt.yml", ".prompt.yaml", ".yml", ".yaml"])
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return path[..^suffix.Length] + ".prompty";
            }
        }

        return path + ".prompty";
    }

    /// <summary>The text of a message as a Jinja2 body writes it: every lone brace escaped.</summary>
    internal static string Escape(string content)
    {
        var output = new StringBuilder(content.Length);
        var placeholders = PromptTemplate.Substituted(content).ToDictionary(p => p.Offset, p => p.Length);
        for (var i = 0; i < content.Length; i++)
        {
            if (placeholders.TryGetValue(i, out var length))
            {
                output.Append(content, i, length);
                i += length - 1;
            }
            else if (content[i] == '{' && i + 1 < content.Length && content[i + 1] is '{' or '%' or '#')
            {
                output.Append("{{ \"{\" }}");
            }
            else if (content[i] == '#' && i + 1 < content.Length && content[i + 1] == '}')
            {
                // Prompty's TypeScript runtime (nunjucks) refuses a stray comment end: "unexpected end of comment".
                output.Append("#{{ \"}\" }}");
                i++;
            }
            else
            {
                output.Append(content[i]);
            }
        }

        return output.ToString();
    }

    private static string Body(PromptFileReading reading, string path, List<ConversionNote> notes)
    {
        var body = new StringBuilder();
        var problems = new List<PromptFileProblem>();
        var trimmed = new List<int>();
        var messages = reading.Prompt.Messages;
        var keys = reading.Prompt.TestData.SelectMany(c => c.Values.Keys).Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < messages.Count; i++)
        {
            var at = $"messages[{i}].content";
            var content = messages[i].Content;
            foreach (var key in PromptTemplate.KeyPlaceholders(content, keys))
            {
                notes.Add(new ConversionNote(reading.Positions.Of(at).Line, $"{at}: {{{{{key}}}}} is filled by "
                    + $"gh-models, as the test data gives {key}, but Jinja2 reads no such name, so it is written as "
                    + "text and Prompty sends it unfilled: rename the key to a plain name"));
            }

            var lines = content.Split('\n');
            for (var j = 0; j < lines.Length; j++)
            {
                if (PromptyText.IsRoleMarker(lines[j]))
                {
                    problems.Add(new PromptFileProblem(reading.Positions.LineOf(at, j + 1), 1,
                        $"{at} has the line \"{lines[j].Trim()}\", which Prompty reads as the start of a new message: "
                        + "put text after the colon on the same line, or reword it"));
                }
            }

            if (content.Trim('\n') != content)
            {
                trimmed.Add(i);
            }

            body.Append(Role(messages[i].Role)).Append(":\n").Append(Escape(content.Trim('\n'))).Append("\n\n");
        }

        if (problems.Count > 0)
        {
            throw new PromptFileException(path, problems);
        }

        var last = messages.Count > 0 ? messages[^1].Content.Trim('\n') : string.Empty;
        if (last.Length > 0 && PromptyText.JsWhitespace.Contains(last[^1], StringComparison.Ordinal))
        {
            notes.Add(new ConversionNote(reading.Positions.Of($"messages[{messages.Count - 1}]").Line,
                $"messages[{messages.Count - 1}] ends with whitespace, which Prompty trims from the end of the body: "
                + "it sends the message without it"));
        }

        if (trimmed.Count > 0)
        {
            notes.Add(new ConversionNote(reading.Positions.Of($"messages[{trimmed[0]}]").Line,
                $"Prompty trims the newlines at the start and end of a message, so {Messages(trimmed)} "
                + $"{(trimmed.Count == 1 ? "loses its" : "lose their")} final newline there (about one token each)"));
        }

        return body.ToString().TrimEnd('\n') + "\n";
    }

    private static YamlMappingNode Version2(PromptFileReading reading, YamlMappingNode root, List<ConversionNote> notes)
    {
        var prompt = reading.Prompt;
        var front = new YamlMappingNode();
        front.Put("name", YamlWriting.Text(prompt.Name));
        front.Put("description", prompt.Description is null ? null : YamlWriting.Text(prompt.Description));
        var metadata = new YamlMappingNode();
        if (root.Get("metadata") is YamlMappingNode frugal)
        {
            foreach (var (key, value) in frugal.Children.Where(p => (p.Key as YamlScalarNode)?.Value != "seed"))
            {
                metadata.Add(key, value);
            }
        }

        metadata.Put("testData", root.Get("testData"));
        metadata.Put("evaluators", root.Get("evaluators"));
        metadata.Put("checks", root.Get("checks"));
        front.Put("metadata", metadata.Children.Count > 0 ? metadata : null);

        var model = new YamlMappingNode();
        var (id, provider) = SplitModel(prompt.Model);
        model.Put("id", YamlWriting.Text(id));
        model.Put("provider", provider is null ? null : YamlWriting.Text(provider));
        if (provider is null)
        {
            notes.Add(new ConversionNote(reading.Positions.Of("model").Line, $"model \"{prompt.Model}\" has no "
                + "Prompty provider (openai, anthropic): set model.provider and a connection to run it there"));
        }

        model.Put("apiType", YamlWriting.Text("chat"));
        var options = Options(prompt, "maxOutputTokens", "topP");
        var outputs = ResponseFormat(reading, root, options, notes);
        model.Put("options", options.Children.Count > 0 ? options : null);
        front.Put("model", model);

        var inputs = new YamlSequenceNode();
        var first = (root.Get("testData") as YamlSequenceNode)?.Children.FirstOrDefault() as YamlMappingNode;
        foreach (var name in prompt.Variables())
        {
            var input = new YamlMappingNode();
            input.Put("name", YamlWriting.Text(name));
            input.Put("kind", YamlWriting.Text("string"));
            input.Put("required", YamlWriting.Plain("true"));
            input.Put("example", first?.Get(name));
            inputs.Add(input);
        }

        front.Put("inputs", inputs.Children.Count > 0 ? inputs : null);
        front.Put("outputs", outputs);
        var format = new YamlMappingNode();
        format.Put("kind", YamlWriting.Text("jinja2"));
        var parser = new YamlMappingNode();
        parser.Put("kind", YamlWriting.Text("prompty"));
        var template = new YamlMappingNode();
        template.Put("format", format);
        template.Put("parser", parser);
        front.Put("template", template);
        return front;
    }

    private static YamlMappingNode Version1(PromptFileReading reading, YamlMappingNode root, List<ConversionNote> notes)
    {
        var prompt = reading.Prompt;
        var front = new YamlMappingNode();
        front.Put("name", YamlWriting.Text(prompt.Name));
        front.Put("description", prompt.Description is null ? null : YamlWriting.Text(prompt.Description));
        var metadata = root.Get("metadata") as YamlMappingNode ?? [];
        if (metadata.Get("version") is YamlScalarNode { Value: { } version })
        {
            front.Put("version", YamlWriting.Text(version));
        }

        front.Put("authors", metadata.Get("authors"));
        front.Put("tags", metadata.Get("tags"));
        foreach (var key in (string[])["reviewers", "tokenBudget", "repeat"])
        {
            if (metadata.Get(key) is not null)
            {
                // The tree is an untagged copy, without positions: the line comes from the reading's map.
                notes.Add(new ConversionNote(reading.Positions.Of($"metadata.{key}").Line, $"metadata.{key} is left "
                    + "out: Prompty v1 allows no other keys (export v2 keeps it)"));
            }
        }

        var model = new YamlMappingNode();
        model.Put("api", YamlWriting.Text("chat"));
        var (id, provider) = SplitModel(prompt.Model);
        var configuration = new YamlMappingNode();
        configuration.Put("type", YamlWriting.Text("openai"));
        configuration.Put("name", YamlWriting.Text(provider == "openai" ? id : prompt.Model));
        if (provider != "openai")
        {
            notes.Add(new ConversionNote(reading.Positions.Of("model").Line, $"model \"{prompt.Model}\": Prompty v1 "
                + "connects to OpenAI, Azure OpenAI or serverless endpoints; set model.configuration to run it"));
        }

        model.Put("configuration", configuration);
        var parameters = Options(prompt, "max_tokens", "top_p");
        if (root.Get("responseFormat") is YamlScalarNode { Value: { } format } && format != "text")
        {
            parameters.Put("response_format", YamlJson.ToYaml(ResponseFormatJson(prompt, format)));
        }

        model.Put("parameters", parameters.Children.Count > 0 ? parameters : null);
        front.Put("model", model);
        var tests = (root.Get("testData") as YamlSequenceNode)?.Children ?? [];
        if (tests.FirstOrDefault() is YamlMappingNode sample)
        {
            var values = new YamlMappingNode();
            foreach (var name in prompt.Variables())
            {
                values.Put(name, sample.Get(name));
            }

            front.Put("sample", values.Children.Count > 0 ? values : null);
        }

        if (tests.Count > 1 || root.Get("evaluators") is not null || root.Get("checks") is not null)
        {
            notes.Add(new ConversionNote(reading.Positions.Of("testData").Line, $"{Count(tests.Count, "test case")}"
                + $"{(tests.Count > 0 ? " (the first is the sample)" : string.Empty)}, evaluators and checks are "
                + "not carried: Prompty v1 has no tests (export v2 keeps them under metadata)"));
        }

        var inputs = new YamlMappingNode();
        foreach (var name in prompt.Variables())
        {
            var input = new YamlMappingNode();
            input.Put("type", YamlWriting.Text("string"));
            inputs.Put(name, input);
        }

        front.Put("inputs", inputs.Children.Count > 0 ? inputs : null);
        front.Put("template", YamlWriting.Text("jinja2"));
        return front;
    }

    /// <summary>
    /// modelParameters and metadata.seed as Prompty options (v2) or parameters (v1): the values gh-models decodes,
    /// written plainly (so <c>maxTokens: 010</c>, 8 there, is not read as 10 or 8 depending on the reader).
    /// </summary>
    private static YamlMappingNode Options(PromptDefinition prompt, string maxTokens, string topP)
    {
        var options = new YamlMappingNode();
        var parameters = prompt.ModelParameters;
        options.Put("temperature", Number(parameters.Temperature));
        options.Put(maxTokens, Number(parameters.MaxTokens));
        options.Put(topP, Number(parameters.TopP));
        options.Put("seed", Number(prompt.Metadata.Seed));
        return options;
    }

    private static YamlScalarNode? Number(double? value) =>
        value is { } number ? YamlWriting.Plain(number.ToString("R", CultureInfo.InvariantCulture)) : null;

    private static YamlScalarNode? Number(long? value) =>
        value is { } number ? YamlWriting.Plain(number.ToString(CultureInfo.InvariantCulture)) : null;

    /// <summary>Notes what the export cannot make Prompty render as gh-models does.</summary>
    private static void Placeholders(PromptFileReading reading, List<ConversionNote> notes)
    {
        var prompt = reading.Prompt;
        var variables = prompt.Variables();
        foreach (var name in variables)
        {
            if (PromptyJinja.Keywords.Contains(name) || PromptyJinja.ObjectMembers.Contains(name))
            {
                notes.Add(new ConversionNote(reading.Positions.Of("messages").Line, $"{{{{{name}}}}}: '{name}' is a "
                    + "word Jinja or Prompty's runtime reads as its own, not as the input: rename the placeholder"));
            }
        }

        for (var i = 0; i < prompt.TestData.Count; i++)
        {
            foreach (var (name, value) in prompt.TestData[i].Values)
            {
                if (variables.Contains(name) && value.Split('\n').Any(PromptyText.IsRoleMarker))
                {
                    notes.Add(new ConversionNote(reading.Positions.Of($"testData[{i}].{name}").Line, $"testData[{i}]."
                        + $"{name} has a line Prompty reads as a role marker: Prompty (strict mode, its default) "
                        + "refuses to render it, as a possible prompt injection"));
                }
            }
        }

        if (!prompt.Model.Contains('/', StringComparison.Ordinal))
        {
            notes.Add(new ConversionNote(reading.Positions.Of("model").Line, $"model \"{prompt.Model}\" has no "
                + "publisher: an import of the export reads it as a publisher's model (such as openai/…)"));
        }
    }

    /// <summary>The v2 outputs for the prompt's reply format, or null after putting it in the options.</summary>
    private static YamlSequenceNode? ResponseFormat(
        PromptFileReading reading, YamlMappingNode root, YamlMappingNode options, List<ConversionNote> notes)
    {
        var prompt = reading.Prompt;
        if (root.Get("responseFormat") is not YamlScalarNode { Value: { } format } || format == "text")
        {
            return null;
        }

        if (format == "json_schema" && prompt.JsonSchema is { } text
            && PromptySchema.OutputsFor(ParseSchema(text, reading, notes)) is { } outputs)
        {
            return PromptySchema.ToYaml(outputs);
        }

        var extra = new YamlMappingNode();
        extra.Put("response_format", YamlJson.ToYaml(ResponseFormatJson(prompt, format)));
        options.Put("additionalProperties", extra);
        if (format == "json_schema")
        {
            notes.Add(new ConversionNote(reading.Positions.Of("jsonSchema").Line, "the schema is passed as "
                + "model.options.additionalProperties.response_format, not outputs: Prompty's outputs would send a "
                + "different schema (outputs send name structured_output, strict, every field required)"));
        }

        return null;
    }

    private static JsonObject ResponseFormatJson(PromptDefinition prompt, string format)
    {
        var json = new JsonObject { ["type"] = format };
        if (format == "json_schema" && prompt.JsonSchema is { } schema)
        {
            json["json_schema"] = YamlJson.ParseLastWins(schema, out _);
        }

        return json;
    }

    private static JsonNode? ParseSchema(string text, PromptFileReading reading, List<ConversionNote> notes)
    {
        var json = YamlJson.ParseLastWins(text, out var repeated);
        if (repeated is not null)
        {
            notes.Add(new ConversionNote(reading.Positions.Of("jsonSchema").Line, $"jsonSchema has the key "
                + $"\"{repeated}\" more than once in an object: the last is kept, as most JSON readers do"));
        }

        return json;
    }

    /// <summary><c>openai/gpt-4o-mini</c> to (<c>gpt-4o-mini</c>, <c>openai</c>); others keep the id.</summary>
    private static (string Id, string? Provider) SplitModel(string model)
    {
        var slash = model.IndexOf('/', StringComparison.Ordinal);
        var publisher = slash > 0 ? model[..slash] : null;
        return publisher is "openai" or "anthropic" ? (model[(slash + 1)..], publisher) : (model, null);
    }

    private static string Role(PromptRole role) => role switch
    {
        PromptRole.System => "system",
        PromptRole.User => "user",
        _ => "assistant",
    };

    private static string Messages(List<int> indexes) =>
        string.Join(", ", indexes.Select(i => $"messages[{i}]"));

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
