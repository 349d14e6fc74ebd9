using System.Text.RegularExpressions;

namespace Frugal.Sources.Prompts.Prompty;

/// <summary>
/// The text layer of a <c>.prompty</c> file as Prompty's runtimes read it: YAML front matter between <c>---</c>
/// (or <c>+++</c>) lines, then a body that is rendered by a template engine and split into messages at role-marker
/// lines (<c>system:</c>, <c>user:</c>, <c>assistant:</c>, <c>developer:</c>; any letter case, optionally indented,
/// after a <c>#</c>, or with <c>[key=value]</c> attributes). Content before the first marker is a system message;
/// the newlines at the start and end of each message are trimmed.
/// </summary>
/// <remarks>
/// <para>The front matter ends at the first line that starts, in its first column, with the delimiter: a
/// <c>---</c> indented inside a YAML block scalar is text (spec.md §2.2; Prompty's TypeScript loader, gray-matter,
/// splits the same way). Whitespace before the opening delimiter is allowed, as the spec's test vectors say.</para>
/// <para>Markers are found as Prompty's default strict mode finds them: on the template's lines before rendering,
/// every marker starting a message, so a marker followed directly by another gives an empty message. Whitespace and
/// word characters are JavaScript's (its <c>\s</c> and <c>trim()</c> include U+FEFF but not U+0085; its <c>\w</c>
/// is ASCII), as in the runtime whose output the tests compare with.</para>
/// </remarks>
internal static partial class PromptyText
{
    /// <summary>JavaScript's whitespace and line terminators: what its <c>\s</c> and <c>trim()</c> match.</summary>
    public const string JsWhitespace =
        "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029"
        + "\u202f\u205f\u3000\ufeff";

    /// <summary>Splits <paramref name="text"/> (newlines already <c>\n</c>) into front matter and body.</summary>
    /// <exception cref="PromptFileException">A front matter is opened and never closed.</exception>
    public static PromptySplit Split(string path, string text)
    {
        var lines = text.Split('\n');
        var first = 0;
        while (first < lines.Length && JsTrim(lines[first]).Length == 0)
        {
            first++;
        }

        if (first == lines.Length || JsTrim(lines[first]) is not ("---" or "+++"))
        {
            return Body(null, 0, lines, 0);
        }

        for (var close = first + 1; close < lines.Length; close++)
        {
            if (lines[close].StartsWith("---", StringComparison.Ordinal)
                || lines[close].StartsWith("+++", StringComparison.Ordinal))
            {
                return Body(string.Join('\n', lines[(first + 1)..close]), first + 2, lines, close + 1);
            }
        }

        throw new PromptFileException(path, [new PromptFileProblem(first + 1, 1,
            "the front matter opened here is never closed: end it with a line starting with --- (in the first "
            + "column)")]);
    }

    /// <summary>
    /// The messages of a body template, with the line each starts on: text before the first marker (if any) is a
    /// system message, and every marker starts one, empty if nothing follows it.
    /// </summary>
    public static IReadOnlyList<PromptyMessage> Messages(string body, int firstLine)
    {
        var messages = new List<PromptyMessage>();
        var lines = body.Split('\n');
        string? role = null;
        string? attributes = null;
        var start = firstLine;
        var bufferStart = firstLine;
        var buffer = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (Marker().Match(JsTrim(lines[i])) is { Success: true } marker)
            {
                Flush();
                role = marker.Groups[1].Value.ToLowerInvariant();
                attributes = marker.Groups[2].Success ? marker.Groups[2].Value : null;
                start = firstLine + i;
                bufferStart = start + 1;
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
            if (role is not null || buffer.Count > 0)
            {
                var leading = buffer.TakeWhile(line => line.Length == 0).Count();
                var content = string.Join('\n', buffer).Trim('\n');
                messages.Add(new PromptyMessage(role ?? "system", content, attributes, start, bufferStart + leading));
                buffer.Clear();
            }
        }
    }

    /// <summary>Whether Prompty would read <paramref name="line"/> as the start of a new message.</summary>
    public static bool IsRoleMarker(string line) => Marker().IsMatch(JsTrim(line));

    /// <summary>JavaScript's <c>String.prototype.trim()</c>.</summary>
    public static string JsTrim(string text) => text.Trim(JsWhitespace.ToCharArray());

    private static PromptySplit Body(string? frontMatter, int frontMatterLine, string[] lines, int from)
    {
        // Prompty's loader trims the whole body, so leading whitespace of its first line goes too.
        var start = from;
        while (start < lines.Length && JsTrim(lines[start]).Length == 0)
        {
            start++;
        }

        var body = start >= lines.Length ? string.Empty : JsTrim(string.Join('\n', lines[start..]));
        return new PromptySplit(frontMatter, frontMatterLine, body, start + 1);
    }

    [GeneratedRegex(@"^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*#?"
        + @"[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*"
        + @"(system|user|assistant|developer)(\[[A-Za-z0-9_]+[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029"
        + @"\u202f\u205f\u3000\ufeff]*=[^\]]*\])?[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f"
        + @"\u3000\ufeff]*:[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}

/// <summary>A <c>.prompty</c> file split in two.</summary>
/// <param name="FrontMatter">The YAML between the delimiters; null when the file has none (all body).</param>
/// <param name="FrontMatterLine">The file line the front matter's first line is on (0 without one).</param>
/// <param name="Body">The template body, trimmed as Prompty's loader trims it.</param>
/// <param name="BodyLine">The file line the body starts on.</param>
internal sealed record PromptySplit(string? FrontMatter, int FrontMatterLine, string Body, int BodyLine);

/// <summary>One message of a Prompty body.</summary>
/// <param name="Role">The role as written, lower-cased.</param>
/// <param name="Content">The text, newlines at either end trimmed.</param>
/// <param name="Attributes">The marker's <c>[key=value]</c> part, if any.</param>
/// <param name="Line">The file line of its marker (or of the body's start for a leading system message).</param>
/// <param name="ContentLine">The file line its content starts on.</param>
internal sealed record PromptyMessage(string Role, string Content, string? Attributes, int Line, int ContentLine);
