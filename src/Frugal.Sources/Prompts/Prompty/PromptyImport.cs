using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Frugal.Sources.Prompts.Prompty;

/// <summary>
/// Converts a Microsoft Prompty file (<c>.prompty</c>, v1 as Semantic Kernel reads it or v2) into a
/// <c>.prompt.yml</c>, following the mapping of reference prompts.md §6: name and description as they are;
/// <c>model</c> (string, <c>id</c> + <c>provider</c>, or v1 <c>configuration</c>) to a <c>provider/model</c> id;
/// <c>options</c> (v1 <c>parameters</c>) to <c>modelParameters</c> and <c>metadata.seed</c>; <c>outputs</c> or a
/// passed-through <c>response_format</c> to <c>responseFormat</c>/<c>jsonSchema</c>; the body's role markers to
/// <c>messages</c>; v1 <c>sample</c>, or the inputs' examples and defaults, to one test case; <c>metadata</c> (v1
/// top-level version, authors, tags) to Frugal's metadata. What a Frugal export keeps under <c>metadata</c>
/// (<c>testData</c>, <c>evaluators</c>, <c>checks</c>) comes back to the top level, so export then import is exact.
/// </summary>
/// <remarks>
/// Template text: <c>{{ name }}</c> becomes <c>{{name}}</c>, <c>{{ "text" }}</c> (how an export escapes braces)
/// becomes the text, and <c>{# comments #}</c> are removed, all of which render the same. Every other Jinja form
/// (filters, members, <c>{% if %}</c>, <c>{% for %}</c>) has no gh-models equivalent: it is kept as written, and a
/// note says so. Nothing secret is carried: connections (endpoints, keys, <c>${env:…}</c> references) are dropped.
/// </remarks>
public static partial class PromptyImport
{
    private static readonly HashSet<string> Handled =
    [
        "$schema", "name", "displayName", "description", "metadata", "model", "inputs", "outputs", "template",
        "version", "authors", "tags", "sample",
    ];

    /// <summary>Converts Prompty text; <paramref name="path"/> names the file in notes and problems.</summary>
    /// <exception cref="PromptFileException">The file is not a Prompty file that can be read (bad YAML, an
    /// unclosed front matter).</exception>
    public static PromptConversion Convert(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var importer = new Importer(path);
        if (text.Contains("\r\n", StringComparison.Ordinal))
        {
            importer.Note(0, "CRLF line ends were read as LF (Prompty keeps the \\r at the end of a message's lines)");
        }

        var yaml = importer.Run(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        var notes = importer.Notes.OrderBy(n => n.Line == 0).ThenBy(n => n.Line).ToList();
        return new PromptConversion(yaml, notes);
    }

    /// <summary>The name of the prompt file an import of <paramref name="path"/> writes by default.</summary>
    public static string DefaultOutput(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stem = path.EndsWith(".prompty", StringComparison.OrdinalIgnoreCase) ? path[..^".prompty".Length] : path;
        return stem + ".prompt.yml";
    }

    private sealed class Importer(string path)
    {
        private int yamlLine;

        private bool mustache;

        public List<ConversionNote> Notes { get; } = [];

        public string Run(string text)
        {
            var split = PromptyText.Split(path, text);
            yamlLine = split.FrontMatterLine;
            var root = FrontMatter(split);
            var metadata = root.Get("metadata") as YamlMappingNode ?? [];
            if (root.Get("metadata") is { } notMapping and not YamlMappingNode && !IsNull(notMapping))
            {
                Note(notMapping, "metadata is not a mapping: not carried");
            }

            mustache = Template(root);
            var output = new YamlMappingNode();
            output.Put("name", YamlWriting.Text(Name(root)));
            output.Put("description", Description(root));
            var model = new ModelParts(root, this);
            output.Put("model", model.Id is { } id ? YamlWriting.Text(id) : null);
            output.Put("modelParameters", model.Parameters.Children.Count > 0 ? model.Parameters : null);
            var outputs = Outputs(root);
            var (format, schema) = outputs.Format is not null ? outputs : model.ResponseFormat ?? (null, null);
            if (outputs.Format is not null && model.ResponseFormat is not null)
            {
                Note(root.Get("outputs"), "outputs override the response_format in the model's options, as in Prompty");
            }

            output.Put("responseFormat", format is null ? null : YamlWriting.Text(format));
            output.Put("jsonSchema", schema is null ? null : YamlWriting.Text(schema));
            output.Put("messages", Messages(split));
            output.Put("testData", TestData(root, metadata));
            output.Put("evaluators", metadata.Get("evaluators"));
            output.Put("checks", metadata.Get("checks"));
            var frugal = Metadata(root, metadata, model.Seed);
            output.Put("metadata", frugal.Children.Count > 0 ? frugal : null);
            References(root);
            foreach (var key in root.Children.Keys)
            {
                if (key is YamlScalarNode { Value: { } name } && !Handled.Contains(name))
                {
                    Note(key, name == "tools"
                        ? "tools not carried: gh-models prompt files have no tools"
                        : $"{name} not carried: a .prompt.yml has no such field");
                }
            }

            var yaml = YamlWriting.Write(output);
            var reading = PromptFile.Parse(DefaultOutput(path), yaml);
            foreach (var problem in reading.Problems)
            {
                Notes.Add(new ConversionNote(0, $"the .prompt.yml needs fixing: {problem.Message}"));
            }

            return yaml;
        }

        public void Note(YamlNode? node, string message) =>
            Notes.Add(new ConversionNote(node is null ? 0 : (int)node.Start.Line + yamlLine - 1, message));

        public void Note(int line, string message) => Notes.Add(new ConversionNote(line, message));

        private YamlMappingNode FrontMatter(PromptySplit split)
        {
            if (split.FrontMatter is not { } frontMatter || frontMatter.Trim().Length == 0)
            {
                return [];
            }

            if (YamlShape.FirstFault(frontMatter) is { } fault)
            {
                throw Problem(fault.Line, fault.Kind == YamlShapeFaultKind.Alias
                    ? "YAML aliases (*name) are not allowed: write the value out"
                    : "the front matter is not valid YAML for Frugal: " + YamlShape.TooDeepMessage);
            }

            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(frontMatter));
            }
            catch (YamlException e)
            {
                throw Problem((int)e.Start.Line, $"the front matter is not valid YAML: {e.Message.TrimEnd('.')}");
            }
            catch (InvalidOperationException)
            {
                throw Problem(1, "the front matter is not valid YAML: is a bracket or brace left open?");
            }

            if (stream.Documents.Count > 1)
            {
                Note(stream.Documents[1].RootNode, "only the front matter's first YAML document is read (the rest, "
                    + "after ... or ---, is not carried)");
            }

            return stream.Documents.Count == 0 || IsNull(stream.Documents[0].RootNode) ? []
                : stream.Documents[0].RootNode as YamlMappingNode
                    ?? throw Problem(1, "the front matter must be a YAML mapping (name: …, model: …)");
        }

        private PromptFileException Problem(int yamlLineNumber, string message) =>
            new(path, [new PromptFileProblem(yamlLineNumber + yamlLine - 1, 1, message)]);

        private string Name(YamlMappingNode root)
        {
            if (root.Scalar("name") is { Length: > 0 } name)
            {
                return name;
            }

            if (root.Scalar("displayName") is { Length: > 0 } display)
            {
                Note(root.Get("displayName"), "name taken from displayName (the file has no name)");
                return display;
            }

            var stem = System.IO.Path.GetFileName(path);
            stem = stem.EndsWith(".prompty", StringComparison.OrdinalIgnoreCase) ? stem[..^8] : stem;
            Note(0, $"name taken from the file name, \"{stem}\" (the file has no name)");
            return stem;
        }

        private YamlScalarNode? Description(YamlMappingNode root)
        {
            if (root.Get("description") is { } node and not YamlScalarNode)
            {
                Note(node, "description is not text: not carried");
            }

            return root.Scalar("description") is { Length: > 0 } text && !IsNull(root.Get("description")!)
                ? YamlWriting.Text(text) : null;
        }

        /// <summary>Whether a node is YAML null: empty, <c>~</c> or <c>null</c>, unquoted.</summary>
        public static bool IsNull(YamlNode node) => YamlJson.IsNull(node);

        /// <summary>Notes <c>${env:}</c>, <c>${file:}</c> references: Prompty resolves them, Frugal copies.</summary>
        private void References(YamlMappingNode root)
        {
            var model = root.Get("model") as YamlMappingNode;
            var connection = model?.Get("connection") ?? model?.Get("configuration");
            foreach (var node in root.AllNodes.OfType<YamlScalarNode>())
            {
                if (node.Value is { } value && value.Contains("${", StringComparison.Ordinal)
                    && (value.Contains("${env:", StringComparison.Ordinal)
                        || value.Contains("${file:", StringComparison.Ordinal))
                    && (connection is null || !connection.AllNodes.Contains(node)))
                {
                    Note(node, "a ${env:...} or ${file:...} reference, which Prompty resolves when it loads the file, "
                        + "is carried as the literal text: write the value itself");
                }
            }
        }

        private YamlSequenceNode Messages(PromptySplit split)
        {
            var list = new YamlSequenceNode();
            var messages = PromptyText.Messages(split.Body, split.BodyLine);
            if (messages.Count == 0)
            {
                Note(split.BodyLine, "the body has no messages: add at least one (user: and the text below it)");
            }

            foreach (var message in messages)
            {
                var role = message.Role;
                if (role == "developer")
                {
                    Note(message.Line, "the developer message is written as a system message (gh-models has no "
                        + "developer role; OpenAI treats the two alike for models that know both)");
                    role = "system";
                }

                if (message.Attributes is { } attributes)
                {
                    Note(message.Line, $"{message.Role}{attributes}: the marker's attributes are not carried");
                }

                var entry = new YamlMappingNode();
                entry.Put("role", YamlWriting.Text(role));
                // Prompty renders the body, then splits it and trims each message: a removed comment's line goes too.
                var content = PromptyJinja.ToPromptFile(message.Content, message.ContentLine, mustache, Note)
                    .Trim('\n');
                if (content.Split('\n').FirstOrDefault(PromptyText.IsRoleMarker) is { } marker)
                {
                    Note(message.ContentLine, $"the message now has the line \"{marker.Trim()}\", which Prompty would "
                        + "read as a new message: an export of this file will refuse it until it is reworded");
                }

                if (content.Length == 0)
                {
                    Note(message.Line, $"an empty {role} message (a marker with nothing under it), which Prompty "
                        + "sends, is left out: a .prompt.yml message needs text");
                    continue;
                }

                entry.Put("content", YamlWriting.Text(content));
                list.Add(entry);
            }

            return list;
        }

        private YamlNode? TestData(YamlMappingNode root, YamlMappingNode metadata)
        {
            if (metadata.Get("testData") is { } carried)
            {
                return carried;
            }

            if (root.Get("sample") is { } sample)
            {
                if (sample is YamlMappingNode values)
                {
                    Note(sample, "sample became the one test case");
                    return new YamlSequenceNode(values);
                }

                Note(sample, $"sample names a file ({(sample as YamlScalarNode)?.Value}), which is not read: copy "
                    + "its values into testData");
                return null;
            }

            var inputs = Properties(root.Get("inputs"), "inputs");
            var entry = new YamlMappingNode();
            foreach (var input in inputs)
            {
                if (input.Kind is "thread" or "image" or "file" or "audio")
                {
                    Note(input.Node, $"input {input.Name} is of kind {input.Kind}, which a .prompt.yml cannot pass "
                        + "(text placeholders only)");
                    continue;
                }

                entry.Put(input.Name, input.Example ?? input.Default);
            }

            if (entry.Children.Count == 0)
            {
                return null;
            }

            Note(root.Get("inputs"), "the inputs' examples (else defaults) became the one test case");
            return new YamlSequenceNode(entry);
        }

        private (string? Format, string? Schema) Outputs(YamlMappingNode root)
        {
            var outputs = Properties(root.Get("outputs"), "outputs");
            if (outputs.Count == 0)
            {
                return (null, null);
            }

            var schema = PromptySchema.FromProperties(outputs, strict: true);
            Note(root.Get("outputs"), "outputs became responseFormat json_schema, with the schema Prompty sends "
                + "(name structured_output, strict)");
            return ("json_schema", PromptySchema.JsonSchemaText("structured_output", schema, strict: true));
        }

        public List<PromptyProperty> Properties(YamlNode? node, string field)
        {
            var list = PromptyProperty.Read(node, out var problems);
            foreach (var (at, message) in problems)
            {
                Note(at, $"{field}: {message}");
            }

            return list;
        }

        private YamlMappingNode Metadata(YamlMappingNode root, YamlMappingNode metadata, YamlNode? seed)
        {
            var output = new YamlMappingNode();
            var version = metadata.Get("version") ?? root.Get("version");
            if (version is YamlScalarNode { Value: { Length: > 0 } text })
            {
                var written = text;
                if (ShortVersion().IsMatch(text))
                {
                    written = !text.Contains('.', StringComparison.Ordinal) ? text + ".0.0" : text + ".0";
                    Note(version, $"version \"{text}\" written as {written} (semantic versions have three parts)");
                }

                output.Put("version", YamlWriting.Text(written));
            }
            else
            {
                Note(0, "no version: frugal prompt lint requires metadata.version; add one, such as 1.0.0");
            }

            output.Put("reviewers", metadata.Get("reviewers"));
            output.Put("authors", metadata.Get("authors") ?? root.Get("authors"));
            output.Put("tags", metadata.Get("tags") ?? root.Get("tags"));
            output.Put("tokenBudget", metadata.Get("tokenBudget"));
            output.Put("repeat", metadata.Get("repeat"));
            output.Put("seed", seed ?? metadata.Get("seed"));
            string[] carried = ["version", "reviewers", "authors", "tags", "tokenBudget", "repeat", "seed", "testData",
                "evaluators", "checks"];
            foreach (var key in metadata.Children.Keys)
            {
                if (key is YamlScalarNode { Value: { } name } && !carried.Contains(name))
                {
                    Note(key, $"metadata.{name} not carried: Frugal's metadata holds only "
                        + string.Join(", ", PromptFile.MetadataFields));
                }
            }

            return output;
        }

        /// <summary>Notes a template format other than Jinja2; true for Mustache, read as such.</summary>
        private bool Template(YamlMappingNode root)
        {
            var template = root.Get("template");
            var format = template switch
            {
                YamlScalarNode scalar => scalar.Value,
                YamlMappingNode map => map.Get("format") switch
                {
                    YamlScalarNode scalar => scalar.Value,
                    YamlMappingNode inner => inner.Scalar("kind"),
                    _ => null,
                },
                _ => null,
            };
            if (format is null or "jinja2" or "jinja")
            {
                return false;
            }

            Note(template, format == "mustache"
                ? "the template format is mustache, which HTML-escapes {{name}} values; gh-models inserts them as "
                    + "they are, so a value holding < > & \" ' renders differently"
                : $"the template format is {format}; the body was read as Jinja2, the only format a .prompt.yml "
                    + "export names");
            return format == "mustache";
        }
    }

    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex ShortVersion();
}
