namespace Frugal.Domain.Energy;

/// <summary>
/// A parameter count in billions as a range: exact for released open-weight models (min = max), an estimate range
/// for closed models whose size is not published.
/// </summary>
public readonly record struct ParameterRange
{
    /// <summary>Creates a range; both ends finite, above zero, min at most max.</summary>
    public ParameterRange(double minBillions, double maxBillions)
    {
        RangeGuard.MinMax(minBillions, maxBillions, "B params");
        if (minBillions <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(minBillions), minBillions, "A model has more than zero parameters; give a count in billions.");
        }

        MinBillions = minBillions;
        MaxBillions = maxBillions;
    }

    /// <summary>The low end, in billions of parameters.</summary>
    public double MinBillions { get; }

    /// <summary>The high end, in billions of parameters.</summary>
    public double MaxBillions { get; }

    /// <summary>A released count: <paramref name="billions"/> at both ends.</summary>
    public static ParameterRange Exactly(double billions) => new(billions, billions);
}
