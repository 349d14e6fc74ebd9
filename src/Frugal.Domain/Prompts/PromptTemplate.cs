using System.Text;

namespace Frugal.Domain.Prompts;

/// <summary>
/// The template rules of prompt text: a placeholder is exactly <c>{{name}}</c>, two braces, a name of ASCII letters,
/// digits and underscores not starting with a digit, two braces, no spaces. That is the only form every runner
/// accepts alike: <c>gh models eval</c> substitutes the literal <c>{{key}}</c> string and nothing else, and a name
/// of that shape is also a valid Jinja2, Liquid and Mustache variable, so an export to Prompty renders the same.
/// gh-models also fills <c>{{key}}</c> for a test-data key that is no such name (<c>{{user-name}}</c>), and
/// <see cref="Render"/> does the same; the other runners do not, so a lint flags those as not portable.
/// </summary>
/// <remarks>
/// Rendering is one left-to-right pass with no escaping of any kind: a value is inserted as it is, and text
/// inserted from a value is never scanned again (gh-models substitutes key after key in random order, so a value
/// holding another <c>{{key}}</c> renders differently from run to run there; a lint should flag such values). Every
/// other template-like form is reported by <see cref="Scan"/> as a <see cref="PlaceholderIssue"/>, and rendered
/// only when it is a test-data key written as <c>{{key}}</c>.
/// </remarks>
public static class PromptTemplate
{
    /// <summary>Whether <paramref name="name"/> is a valid placeholder name: <c>[A-Za-z_][A-Za-z0-9_]*</c>.</summary>
    public static bool IsName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The exact <c>{{name}}</c> placeholders in <paramref name="text"/>, in order of appearance.</summary>
    public static IReadOnlyList<Placeholder> Placeholders(string text) => Scan(text).Placeholders;

    /// <summary>
    /// Reads <paramref name="text"/> once: its exact placeholders, and every piece of template syntax that is not
    /// one, with its position and the fix where there is one. See <see cref="PlaceholderIssueKind"/> for the forms.
    /// </summary>
    public static TemplateScan Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var placeholders = new List<Placeholder>();
        var issues = new List<PlaceholderIssue>();
        var lines = new LineIndex(text);
        var code = MarkdownCode.Spans(text);
        var find = new Finders(text);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            if (open < 0 || open == text.Length - 1)
            {
                break;
            }

            i = text[open + 1] switch
            {
                '{' => Braces(text, open, placeholders, issues, lines, find),
                '%' => Pair(text, open, find.TagEnd, PlaceholderIssueKind.Tag, issues, lines),
                '#' => Pair(text, open, find.CommentEnd, PlaceholderIssueKind.Comment, issues, lines),
                _ => Single(text, open, issues, lines, code),
            };
        }

        return new TemplateScan(placeholders, issues);
    }

    /// <summary>
    /// Substitutes <c>{{key}}</c> for every key of <paramref name="values"/>, as gh-models does: any key, not only a
    /// plain name (<c>{{user-name}}</c> and <c>{{a.b}}</c> are filled when the test data has <c>user-name</c> and
    /// <c>a.b</c>), in one left-to-right pass and without escaping. Exact <c>{{name}}</c> placeholders without a
    /// value stay as written and are listed in <see cref="TemplateRender.Missing"/>.
    /// </summary>
    /// <remarks>
    /// From each <c>{{</c>, the key is the text up to the next <c>}}</c> (or, for the rare key holding <c>}</c>, the
    /// longest key written there); when none has a value, the search moves on one character, so
    /// <c>{{{name}}}</c> renders as <c>{value}</c>. gh-models replaces key after key in an order Go leaves random,
    /// which gives the same text whenever no value holds another <c>{{key}}</c> and no two keys overlap.
    /// </remarks>
    public static TemplateRender Render(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        var keys = new KeyFinder(values);
        var output = new StringBuilder(text.Length);
        var missing = new List<string>();
        var closes = new Next(text, "}}");
        var copied = 0;
        var i = 0;
        while ((i = text.IndexOf("{{", i, StringComparison.Ordinal)) >= 0)
        {
            var close = closes.From(i + 2);
            if (keys.At(text, i, close) is { } key)
            {
                output.Append(text, copied, i - copied).Append(values[key]);
                i = copied = i + key.Length + 4;
            }
            else if (close >= 0 && IsName(text.AsSpan(i + 2, close - i - 2)))
            {
                var name = text[(i + 2)..close];
                if (!missing.Contains(name))
                {
                    missing.Add(name);
                }

                i = close + 2;
            }
            else
            {
                i++;
            }
        }

        output.Append(text, copied, text.Length - copied);
        return new TemplateRender(output.ToString(), missing);
    }

    /// <summary>
    /// The keys of <paramref name="keys"/> that <paramref name="text"/> writes as <c>{{key}}</c> and that are not
    /// plain names (plain names are <see cref="Placeholders"/>): gh-models substitutes them too, but Jinja2, Liquid
    /// and Mustache do not read them as one variable.
    /// </summary>
    public static IReadOnlyList<string> KeyPlaceholders(string text, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(keys);
        return [.. keys.Where(k => k.Length > 0 && !IsName(k)
            && text.Contains("{{" + k + "}}", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The places <see cref="Render"/> substitutes, as gh-models finds them: from each <c>{{</c>, the text up to the
    /// next <c>}}</c> is a name or the search moves on one character (so <c>{{{name}}}</c> has its placeholder at
    /// offset 1 and renders as <c>{value}</c>). Unlike <see cref="Placeholders"/>, no form is judged here.
    /// </summary>
    public static IReadOnlyList<Placeholder> Substituted(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Placeholder>();
        var closes = new Next(text, "}}");
        var i = 0;
        while ((i = text.IndexOf("{{", i, StringComparison.Ordinal)) >= 0)
        {
            var close = closes.From(i + 2);
            if (close < 0)
            {
                break;
            }

            var name = text.AsSpan(i + 2, close - i - 2);
            if (!IsName(name))
            {
                i++;
                continue;
            }

            found.Add(new Placeholder(name.ToString(), i, close + 2 - i));
            i = close + 2;
        }

        return found;
    }

    /// <summary>At <c>{{</c>: an exact placeholder, or one of the non-conforming double-brace forms.</summary>
    private static int Braces(
        string text, int open, List<Placeholder> placeholders, List<PlaceholderIssue> issues, LineIndex lines,
        Finders find)
    {
        if (open + 2 < text.Length && text[open + 2] == '{')
        {
            var end = find.TripleEnd.From(open + 3);
            var next = find.Open.From(open + 3);
            if (end >= 0 && (next < 0 || next > end))
            {
                var inner = text.AsSpan(open + 3, end - open - 3).Trim();
                issues.Add(lines.Issue(
                    PlaceholderIssueKind.TripleBrace, text, open, end + 3 - open,
                    IsName(inner) ? $"{{{{{inner}}}}}" : null));
                return end + 3;
            }
        }

        var close = find.End.From(open + 2);
        var reopen = find.Open.From(open + 2);
        if (close < 0 || (reopen >= 0 && reopen < close))
        {
            issues.Add(lines.Issue(PlaceholderIssueKind.Unclosed, text, open, 2, null));
            return open + 2;
        }

        var length = close + 2 - open;
        var body = text.AsSpan(open + 2, close - open - 2);
        if (IsName(body))
        {
            placeholders.Add(new Placeholder(body.ToString(), open, length));
            return close + 2;
        }

        var trimmed = body.Trim();
        var pipe = trimmed.IndexOf('|');
        var (kind, fix) = trimmed switch
        {
            { IsEmpty: true } => (PlaceholderIssueKind.Empty, null),
            _ when IsName(trimmed) => (PlaceholderIssueKind.Spaced, $"{{{{{trimmed}}}}}"),
            _ when pipe >= 0 => (PlaceholderIssueKind.Filter,
                IsName(trimmed[..pipe].Trim()) ? $"{{{{{trimmed[..pipe].Trim()}}}}}" : null),
            _ => (PlaceholderIssueKind.Expression, (string?)null),
        };
        issues.Add(lines.Issue(kind, text, open, length, fix));
        return close + 2;
    }

    /// <summary>At <c>{%</c> or <c>{#</c>: reported when closed (an unclosed one is plain text to all).</summary>
    private static int Pair(
        string text,
        int open,
        Next closing,
        PlaceholderIssueKind kind,
        List<PlaceholderIssue> issues,
        LineIndex lines)
    {
        var close = closing.From(open + 2);
        if (close < 0)
        {
            return open + 2;
        }

        issues.Add(lines.Issue(kind, text, open, close + 2 - open, null));
        return close + 2;
    }

    /// <summary>
    /// At a lone <c>{</c>: <c>{name}</c> (not <c>${name}</c> nor <c>{name}}</c>, nor in Markdown code) is a likely
    /// slip.
    /// </summary>
    private static int Single(
        string text, int open, List<PlaceholderIssue> issues, LineIndex lines, IReadOnlyList<(int, int)> code)
    {
        var close = open + 1;
        while (close < text.Length && (char.IsAsciiLetterOrDigit(text[close]) || text[close] == '_'))
        {
            close++;
        }

        if (close == text.Length || text[close] != '}' || !IsName(text.AsSpan(open + 1, close - open - 1)))
        {
            return open + 1;
        }

        var alone = (open == 0 || text[open - 1] != '$') && (close + 1 == text.Length || text[close + 1] != '}')
            && !MarkdownCode.Contains(code, open);
        if (alone)
        {
            var name = text[(open + 1)..close];
            issues.Add(lines.Issue(PlaceholderIssueKind.SingleBrace, text, open, close + 1 - open, $"{{{{{name}}}}}"));
        }

        return close + 1;
    }

    /// <summary>Finds which key of a test case is written as <c>{{key}}</c> at a place in a text.</summary>
    private sealed class KeyFinder(IReadOnlyDictionary<string, string> values)
    {
        private readonly int _longest = values.Keys.Select(k => k.Length).DefaultIfEmpty(-1).Max();

        private readonly List<string> _braced = [.. values.Keys.Where(k => k.Contains('}', StringComparison.Ordinal))];

        /// <summary>
        /// The key written as <c>{{key}}</c> at <paramref name="open"/>, whose first <c>}}</c> after it is at
        /// <paramref name="close"/> (-1 for none); the longest, should keys holding <c>}</c> make several fit; null
        /// when none does.
        /// </summary>
        public string? At(string text, int open, int close)
        {
            string? key = null;
            if (close >= 0 && close - open - 2 <= _longest && values.ContainsKey(text[(open + 2)..close]))
            {
                key = text[(open + 2)..close];
            }

            foreach (var braced in _braced)
            {
                if (braced.Length > (key?.Length ?? -1)
                    && text.AsSpan(open + 2).StartsWith(braced + "}}", StringComparison.Ordinal))
                {
                    key = braced;
                }
            }

            return key;
        }
    }

    /// <summary>
    /// The next place of a token at or after a position, for a scan whose positions never go back: each search
    /// starts where the last left off, so a text full of openers and no closer is read once, not once per opener.
    /// </summary>
    private sealed class Next(string text, string token)
    {
        private int _searchedFrom = int.MaxValue;

        private int _found = -1;

        public int From(int start)
        {
            if (start < _searchedFrom && _searchedFrom != int.MaxValue && _searchedFrom - start <= 8)
            {
                // A small step back (a scan that looked a character further first): only the places before the
                // last search need looking at; from there on the answer is known.
                var window = Math.Min(text.Length, _searchedFrom + token.Length - 1) - start;
                var early = window >= token.Length ? text.IndexOf(token, start, window, StringComparison.Ordinal) : -1;
                if (early >= 0)
                {
                    return early;
                }

                start = _searchedFrom;
            }

            if (_searchedFrom <= start && (_found < 0 || _found >= start))
            {
                return _found;
            }

            _searchedFrom = start;
            _found = text.IndexOf(token, start, StringComparison.Ordinal);
            return _found;
        }
    }

    /// <summary>The tokens one <see cref="Scan"/> looks ahead for.</summary>
    private sealed class Finders(string text)
    {
        public Next Open { get; } = new(text, "{{");

        public Next End { get; } = new(text, "}}");

        public Next TripleEnd { get; } = new(text, "}}}");

        public Next TagEnd { get; } = new(text, "%}");

        public Next CommentEnd { get; } = new(text, "#}");
    }

    /// <summary>Line starts of one text, for 1-based line and column numbers.</summary>
    private sealed class LineIndex(string text)
    {
        private readonly List<int> _starts = Starts(text);

        public PlaceholderIssue Issue(PlaceholderIssueKind kind, string text, int offset, int length, string? fix)
        {
            var index = _starts.BinarySearch(offset);
            var line = index >= 0 ? index : ~index - 1;
            return new PlaceholderIssue(
                kind, text.Substring(offset, length), offset, line + 1, offset - _starts[line] + 1, fix);
        }

        private static List<int> Starts(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    starts.Add(i + 1);
                }
            }

            return starts;
        }
    }
}
