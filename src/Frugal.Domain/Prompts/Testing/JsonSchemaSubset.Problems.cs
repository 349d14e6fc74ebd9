using System.Text.Json;

namespace Frugal.Domain.Prompts.Testing;

public static partial class JsonSchemaSubset
{
    private static readonly string[] TypeNames = ["object", "array", "string", "number", "integer", "boolean", "null"];

    private static readonly string[] Counts = ["minItems", "maxItems", "minLength", "maxLength"];

    /// <summary>
    /// Every way <paramref name="schema"/> misuses a keyword this subset runs (a <c>required</c> entry that is not a
    /// string, a <c>type</c> that is no JSON Schema type, a negative <c>maxLength</c>…), each with its path in the
    /// schema such as <c>properties.a.required[0]</c>; empty when the subset can run it as the author meant.
    /// Keywords the subset does not run are not looked at.
    /// </summary>
    public static IReadOnlyList<string> Problems(JsonElement schema)
    {
        var problems = new List<string>();
        try
        {
            Inspect(schema, string.Empty, problems);
        }
        catch (InvalidOperationException)
        {
            problems.Add(HalfSurrogate("the schema holds a string"));
        }

        return problems;
    }

    private static void Inspect(JsonElement schema, string path, List<string> problems)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path.Length == 0
                ? $"the schema is {Kind(schema)}, not an object or a boolean"
                : $"{path} is {Kind(schema)}, not a schema (an object or a boolean)");
            return;
        }

        var at = path.Length == 0 ? string.Empty : path + ".";
        InspectType(schema, at, problems);
        InspectRequired(schema, at, problems);
        if (schema.TryGetProperty("enum", out var options) && options.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{at}enum is {Kind(options)}, not a list of the values allowed");
        }

        foreach (var keyword in Counts)
        {
            if (schema.TryGetProperty(keyword, out var count)
                && !(count.ValueKind == JsonValueKind.Number && IsWhole(count) && count.GetDouble() >= 0))
            {
                problems.Add($"{at}{keyword} is {Shown(count)}, not a count (a whole number, 0 or more)");
            }
        }

        foreach (var keyword in (string[])["minimum", "maximum"])
        {
            if (schema.TryGetProperty(keyword, out var bound) && bound.ValueKind != JsonValueKind.Number)
            {
                problems.Add($"{at}{keyword} is {Kind(bound)}, not a number");
            }
        }

        InspectSubschemas(schema, at, problems);
    }

    private static void InspectType(JsonElement schema, string at, List<string> problems)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            if (!TypeNames.Contains(type.GetString(), StringComparer.Ordinal))
            {
                problems.Add($"{at}type {type.GetRawText()} is not a JSON Schema type: use "
                    + $"{string.Join(", ", TypeNames[..^1])} or {TypeNames[^1]}");
            }

            return;
        }

        if (type.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{at}type is {Kind(type)}, not a type name or a list of them");
            return;
        }

        var i = 0;
        foreach (var name in type.EnumerateArray())
        {
            if (name.ValueKind != JsonValueKind.String || !TypeNames.Contains(name.GetString(), StringComparer.Ordinal))
            {
                problems.Add($"{at}type[{i}] is {Shown(name)}, not a type name");
            }

            i++;
        }
    }

    private static void InspectRequired(JsonElement schema, string at, List<string> problems)
    {
        if (!schema.TryGetProperty("required", out var required))
        {
            return;
        }

        if (required.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{at}required is {Kind(required)}, not a list of property names");
            return;
        }

        var i = 0;
        foreach (var name in required.EnumerateArray())
        {
            if (name.ValueKind != JsonValueKind.String)
            {
                problems.Add($"{at}required[{i}] is {Shown(name)}, not a property name (a string)");
            }

            i++;
        }
    }

    private static void InspectSubschemas(JsonElement schema, string at, List<string> problems)
    {
        if (schema.TryGetProperty("properties", out var properties))
        {
            if (properties.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{at}properties is {Kind(properties)}, not an object of schemas by property name");
            }
            else
            {
                foreach (var property in properties.EnumerateObject())
                {
                    Inspect(property.Value, $"{at}properties.{property.Name}", problems);
                }
            }
        }

        if (schema.TryGetProperty("additionalProperties", out var additional)
            && additional.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
        {
            problems.Add($"{at}additionalProperties is {Kind(additional)}, not a schema (an object or a boolean)");
        }

        if (schema.TryGetProperty("items", out var items))
        {
            if (items.ValueKind == JsonValueKind.Array)
            {
                problems.Add($"{at}items is an array, not a schema (an object or a boolean): in JSON Schema 2020-12 "
                    + "items is one schema for every item");
            }
            else
            {
                Inspect(items, $"{at}items", problems);
            }
        }
    }

    /// <summary>A number or string as written (<c>-1</c>, <c>"a"</c>), anything else by its kind.</summary>
    private static string Shown(JsonElement value) =>
        value.ValueKind is JsonValueKind.Number or JsonValueKind.String ? value.GetRawText() : Kind(value);
}
