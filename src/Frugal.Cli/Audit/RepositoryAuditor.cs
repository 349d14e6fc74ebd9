using Frugal.Domain.Audit;
using Frugal.Domain.Outcomes;
using Frugal.Sources.Git;
using Frugal.Storage.Ledger;

namespace Frugal.Cli.Audit;

/// <summary>
/// Reads what one repository shows for an audit window: the mainline from the window's start to the newest commit,
/// what each merge brought in, unmerged branch work, line counts, AI markers, change types, reviews and the blame
/// of every fix. Line counts and blames are remembered in the ledger by commit id, so a repeat audit asks git only
/// about new commits.
/// </summary>
internal sealed partial class RepositoryAuditor(
    GitRepository repository, UsageLedger ledger, PullRequestIndex pullRequests)
{
    /// <summary>
    /// The blame method; a change to how fixes are blamed changes this, and older results are redone.
    /// </summary>
    public const string BlameMethod = "szz-b-w-root-code-lines-v1";

    private const int BridgeLength = 8;

    private readonly List<string> _notes = [];
    private string _revision = "HEAD";

    /// <summary>Reads the repository for the window that starts at <paramref name="from"/>.</summary>
    public RepositoryFacts Read(DateTimeOffset from)
    {
        var branch = repository.FindDefaultBranch();
        var tip = repository.ResolveCommit(branch.Revision)
            ?? throw new GitException($"{repository.Root}: {branch.Revision} names no commit.");
        _revision = branch.Revision;
        var since = from.AddDays(-1);
        if (repository.IsShallow)
        {
            _notes.Add("The clone is shallow: commits before its boundary are missing, and blame stops there.");
        }

        var reachable = repository.ReadCommits(branch.Revision, since, firstParent: false)
            .ToDictionary(c => c.Sha, StringComparer.Ordinal);
        var (mainline, mainlineParent) = MainlineOf(tip, reachable, branch.Name, since);
        ReadWhatMergesBroughtIn(mainline, mainlineParent, reachable);
        var landedVia = MergedIn(mainline, mainlineParent, reachable);
        var unmerged = repository.ReadUnmergedCommits(branch.Revision, since);

        var counts = LineCountsOf(mainline.Where(c => c.CommittedAt >= from).Select(c => c.Sha).ToList());
        var commits = new List<AuditedCommit>(reachable.Count + unmerged.Count);
        var attributions = reachable.Values.ToDictionary(
            c => c.Sha, c => AiAttributor.Attribute(c), StringComparer.Ordinal);
        var broughtIn = landedVia.Where(p => p.Key != p.Value)
            .GroupBy(p => p.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => reachable[p.Key]).ToList(), StringComparer.Ordinal);
        var landed = new Dictionary<string, AuditedCommit>(StringComparer.Ordinal);
        foreach (var commit in mainline)
        {
            commits.Add(landed[commit.Sha] = Mainline(commit, counts, broughtIn, attributions));
        }

        // A merged commit was made on the branch its merge names (in its message or its pull request).
        foreach (var (sha, via) in landedVia.Where(p => p.Key != p.Value))
        {
            var commit = reachable[sha];
            commits.Add(new AuditedCommit(
                commit, CommitClassifier.Classify(commit), attributions[sha], CommitPlacement.Merged, via,
                landed[via].Branches, CommitReview.Unknown));
        }

        foreach (var (name, commit) in unmerged)
        {
            commits.Add(new AuditedCommit(
                commit, CommitClassifier.Classify(commit), AiAttributor.Attribute(commit, name),
                CommitPlacement.Unmerged, null, [name], CommitReview.Unknown));
        }

        var fixes = Fixes(commits.Where(c => c.Placement == CommitPlacement.Mainline && c.Commit.CommittedAt >= from
            && c.Change.Kind == ChangeKind.Fix).ToList(), reachable, landedVia);
        NoteMissingCounts(counts);
        return new RepositoryFacts(repository.Root, branch.Name, commits, fixes, _notes);
    }

    /// <summary>
    /// The mainline from <paramref name="tip"/>, newest first, as far as the read reaches, with the parent each
    /// entry follows: the first parent, except through a merge that pulled the default branch into local work
    /// (<c>Merge branch 'main' of …</c>, <c>Merge remote-tracking branch 'origin/main'</c>), whose second parent
    /// is where the default branch really went.
    /// </summary>
    private (List<CommitInfo> Line, Dictionary<string, string> Parent) MainlineOf(
        string tip, Dictionary<string, CommitInfo> reachable, string defaultBranch, DateTimeOffset since)
    {
        var line = new List<CommitInfo>();
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        var sha = tip;
        while (sha is not null
            && (reachable.TryGetValue(sha, out var commit) || Bridge(sha, reachable, since, out commit)))
        {
            line.Add(commit);
            sha = commit.Parents.Count == 0 ? null
                : commit.Parents.Count == 2 && PullsDefaultBranch(commit.Subject, defaultBranch) ? commit.Parents[1]
                : commit.Parents[0];
            if (sha is not null)
            {
                parent[commit.Sha] = sha;
            }
        }

        return (line, parent);
    }

    /// <summary>
    /// Whether the mainline goes on past <paramref name="sha"/>, a commit the dated read did not reach. git stops
    /// reading at a commit dated before the window, so a commit whose clock was wrong (dated years back) hides the
    /// window's commits behind it. The next <see cref="BridgeLength"/> first parents are read; when one of them
    /// falls in the window, the commits before it join the mainline and the read starts again from it.
    /// </summary>
    private bool Bridge(
        string sha, Dictionary<string, CommitInfo> reachable, DateTimeOffset since, out CommitInfo commit)
    {
        commit = null!;
        var chain = repository.ReadFirstParents(sha, BridgeLength + 1).ToList();
        var resume = chain.FindIndex(c => reachable.ContainsKey(c.Sha) || c.CommittedAt >= since);
        if (resume < 0)
        {
            return false;
        }

        if (!reachable.ContainsKey(chain[resume].Sha))
        {
            foreach (var read in repository.ReadCommits(chain[resume].Sha, since, firstParent: false))
            {
                reachable.TryAdd(read.Sha, read);
            }
        }

        foreach (var bridged in chain.Take(resume + 1))
        {
            reachable.TryAdd(bridged.Sha, bridged);
        }

        if (resume > 0)
        {
            _notes.Add($"{resume} mainline commit(s) dated before the window (a wrong clock?) sit between commits "
                + "of the window; they are read as part of it.");
        }

        commit = chain[0];
        return true;
    }

    private static bool PullsDefaultBranch(string subject, string defaultBranch) =>
        subject.StartsWith($"Merge branch '{defaultBranch}' of ", StringComparison.Ordinal)
        || subject == $"Merge remote-tracking branch 'origin/{defaultBranch}'"
        || subject.StartsWith($"Merge remote-tracking branch 'origin/{defaultBranch}' into ", StringComparison.Ordinal);

    /// <summary>
    /// Reads, for each mainline merge whose other parents the dated read did not reach, everything it brought in:
    /// a pull request's commits can be older than the window, and whether the merge is AI-marked must not depend
    /// on where the window starts.
    /// </summary>
    private void ReadWhatMergesBroughtIn(
        List<CommitInfo> mainline, Dictionary<string, string> mainlineParent, Dictionary<string, CommitInfo> reachable)
    {
        foreach (var merge in mainline.Where(c => c.IsMerge))
        {
            var follows = mainlineParent.GetValueOrDefault(merge.Sha);
            if (merge.Parents.Where(p => p != follows).All(reachable.ContainsKey) || follows is null)
            {
                continue;
            }

            foreach (var commit in repository.ReadCommits($"{follows}..{merge.Sha}", since: null, firstParent: false))
            {
                reachable.TryAdd(commit.Sha, commit);
            }
        }
    }

    /// <summary>
    /// For every commit reached, the mainline commit it landed with: itself for mainline commits, otherwise the
    /// oldest mainline merge whose other parents reach it.
    /// </summary>
    private static Dictionary<string, string> MergedIn(
        List<CommitInfo> mainline, Dictionary<string, string> mainlineParent, Dictionary<string, CommitInfo> reachable)
    {
        var via = mainline.ToDictionary(c => c.Sha, c => c.Sha, StringComparer.Ordinal);
        for (var i = mainline.Count - 1; i >= 0; i--)
        {
            var merge = mainline[i];
            var follows = mainlineParent.GetValueOrDefault(merge.Sha);
            var pending = new Stack<string>(merge.Parents.Where(p => p != follows));
            while (pending.TryPop(out var sha))
            {
                if (via.ContainsKey(sha) || !reachable.TryGetValue(sha, out var commit))
                {
                    continue;
                }

                via[sha] = merge.Sha;
                foreach (var parent in commit.Parents)
                {
                    pending.Push(parent);
                }
            }
        }

        return via;
    }

    private Dictionary<string, LineCounts> LineCountsOf(List<string> shas)
    {
        var counts = ledger.LoadLineCounts(shas);
        var missing = shas.Where(sha => !counts.ContainsKey(sha)).ToList();
        if (missing.Count > 0)
        {
            var read = repository.ReadLineCounts(missing);
            ledger.SaveLineCounts(read);
            foreach (var (sha, count) in read)
            {
                counts[sha] = count;
            }
        }

        return counts;
    }

    private void NoteMissingCounts(Dictionary<string, LineCounts> counts)
    {
        var unknown = counts.Values.Count(c => !c.Known);
        if (unknown > 0)
        {
            _notes.Add(unknown == 1
                ? "1 commit could not be diffed (blobs missing from the clone); its lines are not counted."
                : $"{unknown} commits could not be diffed (blobs missing from the clone); their lines are not "
                    + "counted.");
        }
    }
}
