using Frugal.Domain.Energy;
using Frugal.Domain.Scoring;

namespace Frugal.Domain.Audit;

/// <summary>Everything <c>frugal audit</c> reports for one window.</summary>
public sealed record AuditReport
{
    /// <summary>First date of the window, in <see cref="Zone"/>.</summary>
    public required DateOnly Since { get; init; }

    /// <summary>Last date of the window (inclusive), in <see cref="Zone"/>.</summary>
    public required DateOnly Until { get; init; }

    /// <summary>The time zone dates are taken in.</summary>
    public required string Zone { get; init; }

    /// <summary>Time after a session's last call within which its commits still link to it.</summary>
    public required TimeSpan Grace { get; init; }

    /// <summary>The grid zone carbon is computed at.</summary>
    public required GridZone GridZone { get; init; }

    /// <summary>The method id of the energy estimates.</summary>
    public required string EnergyMethod { get; init; }

    /// <summary>All use in the window.</summary>
    public required UsageRow Usage { get; init; }

    /// <summary>Use per tool, most expensive first.</summary>
    public required IReadOnlyList<UsageRow> ByTool { get; init; }

    /// <summary>Use per model, most expensive first.</summary>
    public required IReadOnlyList<UsageRow> ByModel { get; init; }

    /// <summary>Use per project (repository, or working folder outside any), most expensive first.</summary>
    public required IReadOnlyList<UsageRow> ByProject { get; init; }

    /// <summary>Use per local date.</summary>
    public required IReadOnlyList<DailyUsage> Daily { get; init; }

    /// <summary>Each audited repository's outcomes.</summary>
    public required IReadOnlyList<RepositoryOutcome> Repositories { get; init; }

    /// <summary>All repositories' outcomes summed.</summary>
    public required RepositoryOutcome Outcomes { get; init; }

    /// <summary>The answer: spend by outcome and per feature.</summary>
    public required AuditAnswer Answer { get; init; }

    /// <summary>The inputs both scores were computed from.</summary>
    public required ScoreInputs ScoreInputs { get; init; }

    /// <summary>The manifesto score, exactly as published.</summary>
    public required ScoreResult ManifestoScore { get; init; }

    /// <summary>The per-feature score, which does not change with team size.</summary>
    public required ScoreResult ScaleInvariantScore { get; init; }

    /// <summary>Features with the AI use linked to them, most expensive first.</summary>
    public required IReadOnlyList<FeatureCost> Features { get; init; }

    /// <summary>What to change, most costly first.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>What the leaderboard groups by.</summary>
    public required AuditGrouping By { get; init; }

    /// <summary>The efficiency leaderboard.</summary>
    public required IReadOnlyList<LeaderRow> Leaderboard { get; init; }

    /// <summary>
    /// The window's mainline commits of every repository, newest first, with what the audit made of each.
    /// </summary>
    public required IReadOnlyList<AuditedCommit> Commits { get; init; }

    /// <summary>Each session with its links and outcome.</summary>
    public required IReadOnlyList<SessionLink> Sessions { get; init; }
}
