using Frugal.Domain.Prompts;
using Frugal.Domain.Prompts.Lint;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Frugal.Sources.Prompts;

/// <summary>
/// Reads a <c>.prompt.yml</c> file: GitHub Models' format, which <c>gh models eval</c> and
/// <c>actions/ai-inference</c> run, with Frugal's own fields only under <c>metadata:</c> and <c>checks:</c> (keys
/// gh-models ignores). The file must stay runnable by gh-models, so a key it would silently ignore anywhere else
/// (a misspelt field, <c>max_tokens</c>, a seed in <c>modelParameters</c>) is a problem, as is anything it would
/// refuse. Every problem is reported at once with its line, and every node's position is kept
/// (<see cref="PromptFileReading.Positions"/>) so later lint findings can name <c>file:line</c>.
/// </summary>
/// <remarks>
/// Problems here are structural: shapes, types, ranges, unknown keys, a version that is not semver. Whether a
/// placeholder has a value in every test case, a budget holds, or reviewers are required is for the lint to judge
/// on the <see cref="PromptDefinition"/> read here.
/// </remarks>
public static partial class PromptFile
{
    /// <summary>The top-level keys: gh-models' fields, then Frugal's two.</summary>
    public static IReadOnlyList<string> TopLevelFields { get; } =
    [
        "name", "description", "model", "modelParameters", "responseFormat", "jsonSchema", "messages", "testData",
        "evaluators", "metadata", "checks",
    ];

    /// <summary>Reads <paramref name="path"/> and returns the prompt only if it has no problem.</summary>
    /// <exception cref="PromptFileException">The file cannot be read or has problems; all are listed.</exception>
    public static PromptDefinition Load(string path)
    {
        var reading = Read(path);
        return reading.IsValid ? reading.Prompt : throw new PromptFileException(path, reading.Problems);
    }

    /// <summary>
    /// Reads <paramref name="path"/>: the prompt as far as it reads, every problem, every position. A file that is
    /// not UTF-8 (<see cref="ReadText"/>) has that one problem.
    /// </summary>
    /// <exception cref="PromptFileException">The file cannot be read at all.</exception>
    public static PromptFileReading Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = ReadBytes(path);
        return PromptFileText.Decode(bytes, out var text) is { } problem
            ? new PromptFileReading(path, Reader.Nothing, [problem], new PromptSourceMap())
            : Parse(path, text);
    }

    /// <summary>
    /// The text of <paramref name="path"/> as gh-models' YAML decoder reads it: UTF-8, without a byte order mark
    /// (a UTF-16 one makes it UTF-16). Bytes that are not valid UTF-8 make gh-models refuse the file, so they are a
    /// problem here too, with the line and column of the first.
    /// </summary>
    /// <exception cref="PromptFileException">
    /// The file cannot be read (line 0), or it is not valid UTF-8 (the line of the first byte that is not).
    /// </exception>
    public static string ReadText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return PromptFileText.Decode(ReadBytes(path), out var text) is { } problem
            ? throw new PromptFileException(path, [problem])
            : text;
    }

    private static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException
            && path.Contains('\uFFFD', StringComparison.Ordinal))
        {
            // .NET reads a file name that is not UTF-8 with U+FFFD in place of the bytes it cannot decode, and a name
            // so changed no longer opens the file.
            throw new PromptFileException(path, [new PromptFileProblem(0, 0, "cannot be read: its name is not valid "
                + "UTF-8 (shown with \uFFFD where the bytes are), so it cannot be opened by that name: rename the "
                + "file with UTF-8 characters")]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PromptFileException(path, [new PromptFileProblem(0, 0,
                $"cannot be read ({e.Message.TrimEnd('.')}): check the path and its permissions")]);
        }
    }

    /// <summary>Reads prompt-file text; <paramref name="path"/> only names it.</summary>
    public static PromptFileReading Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var reader = new Reader();
        var shape = YamlShape.Read(text);
        var prompt = reader.Document(text, shape.Fault);
        // A problem that quotes the file (a value in the wrong place) must not print a key pasted there.
        var problems = reader.Problems.OrderBy(p => p.Line).ThenBy(p => p.Column)
            .Select(p => p with { Message = SecretPatterns.Redact(p.Message) }).ToList();
        return new PromptFileReading(path, prompt, problems, reader.Map) { Scalars = shape.Scalars };
    }

    private sealed partial class Reader
    {
        public static readonly PromptDefinition Nothing =
            new() { Name = string.Empty, Model = string.Empty, Messages = [] };

        public List<PromptFileProblem> Problems { get; } = [];

        public PromptSourceMap Map { get; } = new();

        public PromptDefinition Document(string text, YamlShapeFault? fault)
        {
            var stream = new YamlStream();
            try
            {
                if (fault is not null)
                {
                    // Aliases can expand exponentially (a few hundred bytes to gigabytes), and deep nesting would
                    // overflow the stack while loading: a prompt file has no use for either.
                    Problems.Add(new PromptFileProblem(fault.Line, fault.Column, fault.Kind == YamlShapeFaultKind.Alias
                        ? "YAML aliases (*name) are not allowed in prompt files: write the value out"
                        : "not valid YAML for a prompt file: " + YamlShape.TooDeepMessage));
                    return Nothing;
                }

                stream.Load(new StringReader(text));
            }
            catch (YamlException e) when (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase)
                && IndentedWithTab(text, (int)e.Start.Line) is { } tab)
            {
                // YamlDotNet places this error at the start of the enclosing mapping, often line 1.
                Problems.Add(new PromptFileProblem(tab.Line, tab.Column, "not valid YAML: this line is indented "
                    + "with a tab: tabs cannot indent YAML; use spaces"));
                return Nothing;
            }
            catch (YamlException e)
            {
                var message = $"not valid YAML: {e.Message.TrimEnd('.')}: fix the syntax";
                Problems.Add(new PromptFileProblem((int)e.Start.Line, (int)e.Start.Column, message));
                return Nothing;
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet's parser throws this, without a position, on some unclosed flow collections ([a, {a:
                // running into the next line); the last event it did read is just before the fault.
                var (line, column) = LastReadable(text);
                Problems.Add(new PromptFileProblem(line, column, "not valid YAML: is a bracket or brace left open?"));
                return Nothing;
            }

            if (stream.Documents.Count == 0)
            {
                Problems.Add(new PromptFileProblem(1, 1, "is empty: write at least name, model and messages"));
                return Nothing;
            }

            if (stream.Documents.Count > 1)
            {
                Problem(stream.Documents[1].RootNode, $"holds {stream.Documents.Count} YAML documents: gh-models "
                    + "reads only the first; keep one prompt per file, without --- separators");
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                Problem(stream.Documents[0].RootNode, "must be a mapping with name, model and messages");
                return Nothing;
            }

            return Prompt(root);
        }

        /// <summary>
        /// The first line from <paramref name="from"/> on (else from the top) whose indentation holds a tab, and the
        /// column of that tab; null when there is none.
        /// </summary>
        private static (int Line, int Column)? IndentedWithTab(string text, int from)
        {
            var lines = text.Split('\n');
            (int, int)? first = null;
            for (var i = 0; i < lines.Length; i++)
            {
                var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
                var tab = lines[i].IndexOf('\t', 0, indent);
                if (tab >= 0 && lines[i].TrimEnd('\r').Length > indent)
                {
                    first ??= (i + 1, tab + 1);
                    if (i + 1 >= from)
                    {
                        return (i + 1, tab + 1);
                    }
                }
            }

            return first;
        }

        private static (int Line, int Column) LastReadable(string text)
        {
            var parser = new Parser(new StringReader(text));
            var last = Mark.Empty;
            try
            {
                while (parser.MoveNext())
                {
                    last = parser.Current!.End;
                }
            }
            catch (Exception e) when (e is InvalidOperationException or YamlException)
            {
                // Where it stops is the answer.
            }

            return ((int)Math.Max(last.Line, 1), (int)Math.Max(last.Column, 1));
        }

        private PromptDefinition Prompt(YamlMappingNode root)
        {
            var top = Entries(root, string.Empty, TopLevelFields, key => $"{key} is not a field gh-models reads: "
                + "put Frugal's own settings under metadata: (or assertions under checks:), or correct its spelling "
                + $"(fields: {string.Join(", ", TopLevelFields)})");
            var (format, schema) = ResponseFormat(top);
            return new PromptDefinition
            {
                Name = Text(top, "name", string.Empty, required: true) ?? string.Empty,
                Description = Text(top, "description", string.Empty, required: false),
                Model = Text(top, "model", string.Empty, required: true) ?? string.Empty,
                ModelParameters = ModelParameters(top),
                ResponseFormat = format,
                JsonSchema = schema,
                Messages = Messages(top),
                TestData = TestData(top),
                Evaluators = Evaluators(top),
                Metadata = Metadata(top),
                Checks = Checks(top),
            };
        }

        private PromptModelParameters ModelParameters(Dictionary<string, Field> top)
        {
            if (Mapping(top, "modelParameters", string.Empty, "maxTokens, temperature and topP") is not { } map)
            {
                return new PromptModelParameters();
            }

            var fields = Entries(map, "modelParameters", ["maxTokens", "temperature", "topP"], key => key switch
            {
                "max_tokens" or "max_completion_tokens" or "maxOutputTokens" =>
                    $"modelParameters.{key}: gh-models reads only maxTokens and ignores this: write maxTokens",
                "seed" => "modelParameters.seed: gh-models does not send a seed and ignores this: "
                    + "move it to metadata.seed",
                _ => $"modelParameters.{key} is not a parameter gh-models sends (maxTokens, temperature, topP): "
                    + "remove it or correct its spelling",
            });
            return new PromptModelParameters
            {
                MaxTokens = (int?)GoInteger(fields, "maxTokens", 1, int.MaxValue),
                Temperature = Number(fields, "temperature", "modelParameters", 0, 2),
                TopP = Number(fields, "topP", "modelParameters", 0, 1),
            };
        }

        private (PromptResponseFormat? Format, string? Schema) ResponseFormat(Dictionary<string, Field> top)
        {
            PromptResponseFormat? format = null;
            if (Text(top, "responseFormat", string.Empty, required: false) is { } text)
            {
                format = text switch
                {
                    "text" => PromptResponseFormat.Text,
                    "json_object" => PromptResponseFormat.JsonObject,
                    "json_schema" => PromptResponseFormat.JsonSchema,
                    _ => null,
                };
                if (format is null)
                {
                    Problem(top["responseFormat"].Value,
                        $"responseFormat \"{text}\" is not a format: use text, json_object or json_schema");
                }
            }

            string? schema = null;
            if (top.TryGetValue("jsonSchema", out var field))
            {
                schema = JsonSchemaText(field);
                if (format != PromptResponseFormat.JsonSchema)
                {
                    Problem(field.Key, "jsonSchema is used only with responseFormat: json_schema: set that, or "
                        + "remove jsonSchema (to check replies against a schema, use a json-schema check)");
                }
            }
            else if (format == PromptResponseFormat.JsonSchema)
            {
                Problem(top["responseFormat"].Key, "responseFormat json_schema needs jsonSchema: a JSON string with "
                    + "\"name\" and \"schema\"");
            }

            return (format, schema);
        }

        private string? JsonSchemaText(Field field)
        {
            if (field.Value is not YamlScalarNode { Value: { Length: > 0 } json } || IsNull(field.Value))
            {
                Problem(field.Value, "jsonSchema must be a JSON string (gh-models refuses a YAML mapping here): "
                    + "write jsonSchema: | and the JSON, with \"name\" and \"schema\", indented below");
                return null;
            }

            if (JsonObjectProblem(json, "name", "schema") is { } problem)
            {
                Problem(field.Value, $"jsonSchema {problem}");
                return null;
            }

            return json;
        }

        private List<PromptMessage> Messages(Dictionary<string, Field> top)
        {
            var messages = new List<PromptMessage>();
            if (!top.TryGetValue("messages", out var field))
            {
                Problems.Add(new PromptFileProblem(1, 1, "messages is missing: list at least one, such as "
                    + "- role: user, content: ..."));
                return messages;
            }

            if (field.Value is not YamlSequenceNode list || list.Children.Count == 0)
            {
                Problem(field.Value, "messages must list at least one message, each with role and content");
                return messages;
            }

            for (var i = 0; i < list.Children.Count; i++)
            {
                var at = $"messages[{i}]";
                var item = list.Children[i];
                Record(at, item, item);
                if (item is not YamlMappingNode map)
                {
                    Problem(item, $"{at} must be a mapping with role and content");
                    continue;
                }

                var fields = Entries(map, at, ["role", "content"], key => $"{at}.{key} is not a message field: "
                    + "gh-models sends only role and content");
                var roleText = Text(fields, "role", at, required: true);
                var content = Text(fields, "content", at, required: true);
                PromptRole? role = roleText?.ToLowerInvariant() switch
                {
                    "system" => PromptRole.System,
                    "user" => PromptRole.User,
                    "assistant" => PromptRole.Assistant,
                    _ => null,
                };
                if (roleText is not null && role is null)
                {
                    Problem(fields["role"].Value, $"{at}.role \"{roleText}\" is not a role: use system, user or "
                        + "assistant");
                }

                if (role is { } r && content is not null)
                {
                    messages.Add(new PromptMessage(r, content));
                }
            }

            return messages;
        }

        private List<PromptTestCase> TestData(Dictionary<string, Field> top)
        {
            var cases = new List<PromptTestCase>();
            if (!top.TryGetValue("testData", out var field))
            {
                return cases;
            }

            if (field.Value is not YamlSequenceNode list)
            {
                Problem(field.Value, "testData must be a list of cases, each a mapping of variable names to values");
                return cases;
            }

            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < list.Children.Count; i++)
            {
                var at = $"testData[{i}]";
                var item = list.Children[i];
                Record(at, item, item);
                if (item is not YamlMappingNode map)
                {
                    Problem(item, $"{at} must be a mapping of variable names to values, such as ticket: ...");
                    continue;
                }

                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                var entries = Entries(map, at, null, _ => string.Empty);
                foreach (var (name, entry) in entries)
                {
                    if (TestValue(entry) is { } value)
                    {
                        values[name] = value;
                    }
                }

                if (values.TryGetValue("id", out var id))
                {
                    if (ids.TryGetValue(id, out var first))
                    {
                        Problem(entries["id"].Value, $"{at}.id \"{id}\" is already the id of testData[{first}]: "
                            + "ids name cases across versions, so keep them unique");
                    }
                    else
                    {
                        ids[id] = i;
                    }
                }

                cases.Add(new PromptTestCase(values));
            }

            return cases;
        }

        /// <summary>
        /// A test value as gh-models sends it (<see cref="GoYamlValue"/>); null, with a problem, for a list, a
        /// mapping or null, which gh-models would send as Go prints them, or a value its decoder refuses.
        /// </summary>
        private string? TestValue(Field entry)
        {
            var value = GoYamlValue.Of(entry.Value);
            if (value.Kind is GoValueKind.List or GoValueKind.Mapping or GoValueKind.Null)
            {
                RecordTree(entry.Path, entry.Value);
                var (what, fix) = value.Kind switch
                {
                    GoValueKind.List => ("a list", "write the items as one string, such as 'a, b'"),
                    GoValueKind.Mapping => ("a mapping", "write it as one string, quoted"),
                    _ => ("null", "give it a value (quote it, '~', to send ~ itself)"),
                };
                var sent = value.Text.Length <= 60 ? value.Text : value.Text[..60] + "…";
                Problem(entry.Value, $"{entry.Path} is {what}, which gh-models would send as {sent} (Go's %v of the "
                    + $"decoded YAML): {fix}");
                return null;
            }

            if (value.Refused is { } refused)
            {
                Problem(entry.Value, $"{entry.Path} {refused}");
                return null;
            }

            return value.Text;
        }
    }
}
