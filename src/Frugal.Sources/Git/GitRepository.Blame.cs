using System.Globalization;
using Frugal.Domain.Outcomes;

namespace Frugal.Sources.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// Finds the commits that introduced what <paramref name="fix"/> repaired, by SZZ: diff the fix against its
    /// first parent ignoring whitespace, then <c>git blame -w</c> the deleted and changed code lines in that parent.
    /// Boundary commits of a shallow clone are not candidates (nor, there, the repository's first commit).
    /// Filtering merges and formatting commits is left to the caller, which knows those commits.
    /// </summary>
    public FixBlame BlameFix(CommitInfo fix)
    {
        ArgumentNullException.ThrowIfNull(fix);
        var candidates = new Dictionary<string, int>(StringComparer.Ordinal);
        if (fix.Parents.Count == 0)
        {
            return new FixBlame(fix.Sha, candidates, 0, null);
        }

        var parent = fix.Parents[0];
        var diff = _git.Run(["diff", "-U0", "-w", "--no-color", "--no-ext-diff", "-M", parent, fix.Sha, "--"]);
        if (diff.ExitCode != 0)
        {
            return new FixBlame(fix.Sha, candidates, 0, FirstLine(diff.Stderr));
        }

        var blamed = 0;
        string? problem = null;
        foreach (var (path, lines) in FixDiff.DeletedLines(diff.Stdout))
        {
            // --root lets the first commit be blamed; in a shallow clone the commits at its edge look like roots,
            // and must stay boundaries, since the lines they seem to write came from history that is not there.
            List<string> arguments = IsShallow
                ? ["blame", "-w", "--porcelain"]
                : ["blame", "-w", "--root", "--porcelain"];
            foreach (var (start, count) in FixDiff.Ranges(lines))
            {
                arguments.Add("-L");
                arguments.Add(string.Create(CultureInfo.InvariantCulture, $"{start},+{count}"));
            }

            arguments.AddRange([parent, "--", path]);
            var blame = _git.Run(arguments);
            if (blame.ExitCode != 0)
            {
                problem ??= FirstLine(blame.Stderr);
                continue;
            }

            blamed += BlamePorcelain.Count(blame.Stdout, candidates);
        }

        return new FixBlame(fix.Sha, candidates, blamed, problem);
    }

    private static string FirstLine(string text) => text.Trim().Split('\n', 2)[0];
}
