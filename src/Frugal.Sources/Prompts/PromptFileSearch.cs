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
    /// link loop would repeat files forever. Folders that cannot be read are passed over, and so are build output
    /// and tool folders (<c>bin</c>, <c>obj</c>, <c>node_modules</c>, <c>.git</c>), which hold copies, not sources.
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
            ShouldRecursePredicate = (ref FileSystemEntry e) => !e.Attributes.HasFlag(FileAttributes.ReparsePoint)
                && e.FileName is not ("bin" or "obj" or "node_modules" or ".git"),
        };
        return [.. files.Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The files <paramref name="paths"/> name and the prompt files below the folders they name (each folder's
    /// sorted), each file once however often it is named (as <c>x</c> and <c>./x</c> too); with no path given,
    /// <paramref name="defaultPath"/>. A path that is missing, a folder without a prompt file and a name that is not
    /// UTF-8 are problems, all of them told at once, so that a run that reads nothing does not pass;
    /// <paramref name="verb"/> (<c>lint</c>, <c>test</c>) is what the caller does with the files, for the messages.
    /// </summary>
    public static PromptFileSelection Resolve(IReadOnlyList<string> paths, string defaultPath, string verb)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var defaulted = paths.Count == 0;
        var files = new List<string>();
        var problems = new List<string>();
        foreach (var path in defaulted ? [defaultPath] : paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = Find(path);
                if (found.Count == 0)
                {
                    problems.Add(!defaulted ? $"{path} holds no *.prompt.yml or *.prompt.yaml file."
                        : "there is no *.prompt.yml or *.prompt.yaml file in "
                            + $"{(path == "." ? "this folder" : path + "/")} or below: pass the prompt files or "
                            + $"folders to {verb}.");
                }

                files.AddRange(found);
            }
            else
            {
                problems.Add(defaulted
                    ? $"there is no {defaultPath}/ folder here: pass the prompt files or folders to {verb}."
                    : path.Contains('\uFFFD', StringComparison.Ordinal) ? $"{path} {NotUtf8}."
                    : $"{path}: no such file or folder; give prompt files or folders holding them.");
            }
        }

        return new PromptFileSelection([.. files.DistinctBy(Path.GetFullPath, StringComparer.Ordinal)], problems);
    }

    /// <summary>
    /// Why <paramref name="path"/>, a file named or found, is not to be opened, or null when it can be read: a name
    /// that is not valid UTF-8 (the name a folder listing gives cannot open it), a link that leads nowhere, or a file
    /// that is empty or is not a regular file. Nothing is opened to tell: opening a FIFO waits for a writer forever.
    /// </summary>
    /// <remarks>
    /// Limitation: .NET does not say whether a file is a FIFO, socket or device, but those report a size of 0, so a
    /// size of 0 is the test; an empty regular file is refused with them, and has nothing to lint or run anyway.
    /// </remarks>
    public static string? WhyNotRead(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = new FileInfo(path);
        if (!file.Exists && file.LinkTarget is null)
        {
            return path.Contains('\uFFFD', StringComparison.Ordinal) ? NotUtf8 : null;
        }

        FileSystemInfo target;
        try
        {
            target = file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true) ?? file;
        }
        catch (IOException e)
        {
            return $"is a link that cannot be followed ({e.Message.TrimEnd('.')}): fix the link or remove it";
        }

        return !target.Exists ? $"is a link to {file.LinkTarget}, which does not exist: fix the link or remove it"
            : target is FileInfo { Length: 0 } ? NotRegular
            : null;
    }

    /// <summary>Why a name that is not UTF-8 is not read.</summary>
    public static string NotUtf8 =>
        "has a name that is not valid UTF-8, and files are opened only by UTF-8 names: rename it";

    private static string NotRegular =>
        "is empty, or is not a regular file (a FIFO, socket or device, whose reading could wait forever), so it was "
        + "not read: a prompt file is a regular file holding YAML";
}

/// <summary>What <see cref="PromptFileSearch.Resolve"/> found.</summary>
/// <param name="Files">The files, each once, in the order the paths name them.</param>
/// <param name="Problems">
/// What is wrong with the paths, each a sentence; none when all of them name prompt files.
/// </param>
public sealed record PromptFileSelection(IReadOnlyList<string> Files, IReadOnlyList<string> Problems);
