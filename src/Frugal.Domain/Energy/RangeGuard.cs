namespace Frugal.Domain.Energy;

/// <summary>The checks every min–max range and every physical input of the energy models share.</summary>
internal static class RangeGuard
{
    /// <summary>Throws unless both ends are finite and 0 &lt;= min &lt;= max.</summary>
    public static void MinMax(double min, double max, string unit)
    {
        NonNegative(min, "min" + unit);
        NonNegative(max, "max" + unit);
        if (min > max)
        {
            throw new ArgumentException(
                $"The range's minimum ({min} {unit}) is above its maximum ({max} {unit}); give min <= max.");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is a finite number at or above zero.</summary>
    public static void NonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number at or above zero.");
        }
    }
}
