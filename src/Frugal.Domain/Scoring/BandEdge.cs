namespace Frugal.Domain.Scoring;

/// <summary>
/// Compares a score with a band edge, treating a value within <see cref="RelativeTolerance"/> of the edge as exactly
/// on it. The same mathematical score can come out a few units in the last place either side of an edge depending on
/// how its inputs were rounded: 91 features, 0.7 review hours and 1,300 tokens is exactly 0.1, but the doubles give
/// 0.10000000000000002. Without the tolerance such a value would change grade when every input is multiplied by k.
/// The tolerance is about a million times that rounding error and far below any difference a measurement can show.
/// </summary>
internal static class BandEdge
{
    /// <summary>How close to an edge, relative to the edge, a value counts as exactly on it.</summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>Whether <paramref name="value"/> is above <paramref name="edge"/>; on the edge is not above.</summary>
    public static bool IsAbove(double value, double edge) => value > edge * (1 + RelativeTolerance);

    /// <summary>Whether <paramref name="value"/> is on <paramref name="edge"/> or above it.</summary>
    public static bool IsAtOrAbove(double value, double edge) => value >= edge * (1 - RelativeTolerance);
}
