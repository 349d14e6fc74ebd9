namespace Frugal.Domain.Audit;

/// <summary>
/// Links sessions to commits of their repository. A commit links to a session when it was authored or committed
/// between the session's first call and its last call plus the grace period, and it was made on a branch the
/// session had checked out (or the session logged no branch, or the commit's branch is unknown and it carries an
/// AI marker of the session's tool). A mainline merge or squash of a branch the session worked on links too,
/// whenever it landed after the session began: pull requests often merge days later.
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
        var commits = index.Facts.Commits;
        foreach (var position in index.Candidates(session, end))
        {
            var commit = commits[position];
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
        // A marker of the session's tool links a commit whose branch is unknown (a direct or squashed commit); one
        // known to be made on another branch belongs to another session.
        var markerMatches = commit.Branches.Count == 0 && commit.Ai.IsMarked
            && commit.Ai.Evidence.Any(e => e.Tool == session.Tool);
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

    /// <summary>
    /// A repository's facts with its mainline commits found by id, and its commits ordered by author date and by
    /// commit date and grouped by mainline branch, so a session looks only at the commits that can link to it.
    /// </summary>
    private sealed class RepositoryIndex
    {
        private readonly long[] _authoredTicks;
        private readonly int[] _byAuthored;
        private readonly long[] _committedTicks;
        private readonly int[] _byCommitted;
        private readonly Dictionary<string, List<int>> _mainlineByBranch = new(StringComparer.Ordinal);

        public RepositoryIndex(RepositoryFacts facts)
        {
            Facts = facts;
            Mainline = facts.Commits
                .Where(c => c.Placement == CommitPlacement.Mainline)
                .ToDictionary(c => c.Commit.Sha, StringComparer.Ordinal);
            var commits = facts.Commits;
            (_byAuthored, _authoredTicks) = Order(commits, c => c.Commit.AuthoredAt.UtcTicks);
            (_byCommitted, _committedTicks) = Order(commits, c => c.Commit.CommittedAt.UtcTicks);
            for (var i = 0; i < commits.Count; i++)
            {
                if (commits[i].Placement != CommitPlacement.Mainline)
                {
                    continue;
                }

                foreach (var branch in commits[i].Branches)
                {
                    if (!_mainlineByBranch.TryGetValue(branch, out var list))
                    {
                        _mainlineByBranch[branch] = list = [];
                    }

                    list.Add(i);
                }
            }
        }

        public RepositoryFacts Facts { get; }

        public Dictionary<string, AuditedCommit> Mainline { get; }

        /// <summary>
        /// The positions in <see cref="RepositoryFacts.Commits"/>, ascending, of every commit that can link to the
        /// session: authored or committed between its first call and <paramref name="end"/>, or a mainline commit of
        /// a branch it worked on. <see cref="Links"/> decides; the others cannot pass it.
        /// </summary>
        public List<int> Candidates(AuditSession session, DateTimeOffset end)
        {
            var found = new HashSet<int>();
            AddRange(found, _byAuthored, _authoredTicks, session.First.UtcTicks, end.UtcTicks);
            AddRange(found, _byCommitted, _committedTicks, session.First.UtcTicks, end.UtcTicks);
            foreach (var branch in session.Branches)
            {
                if (branch != Facts.DefaultBranch && _mainlineByBranch.TryGetValue(branch, out var list))
                {
                    found.UnionWith(list);
                }
            }

            var positions = found.ToList();
            positions.Sort();
            return positions;
        }

        private static (int[] Order, long[] Keys) Order(
            IReadOnlyList<AuditedCommit> commits, Func<AuditedCommit, long> key)
        {
            var order = new int[commits.Count];
            var keys = new long[commits.Count];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
                keys[i] = key(commits[i]);
            }

            Array.Sort(keys, order);
            return (order, keys);
        }

        private static void AddRange(HashSet<int> found, int[] order, long[] keys, long from, long to)
        {
            for (var i = LowerBound(keys, from); i < keys.Length && keys[i] <= to; i++)
            {
                found.Add(order[i]);
            }
        }

        private static int LowerBound(long[] keys, long value)
        {
            int low = 0, high = keys.Length;
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                if (keys[middle] < value)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }
    }
}
