namespace Frugal.Domain.Usage;

/// <summary>
/// One model call, normalised from whatever source reported it. Token categories are disjoint
/// (see <see cref="TokenCounts"/>), whatever the source's own convention.
/// </summary>
public sealed record UsageRecord
{
    /// <summary>The source that reported the call, such as <c>claude-code</c> or <c>codex</c>.</summary>
    public required string Source { get; init; }

    /// <summary>
    /// The call's identity within its source: two lines or files that describe the same call carry the same key,
    /// and the ledger keeps one record per key.
    /// </summary>
    public required string SourceKey { get; init; }

    /// <summary>When the call happened, as a UTC instant.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The session (conversation or thread) the call belongs to.</summary>
    public required string SessionId { get; init; }

    /// <summary>The session that started this one, for subagents and forks; otherwise null.</summary>
    public string? ParentSessionId { get; init; }

    /// <summary>The project: the working directory the tool ran in.</summary>
    public string? Project { get; init; }

    /// <summary>The git branch checked out when the call was made, when the source records it.</summary>
    public string? GitBranch { get; init; }

    /// <summary>A pseudonymous id of the person who made the call, when known.</summary>
    public string? Person { get; init; }

    /// <summary>The tool that made the call (its own name and version when known).</summary>
    public string? Tool { get; init; }

    /// <summary>The model provider, when the source states it.</summary>
    public string? Provider { get; init; }

    /// <summary>The model id as the source wrote it; null when the source named none.</summary>
    public string? Model { get; init; }

    /// <summary>The call's tokens in disjoint categories.</summary>
    public required TokenCounts Tokens { get; init; }

    /// <summary>Billable web-search requests made by the provider during the call.</summary>
    public long WebSearchRequests { get; init; }

    /// <summary>The speed mode (<c>fast</c> or <c>standard</c>) when the source records it.</summary>
    public string? Speed { get; init; }

    /// <summary>The service tier (<c>standard</c>, <c>priority</c>, …) when the source records it.</summary>
    public string? ServiceTier { get; init; }

    /// <summary>Whether the call ran on a local model.</summary>
    public bool Local { get; init; }

    /// <summary>Whether the call was made by a subagent or side conversation rather than the main thread.</summary>
    public bool Sidechain { get; init; }

    /// <summary>
    /// The id that groups replays of one response across requests (Claude's <c>message.id</c>); null when none.
    /// When set, <see cref="SourceKey"/> starts with it.
    /// </summary>
    public string? ResponseId { get; init; }

    /// <summary>Milliseconds the call took, when the source records it.</summary>
    public long? LatencyMs { get; init; }

    /// <summary>The cost the source itself wrote for the call, in USD, when it wrote one.</summary>
    public decimal? CostReportedUsd { get; init; }

    /// <summary>Which figures were reported and which were estimated.</summary>
    public Provenance Provenance { get; init; }
}
