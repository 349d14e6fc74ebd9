using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Frugal.Sources.Prompts.Prompty;

/// <summary>
/// Prompty <c>outputs</c> and the JSON schema its OpenAI runtime sends for them (<c>response_format</c>
/// <c>json_schema</c>, name <c>structured_output</c>, strict): an object of the outputs, every one listed in
/// <c>required</c>, the ones not marked required made nullable, no additional properties, nested objects alike.
/// </summary>
internal static class PromptySchema
{
    /// <summary>The name Prompty's runtime gives the schema of its outputs.</summary>
    public const string OutputName = "structured_output";

    private static readonly Dictionary<string, string> JsonTypes = new(StringComparer.Ordinal)
    {
        ["string"] = "string", ["integer"] = "integer", ["float"] = "number", ["number"] = "number",
        ["boolean"] = "boolean", ["array"] = "array", ["object"] = "object",
    };

    /// <summary>The schema of <paramref name="outputs"/> as Prompty's OpenAI runtime builds it.</summary>
    public static JsonObject FromProperties(IReadOnlyList<PromptyProperty> outputs, bool strict)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var output in outputs.Where(o => o.Name.Length > 0))
        {
            properties[output.Name] = Property(output, strict && !output.Required, strict);
            required.Add((JsonNode)JsonValue.Create(output.Name));
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        schema["additionalProperties"] = false;
        return schema;
    }

    /// <summary>A <c>jsonSchema</c> string for a <c>.prompt.yml</c>: name, strict, schema.</summary>
    public static string JsonSchemaText(string name, JsonObject schema, bool strict) =>
        YamlJson.Write(new JsonObject { ["name"] = name, ["strict"] = strict, ["schema"] = schema.DeepClone() });

    /// <summary>
    /// The outputs that make Prompty send exactly <paramref name="jsonSchema"/> (a <c>jsonSchema</c> string's
    /// JSON), or null when no outputs would: then the schema has to travel as it is.
    /// </summary>
    public static List<PromptyProperty>? OutputsFor(JsonNode? jsonSchema)
    {
        if (jsonSchema is not JsonObject document
            || document["name"]?.GetValueKind() != JsonValueKind.String
            || document["name"]!.GetValue<string>() != OutputName
            || document["strict"]?.GetValueKind() != JsonValueKind.True
            || document["schema"] is not JsonObject schema
            || Properties(schema) is not { } outputs
            || outputs.Count == 0)
        {
            return null;
        }

        return JsonNode.DeepEquals(FromProperties(outputs, strict: true), schema) ? outputs : null;
    }

    /// <summary>The YAML list of <paramref name="properties"/>, as a Prompty v2 file writes them.</summary>
    public static YamlSequenceNode ToYaml(IEnumerable<PromptyProperty> properties) =>
        new(properties.Select(ToYaml));

    private static YamlMappingNode ToYaml(PromptyProperty property)
    {
        var map = new YamlMappingNode();
        if (property.Name.Length > 0)
        {
            map.Put("name", YamlWriting.Text(property.Name));
        }

        map.Put("kind", property.Kind is null ? null : YamlWriting.Text(property.Kind));
        map.Put("description", property.Description is null ? null : YamlWriting.Text(property.Description));
        map.Put("required", property.Required ? YamlWriting.Plain("true") : null);
        map.Put("enumValues", property.EnumValues);
        map.Put("items", property.Items is null ? null : ToYaml(property.Items));
        map.Put("properties", property.Properties is null ? null : ToYaml(property.Properties));
        return map;
    }

    private static JsonObject Property(PromptyProperty property, bool optional, bool strict)
    {
        var schema = new JsonObject();
        if (property.Kind is { } kind && JsonTypes.TryGetValue(kind, out var type))
        {
            schema["type"] = type;
        }

        if (!string.IsNullOrEmpty(property.Description))
        {
            schema["description"] = property.Description;
        }

        if (property.EnumValues is { Children.Count: > 0 } values)
        {
            schema["enum"] = YamlJson.ToJson(values);
        }

        if (property.Kind == "array")
        {
            schema["items"] = property.Items is null ? new JsonObject { ["type"] = "string" }
                : Property(property.Items, optional: false, strict);
        }

        if (property.Kind == "object")
        {
            var nested = new JsonObject();
            var required = new JsonArray();
            foreach (var child in property.Properties ?? [])
            {
                nested[child.Name] = Property(child, strict && !child.Required, strict);
                if (strict || child.Required)
                {
                    required.Add((JsonNode)JsonValue.Create(child.Name));
                }
            }

            schema["properties"] = nested;
            if (required.Count > 0)
            {
                schema["required"] = required;
            }

            schema["additionalProperties"] = false;
        }

        if (property.Kind == "union" && property.AnyOf is { Count: > 0 } branches)
        {
            schema["anyOf"] = new JsonArray(branches.Select(b => (JsonNode?)Property(b, optional: false, strict))
                .ToArray());
        }

        if (property.Nullable || optional)
        {
            Nullable(schema);
        }

        return schema;
    }

    /// <summary>
    /// Prompty's <c>addNullability</c>: a type gains "null"; an <c>anyOf</c> gains a null branch; any other
    /// non-empty schema gains an <c>anyOf</c> of a copy of itself and null (its own keys stay, as in JavaScript's
    /// spread, and the copy shares its <c>enum</c> array, so both gain the null).
    /// </summary>
    private static void Nullable(JsonObject schema)
    {
        JsonObject? copy = null;
        if (schema["type"] is JsonValue type)
        {
            schema["type"] = new JsonArray(type.GetValue<string>(), "null");
        }
        else if (schema["anyOf"] is JsonArray anyOf)
        {
            anyOf.Add((JsonNode)new JsonObject { ["type"] = "null" });
        }
        else if (schema.Count > 0)
        {
            copy = (JsonObject)schema.DeepClone();
            schema["anyOf"] = new JsonArray(copy, new JsonObject { ["type"] = "null" });
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => v is null))
        {
            values.Add(null);
            (copy?["enum"] as JsonArray)?.Add(null);
        }
    }

    /// <summary>A guess at the properties behind an object schema; the caller checks it by building it again.</summary>
    private static List<PromptyProperty>? Properties(JsonObject schema)
    {
        if (schema["properties"] is not JsonObject properties)
        {
            return null;
        }

        var required = (schema["required"] as JsonArray)?.Select(n => n?.ToString()).ToHashSet() ?? [];
        var list = new List<PromptyProperty>();
        foreach (var (name, value) in properties)
        {
            if (value is not JsonObject property || Guess(name, property, required.Contains(name)) is not { } guess)
            {
                return null;
            }

            list.Add(guess);
        }

        return list;
    }

    private static PromptyProperty? Guess(string name, JsonObject schema, bool listed)
    {
        var nullable = false;
        string? type = null;
        switch (schema["type"])
        {
            case JsonArray { Count: 2 } pair when pair[1]?.ToString() == "null":
                type = pair[0]?.ToString();
                nullable = true;
                break;
            case JsonValue value:
                type = value.ToString();
                break;
        }

        var kind = JsonTypes.FirstOrDefault(p => p.Value == type).Key;
        if (kind is null || !listed)
        {
            return null;
        }

        YamlSequenceNode? values = null;
        if (schema["enum"] is JsonArray array)
        {
            var kept = array.Where(v => !(nullable && v is null)).ToList();
            values = new YamlSequenceNode(kept.Select(YamlJson.ToYaml));
        }

        return new PromptyProperty
        {
            Name = name,
            Kind = kind,
            Description = schema["description"]?.ToString(),
            Required = !nullable,
            EnumValues = values,
            Items = schema["items"] is JsonObject items ? Guess(string.Empty, items, listed: true) : null,
            Properties = kind == "object" ? Properties(schema) : null,
        };
    }
}
