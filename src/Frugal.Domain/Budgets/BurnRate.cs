namespace Frugal.Domain.Budgets;

/// <summary>When a budget runs out if the rest of its period goes as the part already past.</summary>
public static class BurnRate
{
    /// <summary>
    /// The instant <paramref name="used"/> reaches <paramref name="limit"/> at the average rate from
    /// <paramref name="start"/> to <paramref name="now"/>; <paramref name="now"/> when it is already reached; null
    /// when nothing is used yet or it lasts until <paramref name="end"/>.
    /// </summary>
    public static DateTimeOffset? Forecast(
        DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, double used, double limit)
    {
        if (used >= limit)
        {
            return now;
        }

        var elapsed = (now - start).TotalSeconds;
        if (used <= 0 || elapsed <= 0)
        {
            return null;
        }

        var seconds = limit / (used / elapsed);
        var at = start.AddSeconds(Math.Min(seconds, (end - start).TotalSeconds + 1));
        return at < end ? at : null;
    }
}
