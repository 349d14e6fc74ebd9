using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Frugal.Sources.Prompts;

public static partial class PromptFile
{
    /// <summary>One entry of a mapping: its key and value nodes and its path.</summary>
    private readonly record struct Field(YamlNode Key, YamlNode Value, string Path);

    private sealed partial class Reader
    {
        /// <summary>
        /// The entries of <paramref name="map"/> by key, each recorded with its position (and the tree below a value
        /// that no reader walks); keys outside <paramref name="known"/> (null: any key) reported with the message
        /// <paramref name="unknown"/> makes for them.
        /// </summary>
        private Dictionary<string, Field> Entries(
            YamlMappingNode map, string at, IReadOnlyList<string>? known, Func<string, string> unknown)
        {
            var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in map.Children)
            {
                if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key } || IsNull(keyNode))
                {
                    Problem(keyNode, $"{(at.Length == 0 ? "the file" : at)} has a key that is not a name: use plain "
                        + "text keys");
                    continue;
                }

                var path = at.Length == 0 ? key : $"{at}.{key}";
                Record(path, keyNode, value);
                if (known is not null && !known.Contains(key, StringComparer.Ordinal))
                {
                    RecordTree(path, value);
                    Problem(keyNode, unknown(key));
                    continue;
                }

                fields[key] = new Field(keyNode, value, path);
            }

            return fields;
        }

        /// <summary>The mapping under <paramref name="name"/>, or null (a problem when it is not a mapping).</summary>
        private YamlMappingNode? Mapping(Dictionary<string, Field> fields, string name, string at, string example)
        {
            if (!fields.TryGetValue(name, out var field) || IsNull(field.Value))
            {
                return null;
            }

            if (field.Value is YamlMappingNode map)
            {
                return map;
            }

            Problem(field.Value, $"{Join(at, name)} must be a mapping, with keys such as {example}");
            return null;
        }

        /// <summary>The text under <paramref name="name"/>: any non-empty scalar, numbers as written.</summary>
        private string? Text(Dictionary<string, Field> fields, string name, string at, bool required)
        {
            if (!fields.TryGetValue(name, out var field))
            {
                if (required)
                {
                    Problems.Add(new PromptFileProblem(
                        Map.Of(at).Line, Map.Of(at).Column, $"{Join(at, name)} is missing"));
                }

                return null;
            }

            if (field.Value is YamlScalarNode { Value: { } value } && !IsNull(field.Value)
                && !string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            Problem(field.Value, $"{field.Path} must be non-empty text");
            return null;
        }

        /// <summary>A list of non-empty texts, such as <c>[alice, bob]</c>.</summary>
        private List<string> Strings(Dictionary<string, Field> fields, string name, string at)
        {
            var list = new List<string>();
            if (!fields.TryGetValue(name, out var field))
            {
                return list;
            }

            if (field.Value is not YamlSequenceNode sequence)
            {
                Problem(field.Value, $"{Join(at, name)} must be a list, such as [alice, bob]");
                return list;
            }

            for (var i = 0; i < sequence.Children.Count; i++)
            {
                var item = sequence.Children[i];
                Record($"{field.Path}[{i}]", item, item);
                if (item is YamlScalarNode { Value: { } text } && !IsNull(item) && !string.IsNullOrWhiteSpace(text))
                {
                    list.Add(text.Trim());
                }
                else
                {
                    Problem(item, $"{field.Path}[{i}] must be non-empty text");
                }
            }

            return list;
        }

        /// <summary>
        /// A gh-models <c>float64</c> field (<c>temperature</c>, <c>topP</c>, a judge's <c>score</c>) from
        /// <paramref name="min"/> to <paramref name="max"/>, decoded as its YAML decoder decodes it
        /// (<see cref="GoNumber"/>).
        /// </summary>
        private double? Number(
            Dictionary<string, Field> fields, string name, string at, double min, double max, bool required = false)
        {
            if (!fields.TryGetValue(name, out var field))
            {
                if (required)
                {
                    Problems.Add(new PromptFileProblem(Map.Of(at).Line, Map.Of(at).Column,
                        $"{Join(at, name)} is missing"));
                }

                return null;
            }

            if (GoNumber(field) is not { } number)
            {
                return null;
            }

            if (number >= min && number <= max)
            {
                return number;
            }

            Problem(field.Value, $"{field.Path} {Written(field)} is out of range: give a number from "
                + $"{min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        /// <summary>
        /// A gh-models <c>int</c> field (<c>maxTokens</c>) from <paramref name="min"/> to <paramref name="max"/>,
        /// decoded as its YAML decoder decodes it (<see cref="GoNumber"/>). yaml.v3 also puts a float into an int
        /// field, dropping the fraction: a fraction is a problem here, since what is sent is not what is written.
        /// </summary>
        private long? GoInteger(Dictionary<string, Field> fields, string name, long min, long max)
        {
            if (!fields.TryGetValue(name, out var field) || GoNumber(field) is not { } number)
            {
                return null;
            }

            if (number != Math.Truncate(number))
            {
                Problem(field.Value, $"{field.Path} {Written(field)} is not a whole number: gh-models' YAML decoder "
                    + $"drops the fraction and sends {Math.Truncate(number).ToString(CultureInfo.InvariantCulture)}: "
                    + "write a whole number");
                return null;
            }

            if (number >= min && number <= max)
            {
                return (long)number;
            }

            Problem(field.Value, $"{field.Path} {Written(field)} is out of range: give a whole number from "
                + $"{min.ToString("N0", CultureInfo.InvariantCulture)} to "
                + $"{max.ToString("N0", CultureInfo.InvariantCulture)}");
            return null;
        }

        /// <summary>
        /// A number as gh-models' YAML decoder (yaml.v3, <c>decode.go</c> <c>scalar</c>) puts it into a numeric
        /// field: a plain integer or float in any form it resolves (<c>0x1F</c>, <c>010</c> as octal 8,
        /// <c>1_000</c>, <c>1e3</c>, <c>.5</c>), tags included (<see cref="GoYamlValue"/>); null, with a problem,
        /// for what it refuses: text (quoted, a block, <c>!!str</c>), a boolean, null, a date, a list or a mapping,
        /// and non-finite values, which no parameter takes.
        /// </summary>
        private double? GoNumber(Field field)
        {
            var value = GoYamlValue.Of(field.Value);
            if (value.Refused is { } refused)
            {
                Problem(field.Value, $"{field.Path} {refused}");
                return null;
            }

            double? number = value.Kind switch
            {
                GoValueKind.Float => value.Float64,
                GoValueKind.Integer => value.Int64
                    ?? (double)ulong.Parse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture),
                _ => null,
            };
            if (number is { } finite && double.IsFinite(finite))
            {
                return finite;
            }

            Problem(field.Value, number is not null
                ? $"{field.Path} {Written(field)} is not a finite number: give a number"
                : field.Value is YamlScalarNode { Tag.IsEmpty: false } && value.Kind == GoValueKind.String
                    ? $"{field.Path} is tagged as text, which gh-models' YAML decoder refuses for a number: write "
                        + "the number without the tag"
                    : $"{field.Path} must be a number, written without quotes");
            return null;
        }

        /// <summary>The scalar as written, for messages.</summary>
        private static string Written(Field field) => (field.Value as YamlScalarNode)?.Value ?? string.Empty;

        /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, without quotes.</summary>
        private long? Integer(Dictionary<string, Field> fields, string name, long min, long max) =>
            fields.TryGetValue(name, out var field) ? Integer(field, min, max) : null;

        private long? Integer(Field field, long min, long max)
        {
            if (Plain(field) is { } text
                && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                && number >= min && number <= max)
            {
                return number;
            }

            Problem(field.Value, $"{field.Path} must be a whole number from "
                + $"{min.ToString("N0", CultureInfo.InvariantCulture)} to "
                + $"{max.ToString("N0", CultureInfo.InvariantCulture)}, written without quotes");
            return null;
        }

        /// <summary>The text of a plain (unquoted) scalar, or null.</summary>
        private static string? Plain(Field field) =>
            field.Value is YamlScalarNode { Style: ScalarStyle.Plain, Value: { Length: > 0 } text } ? text : null;

        private static bool IsNull(YamlNode node) => YamlJson.IsNull(node);

        private static string Join(string at, string name) => at.Length == 0 ? name : $"{at}.{name}";

        private void Problem(YamlNode node, string message) =>
            Problems.Add(new PromptFileProblem((int)node.Start.Line, (int)node.Start.Column, message));

        /// <summary>Records a path at its key or list item <paramref name="at"/>, and where its value starts.</summary>
        private void Record(string path, YamlNode at, YamlNode value) =>
            Map.Add(path, (int)at.Start.Line, (int)at.Start.Column, (int)value.Start.Line,
                value is YamlScalarNode { Style: ScalarStyle.Literal });

        /// <summary>Records every node under <paramref name="node"/>, for values no reader walks.</summary>
        private void RecordTree(string path, YamlNode node)
        {
            switch (node)
            {
                case YamlMappingNode map:
                    foreach (var (key, value) in map.Children)
                    {
                        var child = $"{path}.{(key as YamlScalarNode)?.Value}";
                        Record(child, key, value);
                        RecordTree(child, value);
                    }

                    break;
                case YamlSequenceNode sequence:
                    for (var i = 0; i < sequence.Children.Count; i++)
                    {
                        Record($"{path}[{i}]", sequence.Children[i], sequence.Children[i]);
                        RecordTree($"{path}[{i}]", sequence.Children[i]);
                    }

                    break;
            }
        }

        /// <summary>
        /// Null when <paramref name="json"/> is a JSON object holding every key of <paramref name="required"/>; else
        /// what is wrong, to follow the field's path.
        /// </summary>
        private static string? JsonObjectProblem(string json, params string[] required)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return "must be a JSON object";
                }

                var missing = required.Where(key => !document.RootElement.TryGetProperty(key, out _)).ToList();
                return missing.Count == 0
                    ? null
                    : $"must hold {string.Join(" and ", missing.Select(k => $"\"{k}\""))}";
            }
            catch (JsonException e)
            {
                return $"is not valid JSON ({e.Message})";
            }
        }
    }
}
