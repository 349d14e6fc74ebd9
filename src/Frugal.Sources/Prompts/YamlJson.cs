using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Frugal.Sources.Prompts.Prompty;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Frugal.Sources.Prompts;

/// <summary>
/// YAML trees to JSON and back. Scalars are typed as <c>gopkg.in/yaml.v3</c> resolves them (YAML 1.2's core schema,
/// the typing a schema or an <c>enum</c> list means), by <see cref="GoYamlValue"/>: <c>null</c>/<c>~</c>/empty,
/// <c>true</c>/<c>false</c> (also <c>True</c>, <c>TRUE</c>…), decimal, <c>0x</c>, <c>0o</c> and <c>0b</c> integers,
/// floats; quoted scalars and everything else are strings. Every YAML value read as JSON (a json-schema check, a
/// Prompty file's schema and options) goes through here.
/// </summary>
internal static class YamlJson
{
    /// <summary>A plain scalar YAML reads as null: empty, <c>~</c> or <c>null</c>.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null"
            or "Null" or "NULL" };

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
        node is YamlScalarNode scalar && GoYamlValue.Of(scalar).Kind == GoValueKind.Integer;

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

    /// <summary>
    /// A scalar's JSON value. A float that is infinite or not a number (<c>.inf</c>, <c>-.inf</c>, <c>.nan</c>) stays
    /// the string written, as JSON numbers cannot hold them; so does a timestamp, which JSON has no type for.
    /// </summary>
    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = GoYamlValue.Of(scalar);
        return value.Kind switch
        {
            GoValueKind.Null => null,
            GoValueKind.Boolean => JsonValue.Create(value.Text == "true"),
            GoValueKind.Integer => JsonNode.Parse(value.Text),
            GoValueKind.Float when value.Float64 is { } number && double.IsFinite(number) => JsonValue.Create(number),
            GoValueKind.String => JsonValue.Create(value.Text),
            _ => JsonValue.Create(scalar.Value ?? string.Empty),
        };
    }
}
