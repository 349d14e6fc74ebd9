namespace Frugal.Sources.Jsonl;

/// <summary>
/// Reads the ISO-8601 instants logs write (<c>2026-05-01T10:00:03.100Z</c>, or with a numeric offset) straight from
/// UTF-8, without a string; anything else is left to the general parser.
/// </summary>
internal static class Iso8601
{
    /// <summary>Parses <c>yyyy-MM-ddTHH:mm:ss[.fraction](Z|±hh:mm)</c> as a UTC instant.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset instant)
    {
        instant = default;
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ')
            || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (!Digits(text[..4], out var year) || !Digits(text[5..7], out var month) || !Digits(text[8..10], out var day)
            || !Digits(text[11..13], out var hour) || !Digits(text[14..16], out var minute)
            || !Digits(text[17..19], out var second))
        {
            return false;
        }

        var rest = text[19..];
        var ticks = Fraction(ref rest);
        if (ticks < 0 || !Offset(rest, out var offset))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23
            || minute > 59 || second > 59)
        {
            return false;
        }

        try
        {
            var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
            instant = new DateTimeOffset(local, offset).ToUniversalTime();
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // An offset that pushes the instant before year 1 or after year 9999.
            return false;
        }
    }

    /// <summary>Reads <c>.fraction</c> as ticks (digits past the seventh are dropped); -1 when malformed.</summary>
    private static long Fraction(ref ReadOnlySpan<byte> rest)
    {
        if (rest.IsEmpty || rest[0] != '.')
        {
            return 0;
        }

        var digits = 1;
        while (digits < rest.Length && rest[digits] is >= (byte)'0' and <= (byte)'9')
        {
            digits++;
        }

        if (digits == 1)
        {
            return -1;
        }

        long ticks = 0;
        for (var i = 1; i <= 7; i++)
        {
            ticks = ticks * 10 + (i < digits ? rest[i] - '0' : 0);
        }

        rest = rest[digits..];
        return ticks;
    }

    private static bool Offset(ReadOnlySpan<byte> rest, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (rest.Length == 1 && (rest[0] == 'Z' || rest[0] == 'z'))
        {
            return true;
        }

        if (rest.Length != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':'
            || !Digits(rest[1..3], out var hours) || !Digits(rest[4..6], out var minutes) || hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (rest[0] == '-')
        {
            offset = -offset;
        }

        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = value * 10 + (c - '0');
        }

        return true;
    }
}
