using System.Globalization;
using System.Text;

namespace Frugal.Sources.Git;

/// <summary>
/// One git repository read through the <c>git</c> executable: its default branch, commits, line counts and the
/// blame that finds bug-introducing commits. Works on work trees, bare mirrors and shallow clones.
/// </summary>
public sealed partial class GitRepository
{
    private readonly GitProcess _git;

    private GitRepository(string root, bool bare, bool shallow)
    {
        Root = root;
        IsBare = bare;
        IsShallow = shallow;
        _git = new GitProcess(root);
    }

    /// <summary>The top of the work tree, or the git directory of a bare repository.</summary>
    public string Root { get; }

    /// <summary>Whether the repository has no work tree (a mirror).</summary>
    public bool IsBare { get; }

    /// <summary>Whether history stops at a shallow boundary, so older commits are not there to read.</summary>
    public bool IsShallow { get; }

    /// <summary>
    /// Opens the repository that holds <paramref name="path"/>, failing with a message that says what to pass when
    /// the path is not in a repository.
    /// </summary>
    public static GitRepository Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            throw new GitException($"{path} is a file; pass --repo with the folder of a git repository.");
        }

        if (!System.IO.Directory.Exists(path))
        {
            throw new GitException($"{path} does not exist; pass --repo with the path of a git repository.");
        }

        // --show-toplevel fails in a bare repository, so it is asked only once the repository is known to have a
        // work tree.
        var probe = new GitProcess(path);
        var output = probe.Run(["rev-parse", "--is-bare-repository", "--is-shallow-repository", "--absolute-git-dir"]);
        var lines = Encoding.UTF8.GetString(output.Stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (output.ExitCode != 0 || lines.Length < 3)
        {
            throw new GitException($"{path} is not inside a git repository; pass --repo with a repository's path.");
        }

        var bare = lines[0] == "true";
        var root = lines[2];
        if (!bare)
        {
            var top = probe.Run(["rev-parse", "--show-toplevel"]);
            var text = Encoding.UTF8.GetString(top.Stdout).Trim();
            root = top.ExitCode == 0 && text.Length > 0 ? text : root;
        }

        return new GitRepository(Path.GetFullPath(root), bare, lines[1] == "true");
    }

    /// <summary>Whether the git executable can be run: it is on PATH and starts.</summary>
    public static bool IsInstalled()
    {
        try
        {
            return new GitProcess(AppContext.BaseDirectory).Run(["--version"]).ExitCode == 0;
        }
        catch (GitException)
        {
            return false;
        }
    }

    /// <summary>
    /// The top of the repository that holds <paramref name="directory"/>, or null when it is in none or no longer
    /// exists (a session's working directory may have been deleted since).
    /// </summary>
    public static string? FindRoot(string directory)
    {
        if (string.IsNullOrEmpty(directory) || !System.IO.Directory.Exists(directory))
        {
            return null;
        }

        var output = new GitProcess(directory).Run(["rev-parse", "--show-toplevel"]);
        var root = Encoding.UTF8.GetString(output.Stdout).Trim();
        return output.ExitCode == 0 && root.Length > 0 ? Path.GetFullPath(root) : null;
    }

    /// <summary>
    /// The default branch: what <c>origin/HEAD</c> points at (it follows a rename on the server), else the
    /// <c>HEAD</c> of a bare mirror, else the first of <c>main</c>, <c>master</c> and <c>trunk</c> that exists,
    /// else the branch checked out.
    /// </summary>
    public DefaultBranch FindDefaultBranch()
    {
        var origin = _git.Run(["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"]);
        if (origin.ExitCode == 0)
        {
            var target = Encoding.UTF8.GetString(origin.Stdout).Trim();
            if (Resolves(target))
            {
                return new DefaultBranch(target["refs/remotes/origin/".Length..], target, "origin/HEAD");
            }
        }

        if (IsBare && SymbolicHead() is { } mirrored && Resolves(mirrored))
        {
            return new DefaultBranch(ShortName(mirrored), mirrored, "HEAD of the mirror");
        }

        foreach (var name in (string[])["main", "master", "trunk"])
        {
            foreach (var candidate in (string[])[$"refs/remotes/origin/{name}", $"refs/heads/{name}"])
            {
                if (Resolves(candidate))
                {
                    return new DefaultBranch(name, candidate, "name");
                }
            }
        }

        if (SymbolicHead() is { } head && Resolves(head))
        {
            return new DefaultBranch(ShortName(head), head, "the branch checked out");
        }

        throw new GitException(
            $"{Root} has no default branch (no origin/HEAD, main, master or trunk) and no commits checked out.");
    }

    /// <summary>The full id of the commit <paramref name="revision"/> names, or null when it names none.</summary>
    public string? ResolveCommit(string revision)
    {
        var output = _git.Run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"]);
        var sha = Encoding.ASCII.GetString(output.Stdout).Trim();
        return output.ExitCode == 0 && sha.Length >= 40 ? sha : null;
    }

    /// <summary>
    /// What makes two folders the same history (worktrees of one repository, clones of one project): the root
    /// commits <paramref name="revision"/> grows from, joined; and when its newest commit was made, to prefer the
    /// most up-to-date copy.
    /// </summary>
    public (string History, DateTimeOffset Tip) Identity(string revision)
    {
        var roots = Encoding.ASCII.GetString(
            _git.RunChecked(["rev-list", "--max-parents=0", "--end-of-options", revision, "--"]));
        var tip = Encoding.ASCII.GetString(
            _git.RunChecked(["log", "-1", "--format=%ct", "--end-of-options", revision, "--"])).Trim();
        var seconds = long.TryParse(tip, CultureInfo.InvariantCulture, out var value) ? value : 0;
        var history = string.Join(
            ' ', roots.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        return (history, DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    /// <summary>
    /// The full commit id each of <paramref name="revisions"/> names, in one git process; a revision that names no
    /// commit is left out.
    /// </summary>
    public Dictionary<string, string> ResolveCommits(IReadOnlyCollection<string> revisions)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        var asked = revisions
            .Where(r => r.Length > 0 && !r.Contains('\n', StringComparison.Ordinal))
            .Distinct()
            .ToList();
        if (asked.Count == 0)
        {
            return resolved;
        }

        var output = _git.Run(
            ["cat-file", "--batch-check=%(objectname) %(objecttype)"],
            string.Concat(asked.Select(r => r + "^{commit}\n")));
        var lines = Encoding.UTF8.GetString(output.Stdout).Split('\n');
        for (var i = 0; i < asked.Count && i < lines.Length; i++)
        {
            var parts = lines[i].Split(' ');
            if (parts.Length == 2 && parts[1] == "commit" && parts[0].Length >= 40)
            {
                resolved[asked[i]] = parts[0];
            }
        }

        return resolved;
    }

    /// <summary>
    /// The text of <paramref name="path"/> as <paramref name="revision"/> has it, or null when absent.
    /// </summary>
    public string? ReadFile(string revision, string path)
    {
        var output = _git.Run(["show", "--end-of-options", $"{revision}:{path}"]);
        return output.ExitCode == 0 ? CommitLog.Text(output.Stdout) : null;
    }

    private bool Resolves(string revision) => ResolveCommit(revision) is not null;

    private string? SymbolicHead()
    {
        var output = _git.Run(["symbolic-ref", "--quiet", "HEAD"]);
        return output.ExitCode == 0 ? Encoding.UTF8.GetString(output.Stdout).Trim() : null;
    }

    private static string ShortName(string reference) =>
        reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference["refs/heads/".Length..] : reference;
}
