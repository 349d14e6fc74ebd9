using System.Globalization;
using System.Text.Json;

namespace Frugal.Domain.Prompts.Testing;

/// <summary>
/// A small subset of JSON Schema (draft 2020-12 keywords), enough for the shapes prompts ask for: <c>type</c>
/// (one or a list), <c>enum</c>, <c>const</c>, <c>properties</c>, <c>required</c>, <c>additionalProperties:
/// false</c>, <c>items</c>, <c>minItems</c>, <c>maxItems</c>, <c>minLength</c>, <c>maxLength</c>, <c>minimum</c>,
/// <c>maximum</c>. Every other keyword is ignored, so a schema that relies on one passes more than it should.
/// </summary>
public static class JsonSchemaSubset
{
    /// <summary>Every way <paramref name="value"/> breaks <paramref name="schema"/>, each with its JSON path.</summary>
    public static IReadOnlyList<string> Validate(JsonElement schema, JsonElement value)
    {
        var errors = new List<string>();
        Check(schema, value, "$", errors);
        return errors;
    }

    private static void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, value))
        {
            errors.Add($"{path} is {Kind(value)}, not {type.ToString()}");
            return;
        }

        if (schema.TryGetProperty("enum", out var options) && options.ValueKind == JsonValueKind.Array
            && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value)))
        {
            errors.Add($"{path} is not one of {options.GetRawText()}");
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add($"{path} is not {constant.GetRawText()}");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                Object(schema, value, path, errors);
                break;
            case JsonValueKind.Array:
                Array(schema, value, path, errors);
                break;
            case JsonValueKind.String:
                Range(schema, "minLength", "maxLength", value.GetString()!.Length, path, "characters", errors);
                break;
            case JsonValueKind.Number:
                Range(schema, "minimum", "maximum", value.GetDouble(), path, "as a value", errors);
                break;
        }
    }

    private static void Object(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(n => n.GetString() ?? string.Empty))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add($"{path}.{name} is required");
                }
            }
        }

        var hasProperties = schema.TryGetProperty("properties", out var properties)
            && properties.ValueKind == JsonValueKind.Object;
        var closed = schema.TryGetProperty("additionalProperties", out var additional)
            && additional.ValueKind == JsonValueKind.False;
        foreach (var property in value.EnumerateObject())
        {
            if (hasProperties && properties.TryGetProperty(property.Name, out var sub))
            {
                Check(sub, property.Value, $"{path}.{property.Name}", errors);
            }
            else if (closed)
            {
                errors.Add($"{path}.{property.Name} is not allowed");
            }
        }
    }

    private static void Array(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        Range(schema, "minItems", "maxItems", value.GetArrayLength(), path, "items", errors);
        if (!schema.TryGetProperty("items", out var items))
        {
            return;
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            Check(items, item, $"{path}[{i++}]", errors);
        }
    }

    private static void Range(
        JsonElement schema, string low, string high, double actual, string path, string unit, List<string> errors)
    {
        if (schema.TryGetProperty(low, out var min) && min.ValueKind == JsonValueKind.Number
            && actual < min.GetDouble())
        {
            errors.Add($"{path} has {Text(actual)} {unit}, fewer than {low} {min.GetRawText()}");
        }

        if (schema.TryGetProperty(high, out var max) && max.ValueKind == JsonValueKind.Number
            && actual > max.GetDouble())
        {
            errors.Add($"{path} has {Text(actual)} {unit}, more than {high} {max.GetRawText()}");
        }
    }

    private static string Text(double number) => number.ToString(CultureInfo.InvariantCulture);

    private static bool TypeMatches(JsonElement type, JsonElement value) => type.ValueKind switch
    {
        JsonValueKind.String => IsType(type.GetString(), value),
        JsonValueKind.Array => type.EnumerateArray().Any(t => IsType(t.GetString(), value)),
        _ => true,
    };

    private static bool IsType(string? type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Number => "a number",
        _ => "a" + (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? "n " : " ")
            + value.ValueKind.ToString().ToLowerInvariant(),
    };
}
