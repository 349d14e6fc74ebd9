namespace Frugal.Gateway;

/// <summary>Names the gateway reports itself by.</summary>
public static class GatewayInfo
{
    /// <summary>The ledger source of every call the gateway meters.</summary>
    public const string Source = "gateway";
}
