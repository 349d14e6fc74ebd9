using System.Globalization;
using Frugal.Domain.Outcomes;

namespace Frugal.Sources.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// The commits reachable from <paramref name="revision"/>, newest first: all of them, or with
    /// <paramref name="firstParent"/> only the line its first parents make (the mainline). With
    /// <paramref name="since"/>, commits made before it are left out.
    /// </summary>
    public IReadOnlyList<CommitInfo> ReadCommits(string revision, DateTimeOffset? since, bool firstParent)
    {
        List<string> arguments = ["log", .. CommitLog.Arguments];
        if (firstParent)
        {
            arguments.Add("--first-parent");
        }

        if (since is { } from)
        {
            // git stops its walk at a commit older than this, so a commit with a wrong clock ends the read early;
            // the audit picks the walk up again behind such commits (see the mainline's bridge).
            arguments.Add(SinceArgument(from));
        }

        arguments.Add("--end-of-options");
        arguments.Add(revision);
        arguments.Add("--");
        return CommitLog.Parse(_git.RunChecked(arguments));
    }

    /// <summary>
    /// The first <paramref name="count"/> commits of the first-parent line from <paramref name="sha"/>, whatever
    /// their dates.
    /// </summary>
    public IReadOnlyList<CommitInfo> ReadFirstParents(string sha, int count) => CommitLog.Parse(_git.RunChecked(
    [
        "log", .. CommitLog.Arguments, "--first-parent",
        "--max-count=" + count.ToString(CultureInfo.InvariantCulture), "--end-of-options", sha, "--",
    ]));

    /// <summary>
    /// Commits on branches (local and remote-tracking) that <paramref name="defaultRevision"/> does not reach, made
    /// since <paramref name="since"/>, each with the branch it was found on: work that has not shipped (yet).
    /// </summary>
    public IReadOnlyList<BranchCommit> ReadUnmergedCommits(string defaultRevision, DateTimeOffset since)
    {
        var output = _git.RunChecked(
        [
            // With --glob, %S names the full ref, so a branch that exists only as origin/NAME reads as NAME.
            "log", "--source", "--glob=refs/heads", "--glob=refs/remotes", SinceArgument(since),
            .. CommitLog.WithSourceArguments,
            "--not", "--end-of-options", defaultRevision, "--",
        ]);
        var commits = new List<BranchCommit>();
        foreach (var (reference, commit) in CommitLog.ParseWithSource(output))
        {
            if (!reference.EndsWith("/HEAD", StringComparison.Ordinal))
            {
                commits.Add(new BranchCommit(BranchName(reference), commit));
            }
        }

        return commits;
    }

    /// <summary>The commits with the given ids, in the order given; ids git does not know are left out.</summary>
    public IReadOnlyList<CommitInfo> ReadCommitsById(IEnumerable<string> shas)
    {
        var input = string.Join('\n', shas);
        if (input.Length == 0)
        {
            return [];
        }

        var output = _git.Run(
            ["log", "--no-walk=unsorted", "--ignore-missing", "--stdin", .. CommitLog.Arguments], input + "\n");
        if (output.ExitCode != 0)
        {
            throw _git.Failed(["log", "--no-walk", "--stdin"], output);
        }

        return CommitLog.Parse(output.Stdout);
    }

    /// <summary>
    /// Each commit's added and deleted lines against its first parent (a merge counts what it brought in). A
    /// commit git cannot diff, because a blob is missing from the clone, is reported as unknown and the others
    /// are still read.
    /// </summary>
    public Dictionary<string, LineCounts> ReadLineCounts(IReadOnlyCollection<string> shas)
    {
        var counts = new Dictionary<string, LineCounts>(shas.Count, StringComparer.Ordinal);
        var pending = new Queue<string>(shas);
        while (pending.Count > 0)
        {
            var batch = pending.ToList();
            var output = _git.Run(
                ["log", "--no-walk=unsorted", "--stdin", "--diff-merges=first-parent", "--numstat", "--format=%x1e%H"],
                string.Join('\n', batch) + "\n");
            var parsed = NumstatLog.Parse(output.Stdout, complete: output.ExitCode == 0);
            foreach (var (sha, lineCounts) in parsed)
            {
                counts[sha] = lineCounts;
            }

            pending.Clear();
            if (output.ExitCode == 0)
            {
                break;
            }

            // git stopped at a commit it could not diff: that one is unknown, and the rest are asked for again.
            var failedAt = batch.FindIndex(sha => !counts.ContainsKey(sha));
            if (failedAt < 0)
            {
                break;
            }

            counts[batch[failedAt]] = new LineCounts(0, 0, 0, Known: false);
            foreach (var sha in batch.Skip(failedAt + 1).Where(sha => !counts.ContainsKey(sha)))
            {
                pending.Enqueue(sha);
            }
        }

        return counts;
    }

    /// <summary>
    /// <c>--since</c> as a date git reads whatever it is (a bare number of seconds before 1973 is not read as a
    /// time); before 1970, where git keeps no commits, everything.
    /// </summary>
    private static string SinceArgument(DateTimeOffset since) => since.ToUnixTimeSeconds() <= 0
        ? "--since=1970-01-01 00:00:01 +0000"
        : "--since=" + since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    private static string BranchName(string reference)
    {
        foreach (var prefix in (string[])["refs/heads/", "refs/remotes/origin/", "refs/remotes/"])
        {
            if (reference.StartsWith(prefix, StringComparison.Ordinal))
            {
                return reference[prefix.Length..];
            }
        }

        return reference;
    }
}
