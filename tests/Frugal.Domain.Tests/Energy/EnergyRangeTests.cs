using Frugal.Domain.Energy;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Energy;

public sealed class EnergyRangeTests
{
    [Fact]
    public void Constructor_MinAboveMax_Throws()
    {
        Should.Throw<ArgumentException>(() => new EnergyRange(2, 1));
    }

    [Theory]
    [InlineData(-0.1, 1)]
    [InlineData(double.NaN, 1)]
    [InlineData(0, double.PositiveInfinity)]
    public void Constructor_NegativeOrNotFinite_Throws(double min, double max)
    {
        Should.Throw<ArgumentException>(() => new EnergyRange(min, max));
    }

    [Fact]
    public void Add_TwoRanges_SumsMinWithMinAndMaxWithMax()
    {
        var sum = new EnergyRange(1, 2) + new EnergyRange(10, 30);

        sum.ShouldBe(new EnergyRange(11, 32));
    }

    [Fact]
    public void Scale_ByTwo_DoublesBothEnds()
    {
        var scaled = new EnergyRange(1.5, 2).Scale(2);

        scaled.ShouldBe(new EnergyRange(3, 4));
        Should.Throw<ArgumentOutOfRangeException>(() => scaled.Scale(-1));
    }

    [Fact]
    public void ToCarbon_OneKWhAt473_Is473Grams()
    {
        var carbon = new EnergyRange(1000, 2000).ToCarbon(473);

        carbon.ShouldBe(new CarbonRange(473, 946));
    }

    [Fact]
    public void Zero_IsDefault()
    {
        EnergyRange.Zero.ShouldBe(new EnergyRange(0, 0));
        CarbonRange.Zero.ShouldBe(new CarbonRange(0, 0));
    }

    [Fact]
    public void CarbonRange_MinAboveMax_Throws()
    {
        Should.Throw<ArgumentException>(() => new CarbonRange(0.5, 0.4));
    }

    [Property(Arbitrary = new[] { typeof(EnergyRangeArbitrary) }, MaxTest = 500)]
    public bool Range_AnyGenerated_MinAtMostMax(EnergyRange range) => range.MinWh <= range.MaxWh;

    [Property(Arbitrary = new[] { typeof(EnergyRangeArbitrary) }, MaxTest = 500)]
    public Property Sum_AnyList_MinAtMostMaxAndEndsAreSums(EnergyRange[] ranges)
    {
        var sum = ranges.Aggregate(EnergyRange.Zero, (total, next) => total + next);

        var minOfSums = ranges.Aggregate(0.0, (total, next) => total + next.MinWh);
        var maxOfSums = ranges.Aggregate(0.0, (total, next) => total + next.MaxWh);
        return (sum.MinWh <= sum.MaxWh && sum.MinWh == minOfSums && sum.MaxWh == maxOfSums).ToProperty();
    }

    [Property(Arbitrary = new[] { typeof(EnergyRangeArbitrary) }, MaxTest = 500)]
    public bool Carbon_AnyRangeAndGrid_MinAtMostMax(EnergyRange range, NonNegativeInt grid)
    {
        var carbon = range.ToCarbon(grid.Get % 1000);

        return carbon.MinGCO2e <= carbon.MaxGCO2e;
    }
}
