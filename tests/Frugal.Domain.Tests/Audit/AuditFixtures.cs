using Frugal.Domain.Audit;
using Frugal.Domain.Energy;
using Frugal.Domain.Outcomes;
using Frugal.Domain.Reporting;
using Frugal.Domain.Usage;

namespace Frugal.Domain.Tests.Audit;

/// <summary>Small builders of sessions and commits for the audit's pure rules.</summary>
internal static class AuditFixtures
{
    public const string Repo = "/src/shop";
    public static readonly DateTimeOffset Noon = new(2026, 4, 6, 12, 0, 0, TimeSpan.Zero);

    public static AuditSession Session(
        string key, DateTimeOffset first, DateTimeOffset last, string? branch = "main", TokenCounts? tokens = null,
        decimal cost = 1m, string model = "claude-sonnet-4-5", long calls = 10, string tool = "claude-code",
        EnergyEstimate? energy = null)
    {
        var session = new AuditSession("claude-code", key) { Repository = Repo };
        var counts = tokens ?? new TokenCounts(1_000, 0, 0, 0, 500);
        var group = new UsageGroup(first, last, key, Repo, model, null, 0, counts, 0, calls);
        var date = DateOnly.FromDateTime(first.UtcDateTime);
        session.Add(new SessionCallGroup("claude-code", key, branch, tool, group), cost, date, energy);
        return session;
    }

    public static AuditedCommit Commit(
        string sha, DateTimeOffset at, string message = "feat: thing",
        CommitPlacement placement = CommitPlacement.Mainline, string? landedVia = null, string[]? branches = null,
        CommitReview? review = null, long added = 10)
    {
        var commit = new CommitInfo
        {
            Sha = sha, Parents = ["p"], Author = new GitIdentity("Alice", "alice@example.org"),
            Committer = new GitIdentity("Alice", "alice@example.org"), AuthoredAt = at, CommittedAt = at,
            Message = message, LinesAdded = added,
        };
        return new AuditedCommit(
            commit, CommitClassifier.Classify(commit), AiAttributor.Attribute(commit), placement,
            landedVia ?? (placement == CommitPlacement.Unmerged ? null : sha), branches ?? [],
            review ?? CommitReview.Unknown);
    }

    public static RepositoryFacts Facts(params AuditedCommit[] commits) =>
        new(Repo, "main", commits, [], []);
}
