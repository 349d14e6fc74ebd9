namespace Frugal.Sources.Discovery;

/// <summary>A folder a source's logs are read from, with how Frugal came to look there.</summary>
/// <param name="Source">The source (<c>claude-code</c> or <c>codex</c>).</param>
/// <param name="Path">The folder whose <c>*.jsonl</c> files are read, recursively.</param>
/// <param name="Origin">How the folder was chosen: a default, an environment variable, or <c>--source</c>.</param>
public sealed record SourceRoot(string Source, string Path, string Origin)
{
    /// <summary>Whether the folder exists now.</summary>
    public bool Exists => Directory.Exists(Path);

    /// <summary>Every <c>*.jsonl</c> file below the folder, skipping links and folders that cannot be read.</summary>
    public IEnumerable<string> Files()
    {
        if (!Exists)
        {
            return [];
        }

        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            MatchCasing = MatchCasing.CaseSensitive,
        };
        return Directory.EnumerateFiles(Path, "*.jsonl", options);
    }
}
