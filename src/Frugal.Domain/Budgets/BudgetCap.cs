namespace Frugal.Domain.Budgets;

/// <summary>
/// A budget: what one scope may spend per period, in US dollars, tokens and watt-hours; each limit is optional, and
/// every limit given must hold.
/// </summary>
/// <param name="Scope">The project or key it caps.</param>
/// <param name="Period">When it resets.</param>
/// <param name="Zone">The time zone its days begin in.</param>
/// <param name="Usd">The most it may cost, or null for no cost limit.</param>
/// <param name="Tokens">The most tokens (prompt and output) it may use, or null.</param>
/// <param name="Wh">The most energy it may use, in Wh (the high end of each estimate), or null.</param>
public sealed record BudgetCap(
    BudgetScope Scope, BudgetPeriod Period, TimeZoneInfo Zone, decimal? Usd, long? Tokens, double? Wh)
{
    /// <summary>The period that holds <paramref name="instant"/>: its start (inclusive) and end (exclusive).</summary>
    public (DateTimeOffset Start, DateTimeOffset End) WindowOf(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone).DateTime.Date;
        var start = Period switch
        {
            BudgetPeriod.Day => local,
            BudgetPeriod.Week => local.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
            _ => new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified),
        };
        var end = Period switch
        {
            BudgetPeriod.Day => start.AddDays(1),
            BudgetPeriod.Week => start.AddDays(7),
            _ => start.AddMonths(1),
        };
        return (At(start), At(end));
    }

    /// <summary>
    /// The instant a zone's wall-clock midnight falls on; a midnight skipped by a clock change starts at the first
    /// wall-clock time that exists after it.
    /// </summary>
    private DateTimeOffset At(DateTime wallClock)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(15);
        }

        var offset = Zone.IsAmbiguousTime(unspecified)
            ? Zone.GetAmbiguousTimeOffsets(unspecified).Max()
            : Zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset);
    }
}
