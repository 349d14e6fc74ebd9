using System.IO.Enumeration;

namespace Frugal.Sources.Prompts;

/// <summary>
/// Which files are prompt files, and how a folder is searched for them: the one rule <c>prompt lint</c> and
/// <c>prompt test</c> both follow, so that the lint checks every file the test runs.
/// </summary>
public static class PromptFileSearch
{
    /// <summary>The endings of a prompt file's name.</summary>
    public static IReadOnlyList<string> Endings { get; } = [".prompt.yml", ".prompt.yaml"];

    /// <summary>
    /// Whether <paramref name="name"/> ends like a prompt file, in any letter case: <c>Triage.Prompt.YML</c> is
    /// plainly meant as one, gh-models runs it, and on macOS and Windows it is the same name anyway.
    /// </summary>
    public static bool IsPromptFile(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Endings.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Every prompt file below <paramref name="folder"/>, paths starting as <paramref name="folder"/> is given,
    /// sorted by their text. A link to a file is a file and is included; a link to a folder is not followed, as a
    /// link loop would repeat files forever. Folders that cannot be read are passed over.
    /// </summary>
    public static IReadOnlyList<string> Find(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = 0,
        };
        var files = new FileSystemEnumerable<string>(folder, (ref FileSystemEntry e) => e.ToSpecifiedFullPath(),
            options)
        {
            // IsDirectory is true for a link to a folder too, so such a link is neither a file nor recursed into.
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory && IsPromptFile(e.FileName.ToString()),
            ShouldRecursePredicate = (ref FileSystemEntry e) => !e.Attributes.HasFlag(FileAttributes.ReparsePoint),
        };
        return [.. files.Order(StringComparer.Ordinal)];
    }
}
