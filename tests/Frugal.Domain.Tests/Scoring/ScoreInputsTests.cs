using Frugal.Domain.Scoring;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Scoring;

public sealed class ScoreInputsTests
{
    [Theory]
    [InlineData(-1L, 0L, 1.0, 1L, null, "features")]
    [InlineData(0L, -1L, 1.0, 1L, null, "bugs")]
    [InlineData(0L, 0L, -1.0, 1L, null, "reviewHours")]
    [InlineData(0L, 0L, double.NaN, 1L, null, "reviewHours")]
    [InlineData(0L, 0L, double.PositiveInfinity, 1L, null, "reviewHours")]
    [InlineData(0L, 0L, 0.0001, 1L, null, "reviewHours")] // under one second (1/3600 ≈ 0.000278 h)
    [InlineData(0L, 0L, 2e9, 1L, null, "reviewHours")]
    [InlineData(0L, 0L, 1.0, -1L, null, "tokens")]
    [InlineData(0L, 0L, 1.0, 1L, -0.5, "energyKWh")]
    [InlineData(0L, 0L, 1.0, 1L, double.NaN, "energyKWh")]
    [InlineData(0L, 0L, 1.0, 1L, double.NegativeInfinity, "energyKWh")]
    [InlineData(0L, 0L, 1.0, 1L, 1e-12, "energyKWh")] // under one microwatt-hour (1e-9 kWh)
    [InlineData(0L, 0L, 1.0, 1L, 2e12, "energyKWh")]
    public void Constructor_OneInputOutOfRange_ThrowsNamingIt(
        long features, long bugs, double? reviewHours, long tokens, double? energyKWh, string input)
    {
        var create = () => new ScoreInputs(features, bugs, reviewHours, tokens, energyKWh);

        var thrown = Should.Throw<ArgumentOutOfRangeException>(create);
        thrown.ParamName.ShouldBe(input);
        thrown.Message.ShouldStartWith(input + " must be");
    }

    [Fact]
    public void Constructor_SeveralInputsOutOfRange_NamesEachOfThem()
    {
        var create = () => new ScoreInputs(-3, 0, double.NaN, 10, -1);

        var thrown = Should.Throw<ArgumentOutOfRangeException>(create);
        thrown.ParamName.ShouldBe("features");
        thrown.Message.ShouldContain("features must be 0 or more, was -3.");
        thrown.Message.ShouldContain("reviewHours must be null when unknown, 0, or from 1/3600");
        thrown.Message.ShouldContain("was NaN.");
        thrown.Message.ShouldContain("energyKWh must be null when not estimated, 0, or from 1e-9");
        thrown.Message.ShouldNotContain("bugs");
        thrown.Message.ShouldNotContain("tokens must");
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(0.0, 0.0)]
    [InlineData(ScoreInputs.MinPositiveReviewHours, ScoreInputs.MinPositiveEnergyKWh)]
    [InlineData(ScoreInputs.MaxReviewHours, ScoreInputs.MaxEnergyKWh)]
    public void Constructor_MeasuresAtTheirLimits_Accepted(double? reviewHours, double? energyKWh)
    {
        var inputs = new ScoreInputs(long.MaxValue, long.MaxValue, reviewHours, long.MaxValue, energyKWh);

        inputs.ReviewHours.ShouldBe(reviewHours);
        inputs.EnergyKWh.ShouldBe(energyKWh);
    }
}
