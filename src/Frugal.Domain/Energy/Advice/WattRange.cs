namespace Frugal.Domain.Energy.Advice;

/// <summary>A power draw known only within bounds, in watts.</summary>
/// <param name="MinWatts">Low end.</param>
/// <param name="MaxWatts">High end, at least the low end.</param>
public sealed record WattRange(double MinWatts, double MaxWatts)
{
    /// <summary>Checks the bounds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not positive or the range is inverted.</exception>
    public static WattRange Of(double minWatts, double maxWatts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minWatts);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWatts, minWatts);
        return new WattRange(minWatts, maxWatts);
    }
}
