using Frugal.Domain.Energy;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Energy;

public sealed class GridIntensityTests
{
    [Fact]
    public void Resolve_NoZone_WorldAverage473()
    {
        var zone = GridIntensity.Resolve(null);

        zone.Code.ShouldBe("WOR");
        zone.GCO2PerKWh.ShouldBe(473.0);
    }

    [Theory]
    [InlineData("fra", 44.2)]
    [InlineData("USA", 383.6)]
    [InlineData(" IND ", 708.3)]
    [InlineData("ZAF", 707.7)]
    public void Resolve_KnownCode_AnyCase(string code, double expected)
    {
        GridIntensity.Resolve(code).GCO2PerKWh.ShouldBe(expected);
    }

    [Fact]
    public void Resolve_UnknownZone_MessageSaysHowToNameOne()
    {
        var error = Should.Throw<ArgumentException>(() => GridIntensity.Resolve("Mars"));

        error.Message.ShouldContain("ISO 3166 alpha-3");
        error.Message.ShouldContain("WOR");
        error.Message.ShouldContain("FRA");
    }

    [Fact]
    public void Zones_Every_HasSource()
    {
        GridIntensity.Zones.ShouldAllBe(zone => zone.Source.Length > 0 && zone.GCO2PerKWh > 0);
    }
}
