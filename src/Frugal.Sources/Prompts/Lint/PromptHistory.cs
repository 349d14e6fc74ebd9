using System.Text;
using Frugal.Sources.Git;

namespace Frugal.Sources.Prompts.Lint;

/// <summary>
/// What git knows about one prompt file: its text as last committed before the version on disk, who approved the
/// commits that changed it (<c>Reviewed-by:</c> and <c>Approved-by:</c> trailers), and the repository's CODEOWNERS.
/// Its history runs back through renames, committed or staged (<c>git mv</c>), but not through copies.
/// </summary>
/// <param name="PreviousText">
/// The file's previous committed text: the last commit's when the file on disk differs from it, else the one
/// before; null when there is none (a new file).
/// </param>
/// <param name="Approvals">The values of every approving trailer of the commits that changed the file.</param>
/// <param name="CodeOwners">Every owner CODEOWNERS names, without the leading <c>@</c>; empty without one.</param>
public sealed partial record PromptHistory(
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
        var changes = Changes(git, StagedRenameSource(git, relative) ?? relative);
        var approvals = changes.SelectMany(c => Trailers(c.Message)).ToList();
        var previous = Previous(git, changes, relative);
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

    private static IEnumerable<string> Trailers(string message) =>
        message.Split('\n')
            .Select(line => line.Trim())
            .Select(line => TrailerKeys.FirstOrDefault(k => line.StartsWith(k, StringComparison.OrdinalIgnoreCase))
                is { } key ? line[key.Length..].Trim() : string.Empty)
            .Where(value => value.Length > 0);

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
