namespace Frugal.Domain.Audit;

/// <summary>
/// Links sessions to commits of their repository. A commit links to a session when it was authored or committed
/// between the session's first call and its last call plus the grace period, and it was made on a branch the
/// session had checked out (or the session logged no branch, or the commit carries an AI marker of the session's
/// tool). A mainline merge or squash of a branch the session worked on links too, whenever it landed after the
/// session began: pull requests often merge days later.
/// </summary>
public sealed class SessionLinker
{
    private readonly Dictionary<string, RepositoryIndex> _repositories = new(StringComparer.Ordinal);
    private readonly TimeSpan _grace;

    /// <summary>Indexes the repositories' commits for linking.</summary>
    public SessionLinker(IEnumerable<RepositoryFacts> repositories, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(repositories);
        _grace = grace;
        foreach (var repository in repositories)
        {
            _repositories[repository.Root] = new RepositoryIndex(repository);
        }
    }

    /// <summary>Links one session.</summary>
    public SessionLink Link(AuditSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Repository is null || !_repositories.TryGetValue(session.Repository, out var index))
        {
            return new SessionLink(session, [], [], ShipStatus.NoRepository);
        }

        var end = session.Last + _grace;
        var linked = new List<AuditedCommit>();
        foreach (var commit in index.Facts.Commits)
        {
            if (Links(session, commit, end, index.Facts.DefaultBranch))
            {
                linked.Add(commit);
            }
        }

        linked.Sort((a, b) => a.Commit.CommittedAt.CompareTo(b.Commit.CommittedAt));
        var mainline = linked
            .Select(c => c.LandedVia is { } sha ? index.Mainline.GetValueOrDefault(sha) : null)
            .OfType<AuditedCommit>()
            .Distinct()
            .ToList();
        return new SessionLink(session, linked, mainline, StatusOf(linked, mainline));
    }

    private static bool Links(AuditSession session, AuditedCommit commit, DateTimeOffset end, string defaultBranch)
    {
        var c = commit.Commit;
        var inWindow = Within(c.AuthoredAt, session.First, end) || Within(c.CommittedAt, session.First, end);
        var ownBranch = session.Branches.Any(b => b != defaultBranch && commit.Branches.Contains(b));
        if (ownBranch && commit.Placement == CommitPlacement.Mainline && c.CommittedAt >= session.First)
        {
            return true;
        }

        if (!inWindow)
        {
            return false;
        }

        var branchMatches = session.Branches.Count == 0 || ownBranch
            || session.Branches.Contains(defaultBranch) && commit.Placement == CommitPlacement.Mainline;
        var markerMatches = commit.Ai.IsMarked && commit.Ai.Evidence.Any(e => e.Tool == session.Tool);
        return branchMatches || markerMatches;
    }

    private static bool Within(DateTimeOffset instant, DateTimeOffset from, DateTimeOffset to) =>
        instant >= from && instant <= to;

    private static ShipStatus StatusOf(List<AuditedCommit> linked, List<AuditedCommit> mainline)
    {
        if (linked.Count == 0)
        {
            return ShipStatus.Unshipped;
        }

        if (mainline.Count == 0)
        {
            return ShipStatus.CommittedNotShipped;
        }

        return mainline.Any(m => m.Review.IsApproved) ? ShipStatus.ShippedReviewed : ShipStatus.Shipped;
    }

    /// <summary>A repository's facts with its mainline commits found by id.</summary>
    private sealed class RepositoryIndex(RepositoryFacts facts)
    {
        public RepositoryFacts Facts { get; } = facts;

        public Dictionary<string, AuditedCommit> Mainline { get; } = facts.Commits
            .Where(c => c.Placement == CommitPlacement.Mainline)
            .ToDictionary(c => c.Commit.Sha, StringComparer.Ordinal);
    }
}
