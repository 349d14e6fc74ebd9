using System.Text;
using Frugal.Sources.Git;

namespace Frugal.Sources.Prompts.Lint;

/// <summary>
/// What git knows about one prompt file: its committed texts before the version on disk, who approved the
/// commits that changed it (<c>Reviewed-by:</c> and <c>Approved-by:</c> trailers), and the repository's CODEOWNERS.
/// Its history runs back through renames, committed or staged (<c>git mv</c>), but not through copies.
/// </summary>
/// <param name="Earlier">
/// The file's committed texts, newest first: every commit's that changed it when the file on disk differs from the
/// last, else every one before the last; empty for a new file.
/// </param>
/// <param name="Approvals">
/// The values of every approving git trailer (<c>Reviewed-by:</c>, <c>Approved-by:</c>) of the commits that changed
/// the file; a line that only looks like one in the body of a message is not a trailer.
/// </param>
/// <param name="CodeOwners">Every owner CODEOWNERS names, without the leading <c>@</c>; empty without one.</param>
public sealed partial record PromptHistory(
    IReadOnlyList<PromptRevision> Earlier, IReadOnlyList<string> Approvals, IReadOnlyList<string> CodeOwners)
{
    /// <summary>Where GitHub looks for CODEOWNERS, in its order (the first found is used).</summary>
    public static IReadOnlyList<string> CodeOwnersPaths { get; } =
        [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

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

        // A link to a file holds no text of its own: the text, and so the history, are the linked file's.
        if (File.ResolveLinkTarget(full, returnFinalTarget: true) is { Exists: true } target)
        {
            full = target.FullName;
        }

        var folder = Path.GetDirectoryName(full)!;
        var root = GitRepository.FindRoot(folder)
            ?? throw new GitException($"{path} is not in a git repository: leave out --git, or lint a clone");
        var git = new GitProcess(root);
        var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
        var changes = Changes(git, StagedRenameSource(git, relative) ?? relative);
        var approvals = changes.SelectMany(c => c.Approvals).ToList();
        var earlier = EarlierTexts(git, changes, relative);
        var shallow = git.Run(["rev-parse", "--is-shallow-repository"]);
        return new PromptHistory(earlier, approvals, ReadCodeOwners(root))
        {
            IsShallow = shallow.ExitCode == 0 && Encoding.UTF8.GetString(shallow.Stdout).Trim() == "true",
        };
    }

    /// <summary>
    /// Whether <paramref name="reviewer"/> (a handle, <c>@</c> optional, or an e-mail address) is a code owner or
    /// approved a change, letter case ignored: an owner equal to it, or a trailer whose value is it, whose name
    /// before the address is it, whose whole address is it, or whose address is its GitHub no-reply address
    /// (<c>handle@users.noreply.github.com</c> or <c>ID+handle@users.noreply.github.com</c>). The local part of any
    /// other address proves nothing: <c>bob@example.org</c> may be anyone.
    /// </summary>
    public (bool Owner, bool Approved) Check(string reviewer)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        var handle = ReviewerNames.Key(reviewer);
        var owner = CodeOwners.Any(o => Same(o, handle));
        var approved = Approvals.Any(a => Names(a, handle));
        return (owner, approved);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool Names(string trailer, string handle)
    {
        var value = trailer.Trim();
        if (Same(value.TrimStart('@'), handle))
        {
            return true;
        }

        var open = value.IndexOf('<', StringComparison.Ordinal);
        var close = value.LastIndexOf('>');
        if (open >= 0 && close > open && Same(value[..open].Trim(), handle))
        {
            return true;
        }

        var address = open >= 0 && close > open ? value[(open + 1)..close].Trim() : value;
        return Same(address, handle) || (NoReplyHandle(address) is { } owner && Same(owner, handle));
    }

    /// <summary>The handle of a GitHub no-reply address, with or without its numeric id; else null.</summary>
    private static string? NoReplyHandle(string address)
    {
        const string Domain = "@users.noreply.github.com";
        if (!address.EndsWith(Domain, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var local = address[..^Domain.Length];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0 && (plus == 0 || !local[..plus].All(char.IsAsciiDigit)))
        {
            return null;
        }

        var handle = local[(plus + 1)..];
        return handle.Length > 0 ? handle : null;
    }
}
