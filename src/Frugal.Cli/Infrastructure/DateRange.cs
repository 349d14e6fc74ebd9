using System.Globalization;

namespace Frugal.Cli.Infrastructure;

/// <summary>Inclusive local dates from <c>--since</c> and <c>--until</c>, turned into UTC instants in a zone.</summary>
internal sealed record DateRange(DateOnly? Since, DateOnly? Until)
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyyMMdd"];

    public static DateRange Parse(string? since, string? until)
    {
        var from = ParseDate("--since", since);
        var to = ParseDate("--until", until);
        if (from is { } f && to is { } t && f > t)
        {
            throw CliError.EmptyRange(f, t);
        }

        return new DateRange(from, to);
    }

    /// <summary>The first instant of <see cref="Since"/> in the zone (inclusive).</summary>
    public DateTimeOffset From(TimeZoneInfo zone) =>
        Since is { } date ? StartOfDay(date, zone) : DateTimeOffset.MinValue;

    /// <summary>The first instant after <see cref="Until"/> in the zone (exclusive).</summary>
    public DateTimeOffset To(TimeZoneInfo zone) =>
        Until is { } date && date < DateOnly.MaxValue ? StartOfDay(date.AddDays(1), zone) : DateTimeOffset.MaxValue;

    /// <summary>The instant a local date begins; dates at the ends of the calendar clamp to its ends.</summary>
    private static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        try
        {
            return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
        }
        catch (ArgumentException)
        {
            // The zone's offset carries the instant past year 1 or year 9999.
            return date.Year < 5000 ? DateTimeOffset.MinValue : DateTimeOffset.MaxValue;
        }
    }

    /// <summary>Parses a date option (YYYY-MM-DD or YYYYMMDD), naming the option when it is wrong.</summary>
    public static DateOnly? ParseDate(string option, string? value)
    {
        if (value is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw CliError.BadDate(option, value);
    }
}
