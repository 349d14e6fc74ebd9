using System.Text.Json;

namespace Frugal.Domain.Prompts.Diff;

/// <summary>
/// Compares two <c>jsonSchema</c> values (the output contract) as prompts.md §5 asks: a removed field, a field that
/// becomes required, a type change → MAJOR; an optional field added → MINOR.
/// </summary>
/// <remarks>
/// Also MAJOR: a field no longer required (a reader can no longer count on it, as if removed) and any other change
/// to what values a field may take (<c>enum</c>, <c>pattern</c>, <c>additionalProperties</c>…), taken as a change
/// of its type. Only <c>description</c>, <c>title</c>, <c>examples</c>, <c>$comment</c> and the schema's
/// <c>name</c> are wording: PATCH. JSON allows a name to repeat within an object; as in Go's <c>encoding/json</c>
/// (which gh-models parses the schema with), JavaScript's <c>JSON.parse</c> and System.Text.Json's property lookup,
/// the last one counts and the others are not compared.
/// </remarks>
public static class JsonSchemaDiff
{
    private static readonly string[] Wording = ["description", "title", "examples", "$comment"];
    private static readonly string[] Walked = ["type", "properties", "required", "items"];

    /// <summary>The bumps the change from <paramref name="before"/> to <paramref name="after"/> requires.</summary>
    public static IReadOnlyList<BumpReason> Compare(string? before, string? after)
    {
        var reasons = new List<BumpReason>();
        if (before == after)
        {
            return reasons;
        }

        if (before is null || after is null)
        {
            reasons.Add(new BumpReason(VersionBump.Major,
                $"jsonSchema {(before is null ? "added" : "removed")}: the output contract changes (§5: MAJOR)"));
            return reasons;
        }

        try
        {
            using var a = JsonDocument.Parse(before);
            using var b = JsonDocument.Parse(after);
            var (oldSchema, oldName) = Unwrap(a.RootElement);
            var (newSchema, newName) = Unwrap(b.RootElement);
            if (oldName != newName)
            {
                reasons.Add(new BumpReason(VersionBump.Patch, $"jsonSchema name \"{oldName}\" -> \"{newName}\""));
            }

            Walk("$", oldSchema, newSchema, reasons);
        }
        catch (JsonException)
        {
            reasons.Add(new BumpReason(VersionBump.Major,
                "jsonSchema changed and is not JSON on both sides, so it is taken as an incompatible change (MAJOR)"));
        }

        return reasons;
    }

    private static (JsonElement Schema, string? Name) Unwrap(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("schema", out var schema)
            ? (schema, root.TryGetProperty("name", out var name) ? name.ToString() : null)
            : (root, null);

    private static void Walk(string path, JsonElement a, JsonElement b, List<BumpReason> reasons)
    {
        if (a.ValueKind != JsonValueKind.Object || b.ValueKind != JsonValueKind.Object)
        {
            if (!Same(a, b))
            {
                reasons.Add(new BumpReason(VersionBump.Major, $"output field {path} changed type (§5: MAJOR)"));
            }

            return;
        }

        if (!SameProperty(a, b, "type"))
        {
            reasons.Add(new BumpReason(VersionBump.Major,
                $"output field {path} changed type {Raw(a, "type")} -> {Raw(b, "type")} (§5: MAJOR)"));
        }

        var oldRequired = Names(a, "required");
        var newRequired = Names(b, "required");
        var oldProperties = Properties(a);
        var newProperties = Properties(b);
        foreach (var (name, value) in oldProperties)
        {
            if (!newProperties.TryGetValue(name, out var next))
            {
                reasons.Add(new BumpReason(VersionBump.Major, $"output field {path}.{name} removed (§5: MAJOR)"));
            }
            else
            {
                Walk($"{path}.{name}", value, next, reasons);
            }
        }

        foreach (var name in newProperties.Keys.Where(n => !oldProperties.ContainsKey(n)))
        {
            reasons.Add(newRequired.Contains(name)
                ? new BumpReason(VersionBump.Major, $"required output field {path}.{name} added (§5: MAJOR)")
                : new BumpReason(VersionBump.Minor, $"optional output field {path}.{name} added (§5: MINOR)"));
        }

        foreach (var name in newRequired.Where(n => !oldRequired.Contains(n) && !AddedHere(n)))
        {
            reasons.Add(new BumpReason(VersionBump.Major, $"output field {path}.{name} became required (§5: MAJOR)"));
        }

        foreach (var name in oldRequired.Where(n => !newRequired.Contains(n) && !RemovedHere(n)))
        {
            reasons.Add(new BumpReason(VersionBump.Major,
                $"output field {path}.{name} no longer required, so it may be missing (§5: MAJOR, as removed)"));
        }

        bool AddedHere(string name) => newProperties.ContainsKey(name) && !oldProperties.ContainsKey(name);

        bool RemovedHere(string name) => oldProperties.ContainsKey(name) && !newProperties.ContainsKey(name);

        if (a.TryGetProperty("items", out var oldItems) && b.TryGetProperty("items", out var newItems))
        {
            Walk(path + "[]", oldItems, newItems, reasons);
        }
        else if (!SameProperty(a, b, "items"))
        {
            reasons.Add(new BumpReason(VersionBump.Major, $"output field {path} items changed (§5: MAJOR)"));
        }

        var keywords = a.EnumerateObject().Select(p => p.Name).Union(b.EnumerateObject().Select(p => p.Name))
            .Where(k => !Walked.Contains(k)).Order(StringComparer.Ordinal);
        foreach (var keyword in keywords.Where(k => !SameProperty(a, b, k)))
        {
            reasons.Add(Wording.Contains(keyword)
                ? new BumpReason(VersionBump.Patch, $"output field {path} {keyword} reworded (PATCH)")
                : new BumpReason(VersionBump.Major,
                    $"output field {path} {keyword} changed: the values it may take change (§5: MAJOR, as a type)"));
        }
    }

    private static bool SameProperty(JsonElement a, JsonElement b, string name)
    {
        var inA = a.TryGetProperty(name, out var x);
        var inB = b.TryGetProperty(name, out var y);
        return inA == inB && (!inA || Same(x, y));
    }

    /// <summary>Equal JSON, objects read with the last of repeated names.</summary>
    private static bool Same(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var x = LastWins(a);
                var y = LastWins(b);
                return x.Count == y.Count && x.All(p => y.TryGetValue(p.Key, out var value) && Same(p.Value, value));
            case JsonValueKind.Array:
                return a.GetArrayLength() == b.GetArrayLength()
                    && a.EnumerateArray().Zip(b.EnumerateArray()).All(p => Same(p.First, p.Second));
            default:
                return JsonElement.DeepEquals(a, b);
        }
    }

    /// <summary>An object's members by name, the last of repeated names winning.</summary>
    private static Dictionary<string, JsonElement> LastWins(JsonElement element)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            members[property.Name] = property.Value;
        }

        return members;
    }

    private static string Raw(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetRawText() : "(none)";

    private static HashSet<string> Names(JsonElement element, string name) =>
        element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.ToString()).ToHashSet(StringComparer.Ordinal)
            : [];

    private static Dictionary<string, JsonElement> Properties(JsonElement element) =>
        element.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            ? LastWins(properties)
            : new Dictionary<string, JsonElement>(StringComparer.Ordinal);
}
