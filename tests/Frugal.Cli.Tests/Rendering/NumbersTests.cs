using Frugal.Cli.Rendering;
using Shouldly;

namespace Frugal.Cli.Tests.Rendering;

public sealed class NumbersTests
{
    [Theory]
    [InlineData(12.2, 19.4, "12\u201319")]
    [InlineData(1_234.4, 2_345.6, "1,234\u20132,346")]
    [InlineData(0.80145, 1.28248, "0.8\u20131.3")]
    [InlineData(0.30739, 0.49190, "0.31\u20130.49")]
    [InlineData(0.038048, 0.044881, "0.038\u20130.045")]
    [InlineData(0.0001, 0.0002, "<0.001")]
    [InlineData(0, 0, "0")]
    [InlineData(3.01, 3.04, "3.0")]
    public void Range_ShowsBothEndsToOnePrecision(double min, double max, string expected) =>
        Numbers.Range(min, max).ShouldBe(expected);
}
