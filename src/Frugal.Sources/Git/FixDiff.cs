using System.Text;

namespace Frugal.Sources.Git;

/// <summary>
/// Reads <c>git diff -U0</c> output into the old-side line numbers a change deleted or replaced, per old path,
/// leaving out lines that carry no code: blank lines, comment-only lines, and files that are documentation or
/// generated lock files.
/// </summary>
internal static class FixDiff
{
    private static readonly string[] SkippedSuffixes =
    [
        ".md", ".markdown", ".rst", ".txt", ".lock", "package-lock.json", "pnpm-lock.yaml", "yarn.lock",
        ".snap", ".svg", ".min.js", ".map",
    ];

    /// <summary>The deleted or replaced lines of each old path, in ascending order.</summary>
    public static Dictionary<string, List<int>> DeletedLines(ReadOnlySpan<byte> diff)
    {
        var result = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        string? path = null;
        var oldLine = 0;
        foreach (var range in diff.Split((byte)'\n'))
        {
            var line = diff[range];
            if (line.StartsWith("--- "u8))
            {
                path = OldPath(CommitLog.Text(line[4..]));
                continue;
            }

            if (line.StartsWith("@@ "u8))
            {
                oldLine = HunkStart(Encoding.ASCII.GetString(line));
                continue;
            }

            if (line.StartsWith("+++ "u8) || line.StartsWith("diff "u8) || line.IsEmpty || line[0] != (byte)'-')
            {
                continue;
            }

            if (path is not null && CarriesCode(path, CommitLog.Text(line[1..])))
            {
                if (!result.TryGetValue(path, out var lines))
                {
                    result[path] = lines = [];
                }

                lines.Add(oldLine);
            }

            oldLine++;
        }

        return result;
    }

    /// <summary>Consecutive line numbers joined into <c>-L start,+count</c> ranges.</summary>
    public static IEnumerable<(int Start, int Count)> Ranges(List<int> lines)
    {
        var start = lines[0];
        var count = 1;
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i] == start + count)
            {
                count++;
                continue;
            }

            yield return (start, count);
            (start, count) = (lines[i], 1);
        }

        yield return (start, count);
    }

    private static string? OldPath(string text)
    {
        if (text == "/dev/null")
        {
            return null;
        }

        if (text.StartsWith('"') && text.EndsWith('"') && text.Length >= 2)
        {
            text = Unquote(text[1..^1]);
        }

        text = text.TrimEnd('\t');
        var path = text.StartsWith("a/", StringComparison.Ordinal) ? text[2..] : text;
        return SkippedSuffixes.Any(suffix => path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) ? null : path;
    }

    private static string Unquote(string quoted)
    {
        var text = new StringBuilder(quoted.Length);
        for (var i = 0; i < quoted.Length; i++)
        {
            if (quoted[i] == '\\' && i + 1 < quoted.Length)
            {
                i++;
                text.Append(quoted[i] switch { 't' => '\t', 'n' => '\n', _ => quoted[i] });
                continue;
            }

            text.Append(quoted[i]);
        }

        return text.ToString();
    }

    /// <summary>The old-side start of a hunk header <c>@@ -start[,count] +start[,count] @@</c>.</summary>
    private static int HunkStart(string header)
    {
        var minus = header.IndexOf('-', StringComparison.Ordinal);
        var end = minus + 1;
        while (end < header.Length && char.IsAsciiDigit(header[end]))
        {
            end++;
        }

        return int.Parse(header.AsSpan(minus + 1, end - minus - 1), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Whether a deleted line holds code: not blank, and not only a comment in the comment syntax of its file. A
    /// <c>#</c> line counts as a comment only in languages where it is one (C# <c>#if</c> is code).
    /// </summary>
    private static bool CarriesCode(string path, string line)
    {
        var text = line.AsSpan().Trim();
        if (text.IsEmpty || text.StartsWith("//") || text.StartsWith("/*") || text.StartsWith("*/")
            || text is "*" || text.StartsWith("* "))
        {
            return false;
        }

        return !(text[0] == '#' && HashComments(path));
    }

    private static bool HashComments(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".py" or ".sh" or ".bash" or ".rb" or ".yml" or ".yaml"
            or ".toml" or ".pl" or ".r" or ".ps1" or ".cfg" or ".ini" or "" or ".dockerfile" or ".mk";
}
