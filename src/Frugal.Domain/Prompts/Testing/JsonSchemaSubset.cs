using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace Frugal.Domain.Prompts.Testing;

/// <summary>
/// A small subset of JSON Schema (draft 2020-12 keywords), enough for the shapes prompts ask for: <c>type</c>
/// (one or a list), <c>enum</c>, <c>const</c>, <c>properties</c>, <c>required</c>, <c>additionalProperties:
/// false</c>, <c>items</c>, <c>minItems</c>, <c>maxItems</c>, <c>minLength</c>, <c>maxLength</c>, <c>minimum</c>,
/// <c>maximum</c>, and the schemas <c>true</c> and <c>false</c>. Every other keyword is ignored, so a schema that
/// relies on one passes more than it should. Lengths are in characters (Unicode code points), as the specification
/// counts them.
/// </summary>
public static partial class JsonSchemaSubset
{
    /// <summary>
    /// Every way <paramref name="value"/> breaks <paramref name="schema"/>, each with its JSON path. A keyword misused
    /// in the schema (see <see cref="Problems"/>) is skipped, never thrown over.
    /// </summary>
    public static IReadOnlyList<string> Validate(JsonElement schema, JsonElement value)
    {
        var errors = new List<string>();
        try
        {
            Check(schema, value, "$", errors);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json reads "\ud800" without its pair as JSON but refuses it as a .NET string.
            errors.Add(HalfSurrogate("$ holds a string"));
        }

        return errors;
    }

    private static string HalfSurrogate(string what) =>
        $"{what} with half a surrogate pair (such as \\ud800 alone), which is not text";

    private static void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{path} is not allowed (its schema is false)");
            return;
        }

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
                Range(schema, "minLength", "maxLength", value.GetString()!.EnumerateRunes().Count(), path,
                    "characters", errors);
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
            var names = required.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String);
            foreach (var name in names.Select(n => n.GetString()!))
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
        JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String
            && IsType(t.GetString(), value)),
        _ => true,
    };

    private static bool IsType(string? type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && IsWhole(value),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    /// <summary>
    /// Whether a JSON number has no fractional part, JSON Schema's <c>integer</c> (1, 1.0 and 1e2 are; 1.5 and 1e-1
    /// are not), decided from its digits so that no rounding to a double can make 1.0000000000000000001 whole.
    /// </summary>
    private static bool IsWhole(JsonElement number)
    {
        var text = number.GetRawText();
        var e = text.IndexOfAny(['e', 'E']);
        var mantissa = e < 0 ? text : text[..e];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var fraction = dot < 0 ? string.Empty : mantissa[(dot + 1)..];
        var digits = (dot < 0 ? mantissa : mantissa[..dot]).TrimStart('-') + fraction;
        var significant = digits.TrimEnd('0');
        if (significant.TrimStart('0').Length == 0)
        {
            return true;
        }

        // The number is (its digits) × 10^(exponent − fraction digits): whole when that power, raised by the digits'
        // trailing zeros, is not negative.
        var exponent = e < 0 ? BigInteger.Zero : BigInteger.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
        return exponent - fraction.Length + (digits.Length - significant.Length) >= 0;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "a" + (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? "n " : " ")
            + value.ValueKind.ToString().ToLowerInvariant(),
    };
}
