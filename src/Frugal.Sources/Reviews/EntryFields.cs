using System.Text;
using System.Text.Json;
using Frugal.Sources.Jsonl;

namespace Frugal.Sources.Reviews;

/// <summary>
/// Reads the fields of one export entry (or an object nested in it), noting every field that is there but unusable
/// so that the entry can be reported with all its problems at once. Absent and null optional fields are not problems.
/// </summary>
internal sealed class EntryFields
{
    private readonly JsonElement _element;
    private readonly string _prefix;

    /// <summary>Reads the fields of a top-level entry.</summary>
    public EntryFields(JsonElement element) : this(element, string.Empty, [])
    {
    }

    private EntryFields(JsonElement element, string prefix, List<string> problems)
    {
        _element = element;
        _prefix = prefix;
        Problems = problems;
    }

    /// <summary>Every problem found so far, in this object and those nested in it.</summary>
    public List<string> Problems { get; }

    /// <summary>Whether the object has <paramref name="name"/>, whatever its value.</summary>
    public bool Has(string name) =>
        _element.ValueKind == JsonValueKind.Object && _element.TryGetProperty(name, out _);

    /// <summary>
    /// The fields of <paramref name="element"/>, nested under <paramref name="path"/>; when it is not an object, a
    /// problem that says <paramref name="expected"/>.
    /// </summary>
    public EntryFields Nested(JsonElement element, string path, string expected = "an object")
    {
        var nested = new EntryFields(element, $"{_prefix}{path}.", Problems);
        if (element.ValueKind != JsonValueKind.Object)
        {
            Problems.Add($"\"{_prefix}{path}\" is {KindOf(element)}; expected {expected}");
        }

        return nested;
    }

    /// <summary>The object under <paramref name="name"/>; null when absent or null.</summary>
    public EntryFields? Object(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return new EntryFields(value, $"{_prefix}{name}.", Problems);
        }

        Wrong(name, value, "an object");
        return null;
    }

    /// <summary>The elements of the array under <paramref name="name"/>; empty when absent or null.</summary>
    public IReadOnlyList<JsonElement> Array(string name)
    {
        if (Get(name) is not { } value)
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            return [.. value.EnumerateArray()];
        }

        Wrong(name, value, "an array");
        return [];
    }

    /// <summary>The string under <paramref name="name"/>; null when absent or null.</summary>
    public string? String(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Wrong(name, value, "a string");
        return null;
    }

    /// <summary>
    /// The object under <paramref name="name"/>, which must be there unless this is not an object (a problem noted
    /// already).
    /// </summary>
    public EntryFields? RequiredObject(string name)
    {
        if (_element.ValueKind == JsonValueKind.Object && Get(name) is null)
        {
            Problems.Add($"no \"{_prefix}{name}\"");
            return null;
        }

        return Object(name);
    }

    /// <summary>
    /// The string under <paramref name="name"/>, which must be there unless this is not an object (a problem noted
    /// already).
    /// </summary>
    public string? RequiredString(string name)
    {
        if (_element.ValueKind == JsonValueKind.Object && Get(name) is null)
        {
            Problems.Add($"no \"{_prefix}{name}\"");
            return null;
        }

        return String(name);
    }

    /// <summary>The true or false under <paramref name="name"/>; null when absent or null.</summary>
    public bool? Bool(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Wrong(name, value, "true or false");
        return null;
    }

    /// <summary>
    /// The whole number above zero under <paramref name="name"/>, which must be there; <paramref name="fix"/> says
    /// how to get it when it is not.
    /// </summary>
    public int? RequiredNumber(string name, string fix)
    {
        if (Get(name) is not { } value)
        {
            Problems.Add($"no \"{_prefix}{name}\": {fix}");
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number > 0)
        {
            return number;
        }

        Wrong(name, value, "a whole number above zero");
        return null;
    }

    /// <summary>The instant under <paramref name="name"/>; null when absent or null.</summary>
    public DateTimeOffset? Instant(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && ParseInstant(value.GetString()!) is { } instant)
        {
            return instant;
        }

        Wrong(name, value, "an ISO 8601 instant with Z or an offset, such as 2026-03-02T09:00:00Z");
        return null;
    }

    /// <summary>
    /// The instant under <paramref name="name"/>, which must be there; <paramref name="fix"/> says how to get it.
    /// </summary>
    public DateTimeOffset? RequiredInstant(string name, string fix)
    {
        if (Get(name) is null)
        {
            Problems.Add($"no \"{_prefix}{name}\": {fix}");
            return null;
        }

        return Instant(name);
    }

    /// <summary>
    /// Notes that the string <paramref name="value"/> read from <paramref name="name"/> is missing or not one of
    /// <paramref name="expected"/>; null, for the caller's switch.
    /// </summary>
    public T? NotOneOf<T>(string name, string? value, string expected)
        where T : struct
    {
        Problems.Add(value is null
            ? $"no \"{_prefix}{name}\"; expected one of {expected}"
            : $"\"{_prefix}{name}\" is \"{Shorten(value)}\"; expected one of {expected}");
        return null;
    }

    /// <summary>The value under <paramref name="name"/>; null when absent or null, or when this is no object.</summary>
    private JsonElement? Get(string name)
    {
        if (_element.ValueKind != JsonValueKind.Object || !_element.TryGetProperty(name, out var value)
            || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value;
    }

    private void Wrong(string name, JsonElement value, string expected)
    {
        var shown = value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? $" {Shorten(value.GetRawText())}" : string.Empty;
        Problems.Add($"\"{_prefix}{name}\" is {KindOf(value)}{shown}; expected {expected}");
    }

    private static DateTimeOffset? ParseInstant(string text)
    {
        // The longest instant written in full, 2026-03-02T09:00:00.1234567+01:00, has 33 characters.
        if (text.Length > 40)
        {
            return null;
        }

        Span<byte> utf8 = stackalloc byte[128];
        var length = Encoding.UTF8.GetBytes(text, utf8);
        return Iso8601.TryParse(utf8[..length], out var instant) ? instant : null;
    }

    private static string Shorten(string raw) => raw.Length <= 40 ? raw : $"{raw[..37]}...";

    /// <summary>
    /// Null for an empty or blank string: gh writes one for a value GitHub leaves out (no review decision, the login
    /// of a deleted account).
    /// </summary>
    internal static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>A JSON value's kind in words, with its article.</summary>
    internal static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };
}
