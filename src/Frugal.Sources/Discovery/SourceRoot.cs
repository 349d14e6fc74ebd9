namespace Frugal.Sources.Discovery;

/// <summary>A folder a source's logs are read from, with how Frugal came to look there.</summary>
/// <param name="Source">The source (<c>claude-code</c> or <c>codex</c>).</param>
/// <param name="Path">The folder whose <c>*.jsonl</c> files are read, recursively.</param>
/// <param name="Origin">How the folder was chosen: a default, an environment variable, or <c>--source</c>.</param>
public sealed record SourceRoot(string Source, string Path, string Origin)
{
    /// <summary>Whether the folder exists now.</summary>
    public bool Exists => Directory.Exists(Path);

    /// <summary>Every <c>*.jsonl</c> file below the folder; links are not followed.</summary>
    public IEnumerable<FileInfo> Files() => Files(_ => { });

    /// <summary>
    /// Every <c>*.jsonl</c> file below the folder, telling <paramref name="passedOver"/> about each link not followed
    /// and each folder that could not be read, so that nothing is left out unsaid.
    /// </summary>
    /// <remarks>
    /// Each file comes with the size and write time read while listing its folder, so they are not read twice.
    /// </remarks>
    public IEnumerable<FileInfo> Files(Action<PassedOver> passedOver)
    {
        ArgumentNullException.ThrowIfNull(passedOver);
        if (!Exists)
        {
            yield break;
        }

        var folders = new Stack<string>([Path]);
        while (folders.Count > 0)
        {
            var folder = folders.Pop();
            foreach (var entry in Entries(folder, passedOver))
            {
                if (!entry.Exists)
                {
                    // Gone since the listing, or a name that is not valid UTF-8 and so cannot be opened by name.
                    passedOver(new PassedOver(
                        entry.FullName, "cannot be opened (gone, or its name is not valid UTF-8)"));
                }
                else if (entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    passedOver(new PassedOver(entry.FullName, "a link, not followed"));
                }
                else if (entry.Attributes.HasFlag(FileAttributes.Directory))
                {
                    folders.Push(entry.FullName);
                }
                else if (entry is FileInfo file && file.Name.EndsWith(".jsonl", StringComparison.Ordinal))
                {
                    yield return file;
                }
            }
        }
    }

    private static FileSystemInfo[] Entries(string folder, Action<PassedOver> passedOver)
    {
        try
        {
            return new DirectoryInfo(folder).GetFileSystemInfos();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            passedOver(new PassedOver(folder, $"folder cannot be read ({e.Message})"));
            return [];
        }
    }
}
