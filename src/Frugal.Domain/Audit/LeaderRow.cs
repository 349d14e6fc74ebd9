using Frugal.Domain.Energy;
using Frugal.Domain.Scoring;

namespace Frugal.Domain.Audit;

/// <summary>One row of the efficiency leaderboard: ranked by the per-feature score, never by tokens.</summary>
/// <param name="Name">The project, or the person's pseudonym (their name only when asked for).</param>
/// <param name="Sessions">Sessions attributed.</param>
/// <param name="Features">Shipped features.</param>
/// <param name="Bugs">Fixes attributed.</param>
/// <param name="ReviewHours">Review hours of their changes, when known.</param>
/// <param name="Tokens">Tokens of their sessions.</param>
/// <param name="CostUsd">Cost of their sessions.</param>
/// <param name="Energy">Estimated energy of their sessions' calls of known model size.</param>
/// <param name="Score">The scale-invariant score and grade.</param>
public sealed record LeaderRow(
    string Name,
    int Sessions,
    long Features,
    long Bugs,
    double? ReviewHours,
    long Tokens,
    decimal CostUsd,
    EnergyRange Energy,
    ScoreResult Score);
