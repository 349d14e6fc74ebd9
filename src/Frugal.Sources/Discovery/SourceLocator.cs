using Frugal.Domain.Usage;

namespace Frugal.Sources.Discovery;

/// <summary>
/// Finds where Claude Code and Codex keep their logs: Claude Code under <c>~/.config/claude/projects</c> and
/// <c>~/.claude/projects</c>, or under each entry of a comma-separated <c>CLAUDE_CONFIG_DIR</c> (which replaces the
/// defaults); Codex under <c>sessions</c> and <c>archived_sessions</c> of <c>CODEX_HOME</c> (default <c>~/.codex</c>).
/// </summary>
public sealed class SourceLocator
{
    private readonly Func<string, string?> _environment;
    private readonly string _home;

    /// <summary>
    /// Creates a locator reading variables through <paramref name="environment"/> with the given home folder.
    /// </summary>
    public SourceLocator(Func<string, string?> environment, string home)
    {
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        _home = home ?? throw new ArgumentNullException(nameof(home));
    }

    /// <summary>A locator over the process's own environment and home folder.</summary>
    public static SourceLocator ForCurrentUser() =>
        new(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The default folders of every source.</summary>
    public IReadOnlyList<SourceRoot> Defaults() => [.. ClaudeCode(), .. Codex()];

    /// <summary>The folders of one source given on the command line as <c>SOURCE=PATH</c>.</summary>
    public static IReadOnlyList<SourceRoot> Explicit(string source, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var origin = $"--source {source}={path}";
        return source switch
        {
            SourceNames.ClaudeCode => [ClaudeProjects(full, origin)],
            SourceNames.Codex => CodexFolders(full, origin),
            _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown source."),
        };
    }

    /// <summary>Claude Code's folders.</summary>
    public IReadOnlyList<SourceRoot> ClaudeCode()
    {
        var configured = _environment("CLAUDE_CONFIG_DIR");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(entry => ClaudeProjects(Path.GetFullPath(ExpandHome(entry)), "CLAUDE_CONFIG_DIR"))
                .ToArray();
        }

        var xdg = _environment("XDG_CONFIG_HOME");
        var configHome = string.IsNullOrWhiteSpace(xdg) ? Path.Combine(_home, ".config") : xdg;
        return
        [
            new SourceRoot(SourceNames.ClaudeCode, Path.Combine(configHome, "claude", "projects"), "default"),
            new SourceRoot(SourceNames.ClaudeCode, Path.Combine(_home, ".claude", "projects"), "default"),
        ];
    }

    /// <summary>Codex's folders.</summary>
    public IReadOnlyList<SourceRoot> Codex()
    {
        var configured = _environment("CODEX_HOME");
        return string.IsNullOrWhiteSpace(configured)
            ? CodexFolders(Path.Combine(_home, ".codex"), "default")
            : CodexFolders(Path.GetFullPath(ExpandHome(configured)), "CODEX_HOME");
    }

    private static SourceRoot ClaudeProjects(string folder, string origin)
    {
        var projects = Path.Combine(folder, "projects");
        var isProjectsFolder = Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar)) == "projects";
        var chosen = Directory.Exists(projects) || !isProjectsFolder && !Directory.Exists(folder) ? projects : folder;
        return new SourceRoot(SourceNames.ClaudeCode, chosen, origin);
    }

    private static IReadOnlyList<SourceRoot> CodexFolders(string home, string origin)
    {
        var sessions = Path.Combine(home, "sessions");
        var archived = Path.Combine(home, "archived_sessions");
        if (!Directory.Exists(sessions) && !Directory.Exists(archived)
            && origin.StartsWith("--source", StringComparison.Ordinal))
        {
            return [new SourceRoot(SourceNames.Codex, home, origin)];
        }

        return
        [
            new SourceRoot(SourceNames.Codex, sessions, origin),
            new SourceRoot(SourceNames.Codex, archived, origin),
        ];
    }

    private string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal) ? _home + path[1..] : path;
}
