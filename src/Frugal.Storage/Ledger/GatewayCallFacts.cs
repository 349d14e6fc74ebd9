namespace Frugal.Storage.Ledger;

/// <summary>What the gateway knows about a call beyond its usage record.</summary>
/// <param name="KeyId">The virtual key's id, or null for a call without one.</param>
/// <param name="Route">The route or alias the caller named, or null when it named a model.</param>
/// <param name="Upstream">The upstream that answered (or failed).</param>
/// <param name="Status">How the call ended: ok, error, cancelled, timeout, refused.</param>
/// <param name="TimeToFirstByteMs">Milliseconds from the request to the first byte sent back, when any was.</param>
/// <param name="CostUsd">The cost counted against budgets, or null when the model has no price.</param>
/// <param name="EnergyMinWh">Low end of the energy estimate, Wh; null when none.</param>
/// <param name="EnergyMaxWh">High end of the energy estimate, Wh; null when none.</param>
/// <param name="EnergyMethod">The estimate's method, or null.</param>
/// <param name="PrefillSeconds">A local server's prompt-processing time, when it reported one.</param>
/// <param name="DecodeSeconds">A local server's generation time, when it reported one.</param>
/// <param name="LoadSeconds">A local server's model-load time, when it reported one.</param>
/// <param name="TokensEstimated">Whether the tokens were counted by Frugal because the upstream reported none.</param>
/// <param name="Cached">Whether the answer came from the gateway's cache.</param>
/// <param name="Escalated">Whether the call was retried on a second upstream.</param>
public sealed record GatewayCallFacts(
    string? KeyId,
    string? Route,
    string Upstream,
    string Status,
    double? TimeToFirstByteMs,
    decimal? CostUsd,
    double? EnergyMinWh,
    double? EnergyMaxWh,
    string? EnergyMethod,
    double? PrefillSeconds,
    double? DecodeSeconds,
    double? LoadSeconds,
    bool TokensEstimated,
    bool Cached,
    bool Escalated);
