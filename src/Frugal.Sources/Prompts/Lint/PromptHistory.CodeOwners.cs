using System.Text.RegularExpressions;

namespace Frugal.Sources.Prompts.Lint;

public sealed partial record PromptHistory
{
    /// <summary>Every owner the repository's CODEOWNERS names, in its order; empty without one.</summary>
    private static List<string> ReadCodeOwners(string root)
    {
        var file = CodeOwnersPaths.Select(p => Path.Combine(root, p)).FirstOrDefault(File.Exists);
        return file is null ? [] : [.. File.ReadLines(file).SelectMany(LineOwners)];
    }

    /// <summary>
    /// The owners one CODEOWNERS line names, without their <c>@</c>, read as GitHub reads the line: a path pattern
    /// (a backslash keeps the next character in it, so <c>docs/my\ notes.md</c> is one path), then owners separated
    /// by white space, up to a <c>#</c> that starts a comment (an escaped <c>\#</c> is a <c>#</c> in the path). An
    /// owner that is no <c>@user</c>, <c>@org/team</c> or e-mail address makes the line invalid, and GitHub skips the
    /// whole line: so does this.
    /// </summary>
    private static IEnumerable<string> LineOwners(string line)
    {
        // An escaped #, as in docs/\#notes.md, is part of the path, not a comment.
        var hash = 0;
        while (hash < line.Length && line[hash] != '#')
        {
            hash += line[hash] == '\\' ? 2 : 1;
        }

        var text = line[..Math.Min(hash, line.Length)].Trim();
        var end = 0;
        while (end < text.Length && text[end] is not (' ' or '\t'))
        {
            end += text[end] == '\\' ? 2 : 1;
        }

        var owners = text[Math.Min(end, text.Length)..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return end == 0 || !owners.All(o => Owner().IsMatch(o)) ? [] : owners.Select(o => o.TrimStart('@'));
    }

    [GeneratedRegex(@"^(@[A-Za-z0-9_-]+(/[A-Za-z0-9_.-]+)?|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})$")]
    private static partial Regex Owner();
}
