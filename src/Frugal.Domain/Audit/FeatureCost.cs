using Frugal.Domain.Energy;

namespace Frugal.Domain.Audit;

/// <summary>One shipped feature and the AI use linked to it.</summary>
/// <param name="Sha">Its mainline commit.</param>
/// <param name="Title">Its title (subject or pull request title).</param>
/// <param name="PullRequest">Its pull request number, when known.</param>
/// <param name="Repository">Its repository.</param>
/// <param name="AiMarked">Whether it carries AI markers.</param>
/// <param name="Sessions">Sessions linked to it.</param>
/// <param name="Tokens">Tokens of those sessions, each session's split evenly over the changes it landed in.</param>
/// <param name="CostUsd">Their cost, split the same way.</param>
/// <param name="Energy">Their estimated energy, split the same way.</param>
/// <param name="ReviewHours">Hours from pull request creation to merge, when known.</param>
/// <param name="LaterFixes">Later fixes blamed on it.</param>
public sealed record FeatureCost(
    string Sha,
    string Title,
    int? PullRequest,
    string Repository,
    bool AiMarked,
    int Sessions,
    double Tokens,
    decimal CostUsd,
    EnergyRange Energy,
    double? ReviewHours,
    int LaterFixes);
