using System.Collections.Concurrent;
using Frugal.Domain.Audit;
using Frugal.Domain.Outcomes;
using Frugal.Sources.Git;

namespace Frugal.Cli.Audit;

internal sealed partial class RepositoryAuditor
{
    /// <summary>
    /// The bug-introducing candidates of each fix: the commits its <c>Fixes:</c> trailer names when they exist,
    /// otherwise those blame finds (SZZ), without merges, formatting commits (type <c>style</c>) and commits listed
    /// in <c>.git-blame-ignore-revs</c>. Blames are remembered; new ones run a few at a time.
    /// </summary>
    private List<FixFinding> Fixes(
        List<AuditedCommit> fixes, Dictionary<string, CommitInfo> reachable, Dictionary<string, string> landedVia)
    {
        var trailers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var resolved = repository.ResolveCommits([.. fixes.SelectMany(f => f.Change.FixesShas)]);
        foreach (var fix in fixes)
        {
            var named = fix.Change.FixesShas.Select(resolved.GetValueOrDefault).OfType<string>().Distinct().ToList();
            if (named.Count > 0)
            {
                trailers[fix.Commit.Sha] = named;
            }
        }

        var blames = Blames(fixes.Where(f => !trailers.ContainsKey(f.Commit.Sha)).Select(f => f.Commit).ToList());
        var candidates = blames.Values.SelectMany(b => b.Candidates.Keys).Concat(trailers.Values.SelectMany(t => t));
        var known = KnownCommits(candidates, reachable);
        var ignored = IgnoredRevisions();

        var findings = new List<FixFinding>(fixes.Count);
        foreach (var fix in fixes)
        {
            if (trailers.TryGetValue(fix.Commit.Sha, out var trailed))
            {
                var named = trailed.Select(sha => new BugCandidate(sha, 0, landedVia.GetValueOrDefault(sha)));
                findings.Add(new FixFinding(fix.Commit.Sha, [.. named], FromTrailer: true, OnlyAdded: false, null));
                continue;
            }

            var blame = blames[fix.Commit.Sha];
            var kept = blame.Candidates
                .Where(c => !ignored.Contains(c.Key) && Counts(known.GetValueOrDefault(c.Key)))
                .OrderByDescending(c => c.Value)
                .ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => new BugCandidate(c.Key, c.Value, landedVia.GetValueOrDefault(c.Key)))
                .ToList();
            findings.Add(new FixFinding(fix.Commit.Sha, kept, false, blame.OnlyAdded, blame.Problem));
        }

        var problems = findings.Count(f => f.Problem is not null);
        if (problems > 0)
        {
            _notes.Add(problems == 1
                ? "1 fix could not be blamed completely (blobs missing from the clone)."
                : $"{problems} fixes could not be blamed completely (blobs missing from the clone).");
        }

        return findings;
    }

    /// <summary>Whether a candidate counts: not a merge and not a formatting change. Unknown commits count.</summary>
    private static bool Counts(CommitInfo? commit) =>
        commit is null || !commit.IsMerge && !string.Equals(
            CommitClassifier.Classify(commit).Type, "style", StringComparison.OrdinalIgnoreCase);

    private Dictionary<string, FixBlame> Blames(List<CommitInfo> fixes)
    {
        var blames = ledger.LoadFixBlames(fixes.Select(f => f.Sha), BlameMethod);
        var missing = fixes.Where(f => !blames.ContainsKey(f.Sha)).ToList();
        var found = new ConcurrentBag<FixBlame>();
        Parallel.ForEach(
            missing, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount * 2) },
            fix => found.Add(repository.BlameFix(fix)));
        ledger.SaveFixBlames(found.Where(b => b.Problem is null), BlameMethod);
        foreach (var blame in found)
        {
            blames[blame.FixSha] = blame;
        }

        return blames;
    }

    private Dictionary<string, CommitInfo> KnownCommits(
        IEnumerable<string> shas, Dictionary<string, CommitInfo> reachable)
    {
        var known = new Dictionary<string, CommitInfo>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var sha in shas.Distinct(StringComparer.Ordinal))
        {
            if (reachable.TryGetValue(sha, out var commit))
            {
                known[sha] = commit;
            }
            else
            {
                unknown.Add(sha);
            }
        }

        foreach (var commit in repository.ReadCommitsById(unknown))
        {
            known[commit.Sha] = commit;
        }

        return known;
    }

    private HashSet<string> IgnoredRevisions()
    {
        var listed = (repository.ReadFile(_revision, ".git-blame-ignore-revs")?.Split('\n') ?? [])
            .Select(line => line.Trim())
            .Where(text => text.Length >= 7 && !text.StartsWith('#'))
            .ToList();
        return [.. repository.ResolveCommits(listed).Values];
    }
}
