using System.Text;
using Frugal.Sources.Git;

namespace Frugal.Sources.Prompts.Lint;

public sealed partial record PromptHistory
{
    /// <summary>
    /// Each commit's id, its short id, then the values of its approving trailers, as git parses trailers (the block
    /// of <c>Key: value</c> lines that ends a message, folded lines unfolded), keys in any letter case.
    /// </summary>
    private const string TrailersFormat =
        "--format=%H%x1f%h%x1f%(trailers:key=Reviewed-by,key=Approved-by,valueonly,unfold,separator=%x1f)";

    /// <summary>
    /// Every commit that changed the file, newest first, following renames (<c>git log --follow</c>), each with the
    /// path the file had in it (null in a commit that deleted it).
    /// </summary>
    private static List<Change> Changes(GitProcess git, string path)
    {
        // A file name is a name, not a pattern: prompts/[a].prompt.yml must not match prompts/a.prompt.yml. A
        // rename is followed to the commits before it, which approved the same text under its old name.
        var log = git.Run(
            ["--literal-pathspecs", "log", "--follow", "-z", "--name-status", TrailersFormat, "--", path]);
        var changes = new List<Change>();
        if (log.ExitCode != 0)
        {
            return changes;
        }

        // With -z each commit is "SHA\x1fSHORT\x1fTRAILER\x1fTRAILER...", then "\nSTATUS", then its path, or two
        // (old, new) for a rename or copy.
        var tokens = Encoding.UTF8.GetString(log.Stdout).Split('\0');
        var older = path;
        for (var i = 0; i < tokens.Length; i++)
        {
            var cut = tokens[i].IndexOf('\x1f', StringComparison.Ordinal);
            if (cut <= 0)
            {
                continue;
            }

            var sha = tokens[i][..cut];
            var fields = tokens[i][(cut + 1)..].Split('\x1f');
            var approvals = fields[1..].Select(f => f.Trim()).Where(f => f.Length > 0).ToArray();
            var status = i + 1 < tokens.Length ? tokens[i + 1].TrimStart('\n') : string.Empty;
            string? at = older;
            if (status.StartsWith('C') && i + 3 < tokens.Length)
            {
                // --follow also follows copies, but a copy is a new file: the source's history and approvals are
                // another file's, so they end here.
                changes.Add(new Change(sha, fields[0], tokens[i + 3], approvals));
                break;
            }

            if (status.StartsWith('R') && i + 3 < tokens.Length)
            {
                (at, older) = (tokens[i + 3], tokens[i + 2]);
                i += 3;
            }
            else if (status.Length > 0 && char.IsAsciiLetterUpper(status[0]) && i + 2 < tokens.Length)
            {
                older = tokens[i + 2];
                at = status[0] == 'D' ? null : older;
                i += 2;
            }

            changes.Add(new Change(sha, fields[0], at, approvals));
        }

        return changes;
    }

    /// <summary>
    /// The path <paramref name="relative"/> had in the last commit when it is a rename staged but not committed
    /// (<c>git mv</c>), else null.
    /// </summary>
    private static string? StagedRenameSource(GitProcess git, string relative)
    {
        var diff = git.Run(
            ["diff", "--cached", "--find-renames", "--diff-filter=R", "--name-status", "-z", "HEAD", "--"]);
        if (diff.ExitCode != 0)
        {
            return null;
        }

        // "R100", old path, new path; repeated.
        var tokens = Encoding.UTF8.GetString(diff.Stdout).Split('\0');
        for (var i = 0; i + 2 < tokens.Length; i += 3)
        {
            if (tokens[i + 2] == relative)
            {
                return tokens[i + 1];
            }
        }

        return null;
    }

    /// <summary>
    /// The file's committed texts, newest first: every commit's when the file on disk differs from the last, else
    /// every one before the last; a commit that deleted the file has none.
    /// </summary>
    private static List<PromptRevision> EarlierTexts(GitProcess git, List<Change> changes, string relative)
    {
        if (changes.Count == 0)
        {
            return [];
        }

        // Blob ids, not text: a BOM, or line ends that core.autocrlf converts, make the text on disk differ from the
        // commit it was checked out of; hash-object applies the same conversion git applied.
        var committed = Blob(git, changes[0]);
        var unchanged = committed is not null && committed == BlobOnDisk(git, relative);
        return
        [
            .. changes.Skip(unchanged ? 1 : 0)
                .Select(c => Show(git, c) is { } text ? new PromptRevision(c.Short, text) : null)
                .OfType<PromptRevision>(),
        ];
    }

    /// <summary>
    /// The file's text in <paramref name="change"/>, read as a file on disk is read: a leading BOM dropped.
    /// </summary>
    private static string? Show(GitProcess git, Change change)
    {
        if (change.Path is null)
        {
            return null;
        }

        var output = git.Run(["show", "--end-of-options", $"{change.Sha}:{change.Path}"]);
        if (output.ExitCode != 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(output.Stdout);
        return text.StartsWith('\uFEFF') ? text[1..] : text;
    }

    /// <summary>The id of the file's blob in <paramref name="change"/>; null without one.</summary>
    private static string? Blob(GitProcess git, Change change)
    {
        if (change.Path is null)
        {
            return null;
        }

        var output = git.Run(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", $"{change.Sha}:{change.Path}"]);
        return output.ExitCode == 0 ? Encoding.ASCII.GetString(output.Stdout).Trim() : null;
    }

    /// <summary>The id git would give the file on disk if it were added now, its filters applied.</summary>
    private static string? BlobOnDisk(GitProcess git, string relative)
    {
        var output = git.Run(["hash-object", "--", relative]);
        return output.ExitCode == 0 ? Encoding.ASCII.GetString(output.Stdout).Trim() : null;
    }

    /// <summary>One commit that changed the file.</summary>
    /// <param name="Sha">The commit.</param>
    /// <param name="Short">Its short id, as git abbreviates it.</param>
    /// <param name="Path">The file's path in it; null when the commit deleted it.</param>
    /// <param name="Approvals">The values of its approving trailers.</param>
    private sealed record Change(string Sha, string Short, string? Path, string[] Approvals);
}
