using Frugal.Domain.Energy;
using Frugal.Domain.Usage;

namespace Frugal.Domain.Reporting;

/// <summary>
/// Calls summed together because they fall in one report row and are priced alike: same model, speed mode, UTC date
/// and long-context tier, and (for time periods) the same quarter-hour, so that every zone's dates stay exact.
/// </summary>
/// <param name="First">The earliest call.</param>
/// <param name="Last">The latest call.</param>
/// <param name="Key">The session, project or null, depending on what the report groups by.</param>
/// <param name="Project">A project of the calls, for session rows.</param>
/// <param name="Model">The model id, or null when the source named none.</param>
/// <param name="Speed">The speed mode, or null.</param>
/// <param name="PromptTier">How many of the price table's long-context thresholds each call's prompt exceeded.</param>
/// <param name="Tokens">The calls' tokens.</param>
/// <param name="WebSearchRequests">The calls' web searches.</param>
/// <param name="Calls">How many calls.</param>
public sealed record UsageGroup(
    DateTimeOffset First,
    DateTimeOffset Last,
    string? Key,
    string? Project,
    string? Model,
    string? Speed,
    int PromptTier,
    TokenCounts Tokens,
    long WebSearchRequests,
    long Calls)
{
    /// <summary>
    /// Whether the calls ran on a local model server (Ollama, llama.cpp…): they cost nothing to buy, and their
    /// energy is the one recorded when they were made, never estimated from the model's size.
    /// </summary>
    public bool Local { get; init; }

    /// <summary>
    /// For local calls, the energy the gateway recorded for them, summed minimum with minimum and maximum with
    /// maximum; null when any of them has none (its energy is then unknown).
    /// </summary>
    public EnergyRange? RecordedEnergy { get; init; }
}
