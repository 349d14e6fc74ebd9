using Frugal.Domain.Energy;
using Frugal.Domain.Usage;

namespace Frugal.Gateway.Metering;

/// <summary>Everything known about one call when it ends, from which its ledger record and metrics are made.</summary>
public sealed record CallOutcome
{
    /// <summary>The gateway's id of the call.</summary>
    public required string RequestId { get; init; }

    /// <summary>When the request arrived.</summary>
    public required DateTimeOffset Started { get; init; }

    /// <summary>The project it counts to.</summary>
    public required string Project { get; init; }

    /// <summary>The virtual key's id, or null.</summary>
    public string? KeyId { get; init; }

    /// <summary>The caller's session id (header <c>x-frugal-session</c>), or null.</summary>
    public string? Session { get; init; }

    /// <summary>The route the caller named, or null.</summary>
    public string? Route { get; init; }

    /// <summary>The upstream that answered last.</summary>
    public required string Upstream { get; init; }

    /// <summary>Whether that upstream is local.</summary>
    public bool Local { get; init; }

    /// <summary>The provider name for energy (openai, anthropic, ollama…).</summary>
    public required string Provider { get; init; }

    /// <summary>The model asked of the upstream.</summary>
    public required string Model { get; init; }

    /// <summary>chat, text_completion, embeddings.</summary>
    public required string Operation { get; init; }

    /// <summary>ok, error, cancelled, timeout, refused.</summary>
    public required string Status { get; init; }

    /// <summary>The tokens.</summary>
    public TokenCounts Tokens { get; init; }

    /// <summary>Whether the tokens were counted here because the upstream reported none.</summary>
    public bool TokensEstimated { get; init; }

    /// <summary>Milliseconds to the first byte sent back, when any was.</summary>
    public double? TimeToFirstByteMs { get; init; }

    /// <summary>Milliseconds until the call ended.</summary>
    public double LatencyMs { get; init; }

    /// <summary>The cost, or null when the model has no price.</summary>
    public decimal? CostUsd { get; init; }

    /// <summary>The energy estimate, or null.</summary>
    public EnergyEstimate? Energy { get; init; }

    /// <summary>The local server's reported timings, or null.</summary>
    public LocalTimings? Timings { get; init; }

    /// <summary>Whether the answer was streamed.</summary>
    public bool Streamed { get; init; }

    /// <summary>Whether the answer came from the cache.</summary>
    public bool Cached { get; init; }

    /// <summary>Whether a second upstream was tried.</summary>
    public bool Escalated { get; init; }
}
