using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Frugal.Sources.Prompts.Prompty;

/// <summary>
/// YAML trees to JSON and back, typing plain scalars by YAML 1.2's core schema (the typing a schema or an
/// <c>enum</c> list means): <c>null</c>/<c>~</c>/empty, <c>true</c>/<c>false</c>, decimal, hex (<c>0x</c>) and octal
/// (<c>0o</c>) integers, decimal floats; quoted scalars and everything else are strings.
/// </summary>
internal static partial class YamlJson
{
    /// <summary>The JSON value of <paramref name="node"/>; null for YAML null.</summary>
    public static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    obj[(key as YamlScalarNode)?.Value ?? string.Empty] = ToJson(value);
                }

                return obj;
            case YamlSequenceNode list:
                var array = new JsonArray();
                foreach (var item in list.Children)
                {
                    array.Add(ToJson(item));
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    /// <summary>Whether a scalar is a YAML integer (not a float).</summary>
    public static bool IsInteger(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: { } text }
        && Integer(text) is not null;

    /// <summary>The YAML node for a JSON value, strings written so they read back as strings.</summary>
    public static YamlNode ToYaml(JsonNode? node) => node switch
    {
        null => YamlWriting.Plain("null"),
        JsonObject obj => new YamlMappingNode(obj.Select(p =>
            new KeyValuePair<YamlNode, YamlNode>(YamlWriting.Text(p.Key), ToYaml(p.Value)))),
        JsonArray array => new YamlSequenceNode(array.Select(ToYaml)),
        JsonValue value when value.GetValueKind() == JsonValueKind.String =>
            YamlWriting.Text(value.GetValue<string>()),
        _ => YamlWriting.Plain(node.ToJsonString()),
    };

    /// <summary>
    /// Parses JSON text whose objects may repeat a key (JSON allows it), keeping the last value as most readers do;
    /// <paramref name="repeated"/> names the first repeated key, if any.
    /// </summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static JsonNode? ParseLastWins(string json, out string? repeated)
    {
        using var document = JsonDocument.Parse(json);
        string? first = null;
        var node = Node(document.RootElement);
        repeated = first;
        return node;

        JsonNode? Node(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var obj = new JsonObject();
                    foreach (var property in element.EnumerateObject())
                    {
                        if (obj.ContainsKey(property.Name))
                        {
                            first ??= property.Name;
                            obj.Remove(property.Name);
                        }

                        obj[property.Name] = Node(property.Value);
                    }

                    return obj;
                case JsonValueKind.Array:
                    var array = new JsonArray();
                    foreach (var item in element.EnumerateArray())
                    {
                        array.Add(Node(item));
                    }

                    return array;
                case JsonValueKind.Null:
                    return null;
                default:
                    return JsonNode.Parse(element.GetRawText());
            }
        }
    }

    /// <summary>Indented JSON text, as a <c>jsonSchema</c> string holds it.</summary>
    public static string Write(JsonNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            node.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n");
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(text[0] is 't' or 'T');
        }

        if (Integer(text) is { } integer)
        {
            return JsonNode.Parse(integer.ToString(CultureInfo.InvariantCulture));
        }

        if (Float().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }

    private static System.Numerics.BigInteger? Integer(string text)
    {
        if (DecimalInteger().IsMatch(text))
        {
            return System.Numerics.BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) && text.Length > 2 && text[2..].All(char.IsAsciiHexDigit))
        {
            return System.Numerics.BigInteger.Parse("0" + text[2..], NumberStyles.AllowHexSpecifier,
                CultureInfo.InvariantCulture);
        }

        if (text.StartsWith("0o", StringComparison.Ordinal) && text.Length > 2
            && text[2..].All(c => c is >= '0' and <= '7'))
        {
            return text[2..].Aggregate(System.Numerics.BigInteger.Zero, (n, c) => (n * 8) + (c - '0'));
        }

        return null;
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
