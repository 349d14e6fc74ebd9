using Shouldly;

namespace Frugal.Gateway.Tests;

public sealed class GatewayInfoTests
{
    [Fact]
    public void Source_IsTheLedgerName() => GatewayInfo.Source.ShouldBe("gateway");
}
