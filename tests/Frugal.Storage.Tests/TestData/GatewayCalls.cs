using Frugal.Domain.Usage;
using Frugal.Storage.Ledger;

namespace Frugal.Storage.Tests.TestData;

/// <summary>Calls as the gateway writes them to its ledger, for tests of reports and audits.</summary>
public static class GatewayCalls
{
    /// <summary>A local model the built-in table knows the size of, and the price table has no price for.</summary>
    public const string LocalModel = "llama3.1:8b";

    /// <summary>A hosted model with a price: $3 input and $15 output per million tokens.</summary>
    public const string HostedModel = "claude-sonnet-4-5-20250929";

    /// <summary>
    /// A call through the gateway, with the cost and energy it recorded (null energy: none, as for a local upstream
    /// without a device).
    /// </summary>
    public static (UsageRecord Record, GatewayCallFacts Facts) Call(
        string id, DateTimeOffset at, bool local, long input, long output, double? minWh, double? maxWh,
        decimal? costUsd = null, bool cached = false, string project = "/w/app", string session = "gw-session")
    {
        var record = new UsageRecord
        {
            Source = "gateway",
            SourceKey = id,
            Timestamp = at,
            SessionId = session,
            Project = project,
            Tool = "gateway",
            Provider = local ? "ollama" : "anthropic",
            Model = local ? LocalModel : HostedModel,
            Tokens = new TokenCounts(input, 0, 0, 0, output),
            Local = local,
            LatencyMs = 1_000,
            CostReportedUsd = local ? 0m : costUsd,
        };
        var facts = new GatewayCallFacts(
            "key-1", null, local ? "ollama" : "anthropic", "ok", 120, local ? 0m : costUsd, minWh, maxWh,
            minWh is null ? null : local ? "device-profile" : "ecologits-0.9.3-decode", local ? 0.2 : null,
            local ? 0.8 : null, null, false, cached, false);
        return (record, facts);
    }
}
