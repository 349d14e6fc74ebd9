using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Frugal.Sources.Tests.Git;

/// <summary>
/// A real git repository in a temporary folder, built commit by commit with the dates, authors and messages a
/// test chooses: the same git the audit reads, nothing mocked.
/// </summary>
internal sealed class TestRepository : IDisposable
{
    public static readonly (string Name, string Email) Alice = ("Alice Example", "alice@example.org");
    public static readonly (string Name, string Email) Bob = ("Bob Example", "bob@example.org");
    public static readonly (string Name, string Email) GitHub = ("GitHub", "noreply@github.com");

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("frugal-git-tests-");

    public TestRepository(string defaultBranch = "main")
    {
        Path = System.IO.Path.Combine(_directory.FullName, "repo");
        Directory.CreateDirectory(Path);
        Git("init", "-q", "-b", defaultBranch);
        Git("config", "commit.gpgsign", "false");
        Git("config", "user.name", Alice.Name);
        Git("config", "user.email", Alice.Email);
    }

    /// <summary>The work tree.</summary>
    public string Path { get; }

    /// <summary>The folder the repository sits in (for clones beside it).</summary>
    public string Parent => _directory.FullName;

    /// <summary>Writes the files and commits them; returns the new commit's id.</summary>
    public string Commit(
        string message, DateTimeOffset when, (string Name, string Email)? author = null,
        (string Name, string Email)? committer = null, params (string Path, string Text)[] files)
    {
        foreach (var (file, text) in files)
        {
            var full = System.IO.Path.Combine(Path, file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
            Git("add", "--", file);
        }

        GitAs(["commit", "-q", "--allow-empty", "--cleanup=verbatim", "-m", message], when, author, committer);
        return Head();
    }

    /// <summary>
    /// Creates <paramref name="name"/> at the current commit (or <paramref name="from"/>) and checks it out.
    /// </summary>
    public void Branch(string name, string? from = null)
    {
        if (from is null)
        {
            Git("checkout", "-q", "-b", name);
        }
        else
        {
            Git("checkout", "-q", "-b", name, from);
        }
    }

    public void Checkout(string name) => Git("checkout", "-q", name);

    /// <summary>A merge commit of <paramref name="branch"/> into the branch checked out (never fast-forward).</summary>
    public string Merge(
        string branch, string message, DateTimeOffset when, (string Name, string Email)? author = null,
        (string Name, string Email)? committer = null)
    {
        GitAs(["merge", "-q", "--no-ff", "--cleanup=verbatim", "-m", message, branch], when, author, committer);
        return Head();
    }

    /// <summary>A squash merge of <paramref name="branch"/>: one new commit with the branch's changes.</summary>
    public string SquashMerge(
        string branch, string message, DateTimeOffset when, (string Name, string Email)? author = null,
        (string Name, string Email)? committer = null)
    {
        Git("merge", "-q", "--squash", branch);
        GitAs(["commit", "-q", "--cleanup=verbatim", "-m", message], when, author, committer);
        return Head();
    }

    public string Head() => Git("rev-parse", "HEAD").Trim();

    /// <summary>Runs git in the repository and returns its output; fails the test when git fails.</summary>
    public string Git(params string[] arguments) => Run(arguments, null);

    private void GitAs(
        string[] arguments, DateTimeOffset when, (string Name, string Email)? author,
        (string Name, string Email)? committer)
    {
        var a = author ?? Alice;
        var c = committer ?? a;
        var date = when.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        Run(arguments, new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = a.Name, ["GIT_AUTHOR_EMAIL"] = a.Email, ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_NAME"] = c.Name, ["GIT_COMMITTER_EMAIL"] = c.Email, ["GIT_COMMITTER_DATE"] = date,
        });
    }

    private string Run(string[] arguments, Dictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["HOME"] = _directory.FullName;
        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {errors.Result}");
        }

        return output;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
