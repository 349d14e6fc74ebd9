using Frugal.Domain.Usage;

namespace Frugal.Storage.Ledger;

/// <summary>A gateway call as the ledger holds it.</summary>
/// <param name="RequestId">The gateway's request id (the usage record's source key).</param>
/// <param name="Started">When the request arrived.</param>
/// <param name="Project">The project it counted to.</param>
/// <param name="Session">The session id it was recorded under.</param>
/// <param name="Provider">The provider named for energy.</param>
/// <param name="Model">The model asked of the upstream.</param>
/// <param name="Local">Whether the upstream was local.</param>
/// <param name="Tokens">The tokens.</param>
/// <param name="LatencyMs">Milliseconds until it ended.</param>
/// <param name="Facts">The gateway's facts.</param>
public sealed record GatewayCallRow(
    string RequestId,
    DateTimeOffset Started,
    string Project,
    string Session,
    string? Provider,
    string? Model,
    bool Local,
    TokenCounts Tokens,
    long? LatencyMs,
    GatewayCallFacts Facts);
