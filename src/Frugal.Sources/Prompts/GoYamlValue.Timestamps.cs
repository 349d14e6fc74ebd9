using System.Globalization;
using System.Text;

namespace Frugal.Sources.Prompts;

internal static partial class GoYamlValue
{
    /// <summary>
    /// yaml.v3's <c>parseTimestamp</c>: text starting with four digits and a dash, read by Go's <c>time.Parse</c>
    /// with the first of its layouts that fits (<c>2006-1-2T15:4:5.999999999Z07:00</c>, the same with a lower-case
    /// <c>t</c>, <c>2006-1-2 15:4:5.999999999</c>, <c>2006-1-2</c>), then printed as <c>time.Time.String()</c>
    /// does: <c>2006-01-02 15:04:05.999999999 -0700 MST</c>. Null when it is no timestamp (such as 2023-02-29).
    /// </summary>
    /// <remarks>
    /// Limitation: Go names a numeric offset's zone after the machine's local zone when the two agree. This prints
    /// what a machine set to UTC prints (GitHub's runners are): <c>+0000 UTC</c> for <c>+00:00</c>, and the offset
    /// twice, <c>-0500 -0500</c>, for any other.
    /// </remarks>
    private static GoValue? Timestamp(string text)
    {
        if (text.Length < 5 || !Digits(text, 0, 4) || text[4] != '-')
        {
            return null;
        }

        var time = ParseTime(text, 'T', zone: true) ?? ParseTime(text, 't', zone: true)
            ?? ParseTime(text, ' ', zone: false) ?? ParseTime(text, null, zone: false);
        return time is null ? null : new GoValue(GoValueKind.Timestamp, time);
    }

    /// <summary>
    /// One layout: the date, then (when <paramref name="separator"/> is given) the time with an optional fraction,
    /// then (with <paramref name="zone"/>) <c>Z</c> or <c>±hh:mm</c>; nothing may follow. The text printed, or null.
    /// </summary>
    private static string? ParseTime(string text, char? separator, bool zone)
    {
        var at = 4;
        var year = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
        if (!Literal(text, ref at, '-') || Number(text, ref at) is not { } month || month is < 1 or > 12
            || !Literal(text, ref at, '-') || Number(text, ref at) is not { } day)
        {
            return null;
        }

        var clock = (Hour: 0, Minute: 0, Second: 0, Nanoseconds: 0);
        int? offsetSeconds = null;
        if (separator is { } sep)
        {
            if (!Separator(text, ref at, sep) || Clock(text, ref at) is not { } read)
            {
                return null;
            }

            clock = read;
            if (zone && !Zone(text, ref at, out offsetSeconds))
            {
                return null;
            }
        }

        if (at != text.Length || day < 1 || day > DaysIn(month, year))
        {
            return null;
        }

        return Print(year, month, day, clock, offsetSeconds);
    }

    /// <summary><c>15:4:5</c> and an optional <c>.999999999</c>: hour, minute, second in range, nanoseconds.</summary>
    private static (int Hour, int Minute, int Second, int Nanoseconds)? Clock(string text, ref int at)
    {
        if (Number(text, ref at) is not { } hour || hour > 23 || !Literal(text, ref at, ':')
            || Number(text, ref at) is not { } minute || minute > 59 || !Literal(text, ref at, ':')
            || Number(text, ref at) is not { } second || second > 59)
        {
            return null;
        }

        var nanoseconds = 0;
        if (at + 1 < text.Length && text[at] is '.' or ',' && char.IsAsciiDigit(text[at + 1]))
        {
            // Any number of digits is read; the first nine count.
            var start = ++at;
            while (at < text.Length && char.IsAsciiDigit(text[at]))
            {
                at++;
            }

            var digits = text.AsSpan(start, Math.Min(at - start, 9)).ToString().PadRight(9, '0');
            nanoseconds = int.Parse(digits, CultureInfo.InvariantCulture);
        }

        return (hour, minute, second, nanoseconds);
    }

    /// <summary><c>Z07:00</c>: <c>Z</c> (UTC, no offset) or a sign, two digits, a colon, two digits.</summary>
    private static bool Zone(string text, ref int at, out int? offsetSeconds)
    {
        offsetSeconds = null;
        if (at < text.Length && text[at] == 'Z')
        {
            at++;
            return true;
        }

        if (text.Length - at < 6 || text[at + 3] != ':' || text[at] is not ('+' or '-')
            || !Digits(text, at + 1, 2) || !Digits(text, at + 4, 2))
        {
            return false;
        }

        var hours = int.Parse(text.AsSpan(at + 1, 2), CultureInfo.InvariantCulture);
        var minutes = int.Parse(text.AsSpan(at + 4, 2), CultureInfo.InvariantCulture);
        if (hours > 24 || minutes > 60)
        {
            return false;
        }

        offsetSeconds = (text[at] == '-' ? -1 : 1) * ((hours * 60) + minutes) * 60;
        at += 6;
        return true;
    }

    /// <summary>Go's <c>getnum</c>: one or two digits.</summary>
    private static int? Number(string text, ref int at)
    {
        if (at >= text.Length || !char.IsAsciiDigit(text[at]))
        {
            return null;
        }

        var value = text[at++] - '0';
        if (at < text.Length && char.IsAsciiDigit(text[at]))
        {
            value = (value * 10) + (text[at++] - '0');
        }

        return value;
    }

    private static bool Digits(string text, int start, int length) =>
        !text.AsSpan(start, length).ContainsAnyExceptInRange('0', '9');

    private static bool Literal(string text, ref int at, char expected)
    {
        if (at >= text.Length || text[at] != expected)
        {
            return false;
        }

        at++;
        return true;
    }

    /// <summary>The date–time separator; a space in a Go layout matches one or more spaces.</summary>
    private static bool Separator(string text, ref int at, char separator)
    {
        if (!Literal(text, ref at, separator))
        {
            return false;
        }

        while (separator == ' ' && at < text.Length && text[at] == ' ')
        {
            at++;
        }

        return true;
    }

    private static int DaysIn(int month, int year) => month switch
    {
        2 => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    /// <summary><c>time.Time.String()</c> of a wall-clock time in UTC or at a fixed offset.</summary>
    private static string Print(
        int year, int month, int day, (int Hour, int Minute, int Second, int Nanoseconds) clock, int? offsetSeconds)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{year:0000}-{month:00}-{day:00} {clock.Hour:00}:{clock.Minute:00}:{clock.Second:00}");
        if (clock.Nanoseconds > 0)
        {
            text.Append('.').Append(clock.Nanoseconds.ToString("000000000", CultureInfo.InvariantCulture).TrimEnd('0'));
        }

        var offset = offsetSeconds ?? 0;
        var minutes = Math.Abs(offset) / 60;
        var numeric = string.Create(CultureInfo.InvariantCulture,
            $"{(offset < 0 ? '-' : '+')}{minutes / 60:00}{minutes % 60:00}");
        return text.Append(' ').Append(numeric).Append(' ').Append(offset == 0 ? "UTC" : numeric).ToString();
    }
}
