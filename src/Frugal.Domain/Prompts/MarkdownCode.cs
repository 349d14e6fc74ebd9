namespace Frugal.Domain.Prompts;

/// <summary>
/// Where Markdown code is in a text: fenced blocks (a line of three or more backticks or tildes, indented at most
/// three spaces, up to a closing fence of the same character at least as long, or the end of the text) and inline
/// code spans (a run of backticks up to the next run of the same length), as CommonMark reads them. Braces there
/// are code (<c>f"{name}"</c>, <c>{x}</c> in a JSON example), not a slip for a placeholder.
/// </summary>
internal static class MarkdownCode
{
    /// <summary>The code ranges of <paramref name="text"/>: start offset, and end offset (exclusive).</summary>
    public static IReadOnlyList<(int Start, int End)> Spans(string text)
    {
        var spans = new List<(int, int)>();
        if (!text.Contains('`', StringComparison.Ordinal) && !text.Contains("~~~", StringComparison.Ordinal))
        {
            return spans;
        }

        var outside = 0;
        var line = 0;
        (char Mark, int Length, int Start)? fence = null;
        while (line < text.Length)
        {
            var next = text.IndexOf('\n', line);
            var end = next < 0 ? text.Length : next + 1;
            var marks = Fence(text, line, end);
            if (fence is { } open)
            {
                if (marks is { } close && close.Mark == open.Mark && close.Length >= open.Length && close.Bare)
                {
                    spans.Add((open.Start, end));
                    fence = null;
                    outside = end;
                }
            }
            else if (marks is { } opening)
            {
                Inline(text, outside, line, spans);
                fence = (opening.Mark, opening.Length, line);
            }

            line = end;
        }

        if (fence is { } unclosed)
        {
            spans.Add((unclosed.Start, text.Length));
        }
        else
        {
            Inline(text, outside, text.Length, spans);
        }

        return spans;
    }

    /// <summary>Whether <paramref name="offset"/> lies in one of <paramref name="spans"/>.</summary>
    public static bool Contains(IReadOnlyList<(int Start, int End)> spans, int offset) =>
        spans.Any(s => offset >= s.Start && offset < s.End);

    /// <summary>
    /// The fence a line opens or closes: its character, its length, and whether nothing but spaces follows it (a
    /// closing fence's condition); null when the line is no fence.
    /// </summary>
    private static (char Mark, int Length, bool Bare)? Fence(string text, int start, int end)
    {
        var at = start;
        while (at < end && at - start < 3 && text[at] == ' ')
        {
            at++;
        }

        if (at >= end || text[at] is not ('`' or '~'))
        {
            return null;
        }

        var mark = text[at];
        var length = 0;
        while (at + length < end && text[at + length] == mark)
        {
            length++;
        }

        var rest = text.AsSpan(at + length, end - at - length);
        // A backtick fence's info string may not hold a backtick (that line is inline code instead).
        if (length < 3 || (mark == '`' && rest.Contains('`')))
        {
            return null;
        }

        return (mark, length, rest.Trim().IsEmpty);
    }

    /// <summary>The inline code spans between <paramref name="start"/> and <paramref name="end"/>.</summary>
    private static void Inline(string text, int start, int end, List<(int, int)> spans)
    {
        var at = start;
        while (at < end)
        {
            var open = text.IndexOf('`', at, end - at);
            if (open < 0)
            {
                return;
            }

            var length = Run(text, open, end);
            var close = open + length;
            while (close < end)
            {
                close = text.IndexOf('`', close, end - close);
                if (close < 0)
                {
                    break;
                }

                var closing = Run(text, close, end);
                if (closing == length)
                {
                    spans.Add((open, close + closing));
                    break;
                }

                close += closing;
            }

            // Without a closing run of the same length the backticks are text.
            at = close >= 0 && close < end ? close + length : open + length;
        }
    }

    private static int Run(string text, int at, int end)
    {
        var length = 0;
        while (at + length < end && text[at + length] == '`')
        {
            length++;
        }

        return length;
    }
}
