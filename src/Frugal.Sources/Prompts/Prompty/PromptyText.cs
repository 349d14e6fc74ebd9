using System.Text.RegularExpressions;

namespace Frugal.Sources.Prompts.Prompty;

/// <summary>
/// The text layer of a <c>.prompty</c> file as Prompty's runtimes read it: YAML front matter between <c>---</c>
/// (or <c>+++</c>) lines, then a body that is rendered by a template engine and split into messages at role-marker
/// lines (<c>system:</c>, <c>user:</c>, <c>assistant:</c>, <c>developer:</c>; any letter case, optionally indented,
/// after a <c>#</c>, or with <c>[key=value]</c> attributes). Content before the first marker is a system message;
/// the newlines at the start and end of each message are trimmed.
/// </summary>
internal static partial class PromptyText
{
    /// <summary>Splits <paramref name="text"/> (newlines already <c>\n</c>) into front matter and body.</summary>
    /// <exception cref="PromptFileException">A front matter is opened and never closed.</exception>
    public static PromptySplit Split(string path, string text)
    {
        var lines = text.Split('\n');
        var first = 0;
        while (first < lines.Length && lines[first].Trim().Length == 0)
        {
            first++;
        }

        if (first == lines.Length || !IsDelimiter(lines[first]))
        {
            return new PromptySplit(null, 0, Body(lines, first), first + 1);
        }

        for (var close = first + 1; close < lines.Length; close++)
        {
            if (IsDelimiter(lines[close]))
            {
                var frontMatter = string.Join('\n', lines[(first + 1)..close]);
                var body = close + 1;
                while (body < lines.Length && lines[body].Trim().Length == 0)
                {
                    body++;
                }

                return new PromptySplit(frontMatter, first + 2, Body(lines, body), body + 1);
            }
        }

        throw new PromptFileException(path, [new PromptFileProblem(first + 1, 1,
            "the front matter opened here is never closed: end it with a line holding only ---")]);
    }

    /// <summary>The messages of a body (already rendered, or a template), with the line each starts on.</summary>
    public static IReadOnlyList<PromptyMessage> Messages(string body, int firstLine)
    {
        var messages = new List<PromptyMessage>();
        var lines = body.Split('\n');
        var role = "system";
        string? attributes = null;
        var start = firstLine;
        var bufferStart = firstLine;
        var buffer = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (Marker().Match(lines[i].Trim()) is { Success: true } marker)
            {
                Flush();
                role = marker.Groups[1].Value.ToLowerInvariant();
                attributes = marker.Groups[2].Success ? marker.Groups[2].Value : null;
                start = firstLine + i;
                continue;
            }

            if (buffer.Count == 0)
            {
                bufferStart = firstLine + i;
            }

            buffer.Add(lines[i]);
        }

        Flush();
        return messages;

        void Flush()
        {
            // As Prompty's parser: a marker directly followed by another marker gives no message.
            if (buffer.Count > 0)
            {
                var leading = buffer.TakeWhile(line => line.Length == 0).Count();
                var content = string.Join('\n', buffer).Trim('\n');
                messages.Add(new PromptyMessage(role, content, attributes, start, bufferStart + leading));
                buffer.Clear();
            }
        }
    }

    /// <summary>Whether Prompty would read <paramref name="line"/> as the start of a new message.</summary>
    public static bool IsRoleMarker(string line) => Marker().IsMatch(line.Trim());

    private static bool IsDelimiter(string line) => line.Trim() is "---" or "+++";

    private static string Body(string[] lines, int from) =>
        from >= lines.Length ? string.Empty : string.Join('\n', lines[from..]).TrimEnd();

    [GeneratedRegex(@"^\s*#?\s*(system|user|assistant|developer)(\[\w+\s*=\s*[^\]]*\])?\s*:\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}

/// <summary>A <c>.prompty</c> file split in two.</summary>
/// <param name="FrontMatter">The YAML between the delimiters; null when the file has none (all body).</param>
/// <param name="FrontMatterLine">The file line the front matter's first line is on (0 without one).</param>
/// <param name="Body">The template body, without the blank lines around it.</param>
/// <param name="BodyLine">The file line the body starts on.</param>
internal sealed record PromptySplit(string? FrontMatter, int FrontMatterLine, string Body, int BodyLine);

/// <summary>One message of a Prompty body.</summary>
/// <param name="Role">The role as written, lower-cased.</param>
/// <param name="Content">The text, newlines at either end trimmed.</param>
/// <param name="Attributes">The marker's <c>[key=value]</c> part, if any.</param>
/// <param name="Line">The file line of its marker (or of the body's start for a leading system message).</param>
/// <param name="ContentLine">The file line its content starts on.</param>
internal sealed record PromptyMessage(string Role, string Content, string? Attributes, int Line, int ContentLine);
