namespace Frugal.Domain.Energy;

/// <summary>
/// An energy estimate in watt-hours as a range, because the inputs (closed-model sizes, device power) are known only
/// as ranges. Ranges add minimum to minimum and maximum to maximum; they are never averaged into one figure.
/// </summary>
public readonly record struct EnergyRange
{
    /// <summary>
    /// Creates a range; both ends must be finite, at or above zero, and <paramref name="minWh"/> at most
    /// <paramref name="maxWh"/>.
    /// </summary>
    public EnergyRange(double minWh, double maxWh)
    {
        RangeGuard.MinMax(minWh, maxWh, "Wh");
        MinWh = minWh;
        MaxWh = maxWh;
    }

    /// <summary>No energy.</summary>
    public static EnergyRange Zero => default;

    /// <summary>The low end, in Wh (inclusive).</summary>
    public double MinWh { get; }

    /// <summary>The high end, in Wh (inclusive).</summary>
    public double MaxWh { get; }

    /// <summary>A range of one value: <paramref name="wh"/> at both ends.</summary>
    public static EnergyRange Exactly(double wh) => new(wh, wh);

    /// <summary>Sums minimum with minimum and maximum with maximum.</summary>
    public static EnergyRange operator +(EnergyRange left, EnergyRange right) =>
        new(left.MinWh + right.MinWh, left.MaxWh + right.MaxWh);

    /// <summary>Sums minimum with minimum and maximum with maximum (the named form of <c>+</c>).</summary>
    public static EnergyRange Add(EnergyRange left, EnergyRange right) => left + right;

    /// <summary>Both ends multiplied by <paramref name="factor"/> (finite, at or above zero).</summary>
    public EnergyRange Scale(double factor)
    {
        RangeGuard.NonNegative(factor, nameof(factor));
        return new EnergyRange(MinWh * factor, MaxWh * factor);
    }

    /// <summary>The carbon of this energy at a grid intensity in gCO2e per kWh: g = Wh × g/kWh / 1,000.</summary>
    public CarbonRange ToCarbon(double gridGCO2PerKWh)
    {
        RangeGuard.NonNegative(gridGCO2PerKWh, nameof(gridGCO2PerKWh));
        return new CarbonRange(MinWh * gridGCO2PerKWh / 1000, MaxWh * gridGCO2PerKWh / 1000);
    }
}
