namespace Frugal.Gateway;

/// <summary>Names the gateway reports itself by.</summary>
public static class GatewayInfo
{
    /// <summary>The ledger source of every call the gateway meters.</summary>
    public const string Source = "gateway";

    /// <summary>
    /// The header every call the gateway sends upstream carries; a request that arrives with it went through a
    /// gateway already (an upstream pointing back at one), and is refused instead of looping.
    /// </summary>
    public const string HopHeader = "x-frugal-gateway-hop";
}
