using Frugal.Domain.Energy;
using FsCheck;
using FsCheck.Fluent;

namespace Frugal.Domain.Tests.Energy;

/// <summary>Ranges with both ends between 0 and 10^6 Wh, built from two arbitrary non-negative doubles.</summary>
internal static class EnergyRangeArbitrary
{
    public static Arbitrary<EnergyRange> Ranges() => Generate().ToArbitrary();

    private static Gen<EnergyRange> Generate()
    {
        var end = Gen.Choose(0, 1_000_000).SelectMany(
            whole => Gen.Choose(0, 999),
            (whole, thousandths) => whole + (thousandths / 1000.0));
        return end.SelectMany(_ => end, (a, b) => new EnergyRange(Math.Min(a, b), Math.Max(a, b)));
    }
}
