using Frugal.Domain.Usage;
using Frugal.Storage.Ledger;

namespace Frugal.Gateway.Metering;

/// <summary>Turns an ended call into its ledger rows.</summary>
public static class Records
{
    /// <summary>The usage record (what reports and audits count) and the gateway's facts of the call.</summary>
    public static (UsageRecord Record, GatewayCallFacts Facts) Of(CallOutcome call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var provenance = Provenance.None;
        if (call.CostUsd is not null)
        {
            provenance |= Provenance.CostReported;
        }

        if (call.TokensEstimated)
        {
            provenance |= Provenance.TokensEstimated;
        }

        var record = new UsageRecord
        {
            Source = GatewayInfo.Source,
            SourceKey = call.RequestId,
            Timestamp = call.Started,
            SessionId = call.Session ?? call.KeyId ?? call.Project,
            Project = call.Project,
            Tool = GatewayInfo.Source,
            Provider = call.Provider,
            Model = call.Model,
            Tokens = call.Tokens,
            Local = call.Local,
            LatencyMs = (long)Math.Round(call.LatencyMs),
            CostReportedUsd = call.CostUsd,
            Provenance = provenance,
        };
        var facts = new GatewayCallFacts(
            call.KeyId, call.Route, call.Upstream, call.Status, call.TimeToFirstByteMs, call.CostUsd,
            call.Energy?.Energy.MinWh, call.Energy?.Energy.MaxWh, call.Energy?.Method, call.Timings?.PrefillSeconds,
            call.Timings?.DecodeSeconds, call.Timings?.LoadSeconds, call.TokensEstimated, call.Cached, call.Escalated);
        return (record, facts);
    }
}
