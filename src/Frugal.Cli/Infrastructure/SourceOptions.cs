using Frugal.Domain.Usage;
using Frugal.Sources.Discovery;

namespace Frugal.Cli.Infrastructure;

/// <summary>Turns <c>--source</c> values into folders, or falls back to the default places.</summary>
internal static class SourceOptions
{
    private static readonly string[] Known = [SourceNames.ClaudeCode, SourceNames.Codex];

    /// <summary>The folders to import from; every <c>--source</c> value is checked before any is used.</summary>
    public static IReadOnlyList<SourceRoot> Resolve(string[]? values)
    {
        if (values is null || values.Length == 0)
        {
            return SourceLocator.ForCurrentUser().Defaults();
        }

        var roots = new List<SourceRoot>();
        var problems = new UsageProblems();
        foreach (var value in values)
        {
            roots.AddRange(problems.Check(() => Resolve(value)) ?? []);
        }

        problems.ThrowIfAny();
        return roots;
    }

    private static IReadOnlyList<SourceRoot> Resolve(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        var name = equals > 0 ? value[..equals].Trim() : string.Empty;
        var path = equals > 0 ? value[(equals + 1)..].Trim() : string.Empty;
        if (name.Length == 0 || path.Length == 0)
        {
            throw CliError.BadSource(value);
        }

        if (!Known.Contains(name))
        {
            throw CliError.UnknownSource(name);
        }

        if (File.Exists(path))
        {
            throw CliError.SourceIsAFile(name, path);
        }

        return Directory.Exists(path)
            ? SourceLocator.Explicit(name, path)
            : throw CliError.MissingSourceFolder(name, path);
    }
}
