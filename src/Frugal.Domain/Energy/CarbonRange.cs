namespace Frugal.Domain.Energy;

/// <summary>
/// A carbon estimate in grams of CO2-equivalent as a range. Ranges add minimum to minimum and maximum to maximum; they
/// are never averaged into one figure.
/// </summary>
public readonly record struct CarbonRange
{
    /// <summary>
    /// Creates a range; both ends must be finite, at or above zero, and <paramref name="minGCO2e"/> at most
    /// <paramref name="maxGCO2e"/>.
    /// </summary>
    public CarbonRange(double minGCO2e, double maxGCO2e)
    {
        RangeGuard.MinMax(minGCO2e, maxGCO2e, "gCO2e");
        MinGCO2e = minGCO2e;
        MaxGCO2e = maxGCO2e;
    }

    /// <summary>No carbon.</summary>
    public static CarbonRange Zero => default;

    /// <summary>The low end, in gCO2e (inclusive).</summary>
    public double MinGCO2e { get; }

    /// <summary>The high end, in gCO2e (inclusive).</summary>
    public double MaxGCO2e { get; }

    /// <summary>A range of one value: <paramref name="gCO2e"/> at both ends.</summary>
    public static CarbonRange Exactly(double gCO2e) => new(gCO2e, gCO2e);

    /// <summary>Sums minimum with minimum and maximum with maximum.</summary>
    public static CarbonRange operator +(CarbonRange left, CarbonRange right) =>
        new(left.MinGCO2e + right.MinGCO2e, left.MaxGCO2e + right.MaxGCO2e);

    /// <summary>Sums minimum with minimum and maximum with maximum (the named form of <c>+</c>).</summary>
    public static CarbonRange Add(CarbonRange left, CarbonRange right) => left + right;

    /// <summary>Both ends multiplied by <paramref name="factor"/> (finite, at or above zero).</summary>
    public CarbonRange Scale(double factor)
    {
        RangeGuard.NonNegative(factor, nameof(factor));
        return new CarbonRange(MinGCO2e * factor, MaxGCO2e * factor);
    }
}
