using Shouldly;

namespace Frugal.Domain.Tests.Scoring;

/// <summary>Compares doubles with a tolerance relative to their size, the only meaningful one for scores.</summary>
internal static class Relative
{
    public static void ShouldBeCloseTo(this double actual, double expected, double tolerance)
    {
        var scale = Math.Max(Math.Abs(actual), Math.Abs(expected));
        Math.Abs(actual - expected).ShouldBeLessThanOrEqualTo(
            tolerance * scale, $"{actual:R} is not within {tolerance} of {expected:R}, relatively");
    }
}
