using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Frugal.Domain.Prompts;
using Frugal.Domain.Prompts.Testing;
using YamlDotNet.RepresentationModel;

namespace Frugal.Sources.Prompts;

public static partial class PromptFile
{
    /// <summary>The keys of <c>metadata:</c>.</summary>
    public static IReadOnlyList<string> MetadataFields { get; } =
        ["version", "reviewers", "authors", "tags", "tokenBudget", "repeat", "seed"];

    /// <summary>The most runs per case <c>metadata.repeat</c> and <c>--repeat</c> may ask for.</summary>
    public const int MaxRepeat = 100;

    /// <summary>The one message for a run count out of range, given as <paramref name="given"/>.</summary>
    public static string RepeatOutOfRange(string given, string value) =>
        $"{given} {value} is out of range: give 1 to {MaxRepeat} runs per case";

    private sealed partial class Reader
    {
        private PromptMetadata Metadata(Dictionary<string, Field> top)
        {
            if (Mapping(top, "metadata", string.Empty, "version, reviewers and tokenBudget") is not { } map)
            {
                return new PromptMetadata();
            }

            var fields = Entries(map, "metadata", MetadataFields, key => $"metadata.{key} is not a Frugal setting: "
                + $"correct its spelling (settings: {string.Join(", ", MetadataFields)})");
            SemanticVersion? version = null;
            if (Text(fields, "version", "metadata", required: false) is { } text
                && !SemanticVersion.TryParse(text, out version, out var problem))
            {
                Problem(fields["version"].Value, $"metadata.version {problem}");
            }

            return new PromptMetadata
            {
                Version = version,
                Reviewers = Strings(fields, "reviewers", "metadata"),
                Authors = Strings(fields, "authors", "metadata"),
                Tags = Strings(fields, "tags", "metadata"),
                TokenBudgets = TokenBudgets(fields),
                Repeat = Repeat(fields),
                Seed = Integer(fields, "seed", long.MinValue, long.MaxValue),
            };
        }

        private int? Repeat(Dictionary<string, Field> metadata)
        {
            if (!metadata.TryGetValue("repeat", out var field))
            {
                return null;
            }

            if (Plain(field) is { } text
                && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var runs)
                && runs is < 1 or > MaxRepeat)
            {
                Problem(field.Value, RepeatOutOfRange("metadata.repeat", text));
                return null;
            }

            return (int?)Integer(field, 1, MaxRepeat);
        }

        private List<TokenBudget> TokenBudgets(Dictionary<string, Field> metadata)
        {
            var budgets = new List<TokenBudget>();
            if (!metadata.TryGetValue("tokenBudget", out var field))
            {
                return budgets;
            }

            if (field.Value is YamlScalarNode)
            {
                if (Integer(metadata, "tokenBudget", 1, int.MaxValue) is { } tokens)
                {
                    budgets.Add(new TokenBudget(null, (int)tokens));
                }

                return budgets;
            }

            if (field.Value is not YamlMappingNode map || map.Children.Count == 0)
            {
                Problem(field.Value, "metadata.tokenBudget must be a number of input tokens for the prompt's model, "
                    + "or a mapping of tokenizers or models to numbers, such as {o200k_base: 600}");
                return budgets;
            }

            foreach (var (target, entry) in Entries(map, field.Path, null, _ => string.Empty))
            {
                if (TokenizerProblem(target) is { } problem)
                {
                    Problem(entry.Key, $"{entry.Path}: {problem}");
                    continue;
                }

                if (Integer(entry, 1, int.MaxValue) is { } tokens)
                {
                    budgets.Add(new TokenBudget(target, (int)tokens));
                }
            }

            return budgets;
        }

        /// <summary>
        /// Null when <paramref name="target"/> is a tokenizer Frugal counts with or a model id; else, for a key
        /// that reads as a tokenizer name (no provider, ending in <c>_base</c> or <c>-base</c>, or one of
        /// tiktoken's other encodings), what is wrong with it and the fix. Such a key was once taken for a model id
        /// and counted, as an estimate, with the fallback tokenizer.
        /// </summary>
        private static string? TokenizerProblem(string target)
        {
            if (TokenEncodings.FromName(target) is not null || target.Contains('/', StringComparison.Ordinal))
            {
                return null;
            }

            var name = target.Trim().ToLowerInvariant().Replace('-', '_');
            if (TokenEncodings.FromName(name) is not null)
            {
                return $"{target} is not how the tokenizer is written: write {name} (tiktoken's name)";
            }

            if (name is "p50k_base" or "p50k_edit" or "r50k_base" or "gpt2")
            {
                return $"{target} is a tokenizer Frugal does not count with (older OpenAI models): budget o200k_base "
                    + "or cl100k_base, or a model id such as openai/gpt-4o";
            }

            return name.EndsWith("_base", StringComparison.Ordinal)
                ? $"{target} is not a tokenizer Frugal knows: use o200k_base or cl100k_base, or a model id such as "
                    + "openai/gpt-4o"
                : null;
        }

        private List<PromptCheck> Checks(Dictionary<string, Field> top)
        {
            var checks = new List<PromptCheck>();
            if (!top.TryGetValue("checks", out var field))
            {
                return checks;
            }

            if (field.Value is not YamlSequenceNode list)
            {
                Problem(field.Value, "checks must be a list, each with a type such as contains, is-json or latency");
                return checks;
            }

            for (var i = 0; i < list.Children.Count; i++)
            {
                var at = $"checks[{i}]";
                var item = list.Children[i];
                Record(at, item, item);
                if (item is not YamlMappingNode map)
                {
                    Problem(item, $"{at} must be a mapping with a type and, for most types, a value");
                    continue;
                }

                var fields = Entries(map, at, ["type", "value", "threshold", "description"], key =>
                    $"{at}.{key} is not a check field (type, value, description; threshold for latency)");
                if (Check(fields, at, map) is { } check)
                {
                    checks.Add(check with { Description = Text(fields, "description", at, required: false) });
                }
            }

            return checks;
        }

        private PromptCheck? Check(Dictionary<string, Field> fields, string at, YamlMappingNode map)
        {
            var type = Text(fields, "type", at, required: true);
            if (type is null)
            {
                return null;
            }

            if (!PromptCheck.Types.Contains(type, StringComparer.Ordinal))
            {
                Problem(fields["type"].Value, $"{at}.type \"{type}\" is not a check: use one of "
                    + string.Join(", ", PromptCheck.Types));
                return null;
            }

            if (type != "latency" && fields.TryGetValue("threshold", out var threshold))
            {
                Problem(threshold.Key, $"{at}.threshold is only for latency: give a {type} check its value");
            }

            var negated = type.StartsWith("not-", StringComparison.Ordinal);
            switch (negated ? type[4..] : type)
            {
                case "contains" or "icontains":
                    return Value(fields, at, map, type) is { } text
                        ? new ContainsCheck(text, IgnoreCase: type.EndsWith("icontains", StringComparison.Ordinal),
                            Negated: negated)
                        : null;
                case "equals":
                    return Value(fields, at, map, type) is { } expected ? new EqualsCheck(expected, negated) : null;
                case "regex":
                    return Value(fields, at, map, type) is { } pattern && Compiles(fields["value"], pattern)
                        ? new RegexCheck(pattern, negated)
                        : null;
                case "is-json":
                    if (fields.TryGetValue("value", out var value))
                    {
                        Problem(value.Key, $"{at}: is-json takes no value; to check a schema, use type: json-schema");
                    }

                    return new IsJsonCheck();
                case "json-schema":
                    return Schema(fields, at, map) is { } schema ? new JsonSchemaCheck(schema) : null;
                case "max-output-tokens":
                    return Limit(fields, "value", at, map, "the most completion tokens") is { } tokens
                        ? new MaxOutputTokensCheck((int)tokens)
                        : null;
                default:
                    return Latency(fields, at, map) is { } ms ? new LatencyCheck((int)ms) : null;
            }
        }

        private string? Value(Dictionary<string, Field> fields, string at, YamlMappingNode map, string type)
        {
            if (!fields.ContainsKey("value"))
            {
                Problem(map, $"{at}: a {type} check needs a value: the text to look for");
                return null;
            }

            return Text(fields, "value", at, required: true);
        }

        private bool Compiles(Field field, string pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
                return true;
            }
            catch (ArgumentException e)
            {
                Problem(field.Value, $"{field.Path} is not a valid .NET regular expression ({e.Message})");
                return false;
            }
        }

        private string? Schema(Dictionary<string, Field> fields, string at, YamlMappingNode map)
        {
            if (!fields.TryGetValue("value", out var field))
            {
                Problem(map, $"{at}: a json-schema check needs a value: the schema, as YAML or a JSON string");
                return null;
            }

            RecordTree(field.Path, field.Value);
            var json = field.Value switch
            {
                YamlMappingNode => YamlJson.ToJson(field.Value)?.ToJsonString(),
                YamlScalarNode { Value: { } text } when !IsNull(field.Value) => text,
                _ => null,
            };
            if (json is null)
            {
                Problem(field.Value, $"{field.Path} must be a JSON Schema: a YAML mapping or a JSON object string");
                return null;
            }

            if (JsonObjectProblem(json) is { } problem)
            {
                Problem(field.Value, $"{field.Path} {problem}");
                return null;
            }

            // A schema the checks cannot run as meant (required: [1], type: int) would crash or pass anything.
            using var schema = JsonDocument.Parse(json);
            var misuses = JsonSchemaSubset.Problems(schema.RootElement);
            foreach (var misuse in misuses)
            {
                Problem(field.Value, $"{field.Path} is not a schema the json-schema check can run: {misuse}");
            }

            return misuses.Count == 0 ? json : null;
        }

        private long? Latency(Dictionary<string, Field> fields, string at, YamlMappingNode map)
        {
            var hasValue = fields.ContainsKey("value");
            if (hasValue && fields.TryGetValue("threshold", out var threshold))
            {
                Problem(threshold.Key, $"{at}: give the latency limit once, as value (or promptfoo's threshold)");
                return null;
            }

            return Limit(fields, hasValue || !fields.ContainsKey("threshold") ? "value" : "threshold", at, map,
                "the longest time allowed, in milliseconds");
        }

        private long? Limit(Dictionary<string, Field> fields, string key, string at, YamlMappingNode map, string what)
        {
            if (!fields.ContainsKey(key))
            {
                Problem(map, $"{at}: this check needs a value: {what}");
                return null;
            }

            return Integer(fields, key, 1, int.MaxValue);
        }
    }
}
