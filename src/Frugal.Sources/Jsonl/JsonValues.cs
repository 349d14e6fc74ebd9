using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json;

namespace Frugal.Sources.Jsonl;

/// <summary>
/// Small readers of JSON values that tolerate the shapes real logs contain (nulls, integral decimals).
/// </summary>
internal static partial class JsonValues
{
    /// <summary>The outcome of reading a token figure.</summary>
    internal enum Count
    {
        /// <summary>A whole, non-negative number.</summary>
        Valid,

        /// <summary>JSON null: the figure is not reported.</summary>
        Null,

        /// <summary>Negative, fractional, or not a number.</summary>
        Invalid,
    }

    /// <summary>Reads the current value as a token count: a whole number from zero up.</summary>
    public static Count ReadCount(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return Count.Null;
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            reader.Skip();
            return Count.Invalid;
        }

        if (reader.TryGetInt64(out value))
        {
            return value is >= 0 and <= PlausibleMaximum ? Count.Valid : Count.Invalid;
        }

        if (reader.TryGetDecimal(out var number) && number >= 0 && number == decimal.Truncate(number)
            && number <= PlausibleMaximum)
        {
            value = (long)number;
            return Count.Valid;
        }

        return Count.Invalid;
    }

    /// <summary>Reads the current value as a string, or null for JSON null and for any other kind of value.</summary>
    public static string? ReadString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    /// <summary>
    /// Reads the current value as a string through <paramref name="cache"/>, or null like
    /// <see cref="ReadString(ref Utf8JsonReader)"/>.
    /// </summary>
    public static string? ReadString(ref Utf8JsonReader reader, Utf8StringCache cache)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return cache.Get(reader.ValueSpan);
        }

        return ReadString(ref reader);
    }

    /// <summary>Reads the current value as a boolean; anything else is false.</summary>
    public static bool ReadBool(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
        {
            return reader.GetBoolean();
        }

        reader.Skip();
        return false;
    }

    /// <summary>Reads the current value as a decimal, or null when it is not a number.</summary>
    public static decimal? ReadDecimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value))
        {
            return value;
        }

        reader.Skip();
        return null;
    }

    /// <summary>Parses an ISO-8601 timestamp, with <c>Z</c> or a numeric offset, as a UTC instant.</summary>
    public static bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        instant = default;
        if (!IsoDateStart().IsMatch(text))
        {
            return false;
        }

        try
        {
            var ok = DateTimeOffset.TryParse(
                text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
            instant = ok ? instant.ToUniversalTime() : default;
            return ok;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>The date every ISO-8601 instant starts with; without it .NET would guess (or take today).</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")]
    private static partial Regex IsoDateStart();

    /// <summary>
    /// How deep a line may nest. Tool inputs and results can nest deeply; System.Text.Json's default of 64 would
    /// count such a line as malformed and lose its usage.
    /// </summary>
    public static readonly JsonReaderOptions Options = new() { MaxDepth = 1024 };

    /// <summary>More tokens than any real call has used; a larger figure is a corrupt line.</summary>
    public const long PlausibleMaximum = 1_000_000_000_000;

    /// <summary>Whether a line holds nothing but white space.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r\n"u8).IsEmpty;

    /// <summary>
    /// A cheap shape check for lines that are not parsed in full: an object that opens and closes. It catches lines
    /// cut short, which is how real logs break.
    /// </summary>
    public static bool LooksLikeWholeObject(ReadOnlySpan<byte> line)
    {
        var trimmed = line.Trim(" \t\r\n"u8);
        return trimmed.Length >= 2 && trimmed[0] == (byte)'{' && trimmed[^1] == (byte)'}';
    }
}
