using System.Text;
using Frugal.Sources.Git;

namespace Frugal.Sources.Prompts.Lint;

/// <summary>
/// What git knows about one prompt file: its text as last committed before the version on disk, who approved the
/// commits that changed it (<c>Reviewed-by:</c> and <c>Approved-by:</c> trailers), and the repository's CODEOWNERS.
/// </summary>
/// <param name="PreviousText">
/// The file's previous committed text: the last commit's when the file on disk differs from it, else the one
/// before; null when there is none (a new file).
/// </param>
/// <param name="Approvals">The values of every approving trailer of the commits that changed the file.</param>
/// <param name="CodeOwners">Every owner CODEOWNERS names, without the leading <c>@</c>; empty without one.</param>
public sealed record PromptHistory(
    string? PreviousText, IReadOnlyList<string> Approvals, IReadOnlyList<string> CodeOwners)
{
    /// <summary>Where GitHub looks for CODEOWNERS, in its order (the first found is used).</summary>
    public static IReadOnlyList<string> CodeOwnersPaths { get; } =
        [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

    private static readonly string[] TrailerKeys = ["Reviewed-by:", "Approved-by:"];

    /// <summary>
    /// Whether the repository is a shallow clone, whose history stops at a boundary commit that seems to add every
    /// file: the previous version and older approvals are then not there to read.
    /// </summary>
    public bool IsShallow { get; init; }

    /// <summary>Reads the history of <paramref name="path"/>.</summary>
    /// <exception cref="GitException">The file is in no git repository, or git failed.</exception>
    public static PromptHistory Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var root = GitRepository.FindRoot(folder)
            ?? throw new GitException($"{path} is not in a git repository: leave out --git, or lint a clone");
        var git = new GitProcess(root);
        var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
        // A file name is a name, not a pattern: prompts/[a].prompt.yml must not match prompts/a.prompt.yml.
        var log = git.Run(["--literal-pathspecs", "log", "-z", "--format=%H%x1f%B", "--", relative]);
        var commits = log.ExitCode == 0 ? Commits(log.Stdout) : [];
        var approvals = commits.SelectMany(c => Trailers(c.Message)).ToList();
        string? previous = null;
        if (commits.Count > 0)
        {
            // Blob ids, not text: a BOM, or line ends that core.autocrlf converts, make the text on disk differ
            // from the commit it was checked out of; hash-object applies the same conversion git applied.
            var committed = Blob(git, commits[0].Sha, relative);
            var unchanged = committed is not null && committed == BlobOnDisk(git, relative);
            previous = !unchanged ? Show(git, commits[0].Sha, relative)
                : commits.Count > 1 ? Show(git, commits[1].Sha, relative) : null;
        }

        var shallow = git.Run(["rev-parse", "--is-shallow-repository"]);
        return new PromptHistory(previous, approvals, ReadCodeOwners(root))
        {
            IsShallow = shallow.ExitCode == 0 && Encoding.UTF8.GetString(shallow.Stdout).Trim() == "true",
        };
    }

    /// <summary>
    /// Whether <paramref name="reviewer"/> (a handle, <c>@</c> optional) is a code owner or approved a change: an
    /// owner equal to it, or a trailer whose whole value, name, e-mail address or its local part equals it, letter
    /// case ignored.
    /// </summary>
    public (bool Owner, bool Approved) Check(string reviewer)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        var handle = reviewer.Trim().TrimStart('@');
        var owner = CodeOwners.Any(o => string.Equals(o, handle, StringComparison.OrdinalIgnoreCase));
        var approved = Approvals.SelectMany(Names)
            .Any(n => string.Equals(n, handle, StringComparison.OrdinalIgnoreCase));
        return (owner, approved);
    }

    private static IEnumerable<string> Names(string trailer)
    {
        yield return trailer.TrimStart('@');
        var open = trailer.IndexOf('<', StringComparison.Ordinal);
        var close = trailer.IndexOf('>', StringComparison.Ordinal);
        if (open < 0 || close < open)
        {
            yield break;
        }

        yield return trailer[..open].Trim();
        var email = trailer[(open + 1)..close].Trim();
        yield return email;
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            yield return email[..at];
        }
    }

    private static List<(string Sha, string Message)> Commits(byte[] output)
    {
        var commits = new List<(string, string)>();
        foreach (var record in Encoding.UTF8.GetString(output).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var cut = record.IndexOf('\x1f', StringComparison.Ordinal);
            if (cut > 0)
            {
                commits.Add((record[..cut].Trim(), record[(cut + 1)..]));
            }
        }

        return commits;
    }

    private static IEnumerable<string> Trailers(string message) =>
        message.Split('\n')
            .Select(line => line.Trim())
            .Select(line => TrailerKeys.FirstOrDefault(k => line.StartsWith(k, StringComparison.OrdinalIgnoreCase))
                is { } key ? line[key.Length..].Trim() : string.Empty)
            .Where(value => value.Length > 0);

    /// <summary>The file's text at <paramref name="sha"/>, read as the file on disk is: a leading BOM dropped.</summary>
    private static string? Show(GitProcess git, string sha, string relative)
    {
        var output = git.Run(["show", "--end-of-options", $"{sha}:{relative}"]);
        if (output.ExitCode != 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(output.Stdout);
        return text.StartsWith('\uFEFF') ? text[1..] : text;
    }

    /// <summary>The id of the blob <paramref name="relative"/> has at <paramref name="sha"/>; null without one.</summary>
    private static string? Blob(GitProcess git, string sha, string relative)
    {
        var output = git.Run(["rev-parse", "--verify", "--quiet", "--end-of-options", $"{sha}:{relative}"]);
        return output.ExitCode == 0 ? Encoding.ASCII.GetString(output.Stdout).Trim() : null;
    }

    /// <summary>The id git would give the file on disk if it were added now, its filters applied.</summary>
    private static string? BlobOnDisk(GitProcess git, string relative)
    {
        var output = git.Run(["hash-object", "--", relative]);
        return output.ExitCode == 0 ? Encoding.ASCII.GetString(output.Stdout).Trim() : null;
    }

    private static List<string> ReadCodeOwners(string root)
    {
        var file = CodeOwnersPaths.Select(p => Path.Combine(root, p)).FirstOrDefault(File.Exists);
        if (file is null)
        {
            return [];
        }

        var owners = new List<string>();
        foreach (var raw in File.ReadLines(file))
        {
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = hash >= 0 ? raw[..hash] : raw;
            var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            owners.AddRange(parts.Skip(1).Select(o => o.TrimStart('@')));
        }

        return owners;
    }
}
