using System.Text;
using System.Text.RegularExpressions;
using Frugal.Domain.Prompts;

namespace Frugal.Sources.Prompts.Prompty;

/// <summary>
/// A Prompty message template (Jinja2, or Mustache) as gh-models text: the forms that render the same are rewritten
/// (<c>{{ name }}</c> to <c>{{name}}</c>, <c>{{ "text" }}</c> to the text, comments removed), every other form is
/// kept as written, and each difference left is reported with its line. One pass, linear in the text's length.
/// </summary>
internal static partial class PromptyJinja
{
    /// <summary>Words Jinja (and nunjucks) read as literals or operators, never as a variable.</summary>
    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "true", "false", "none", "null", "True", "False", "None", "and", "or", "not", "in", "is", "if", "else",
    };

    /// <summary>Names a JavaScript object already has: Prompty's nunjucks renders them without any input.</summary>
    public static readonly IReadOnlySet<string> ObjectMembers = new HashSet<string>(StringComparer.Ordinal)
    {
        "constructor", "prototype", "__proto__", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
        "toLocaleString", "toString", "valueOf", "__defineGetter__", "__defineSetter__", "__lookupGetter__",
        "__lookupSetter__",
    };

    /// <summary>Converts one message's text; <paramref name="note"/> receives (file line, message).</summary>
    public static string ToPromptFile(string content, int firstLine, bool mustache, Action<int, string> note)
    {
        var newlines = NewlineOffsets(content);
        int LineAt(int index)
        {
            var found = newlines.BinarySearch(index);
            return firstLine + (found >= 0 ? found : ~found);
        }

        var output = new StringBuilder(content.Length);
        var placeholders = new HashSet<int>();
        var unclosed = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < content.Length)
        {
            var open = content.IndexOf('{', i);
            if (open < 0 || open == content.Length - 1)
            {
                break;
            }

            output.Append(content, i, open - i);
            var opener = content.Substring(open, 2);
            var closer = opener switch
            {
                "{{" => "}}",
                "{%" when !mustache => "%}",
                "{#" when !mustache => "#}",
                _ => null,
            };
            var close = closer is null || unclosed.Contains(closer) ? -1
                : content.IndexOf(closer, open + 2, StringComparison.Ordinal);
            if (closer is null || close < 0)
            {
                if (closer is not null && unclosed.Add(closer))
                {
                    // No later opener can close either: remembered, so the scan stays linear.
                    note(LineAt(open), $"'{opener}' is never closed: Prompty refuses to render the file; gh-models "
                        + "sends the text as written");
                }

                output.Append('{');
                i = open + 1;
                continue;
            }

            if (mustache && close + 2 < content.Length && content[close + 2] == '}' && content[open + 2] == '{')
            {
                close++;
            }

            var whole = content[open..(close + 2)];
            var replaced = mustache ? Mustache(whole) : Jinja(whole, opener);
            var line = LineAt(open);
            switch (replaced)
            {
                case Rewrite.Placeholder(var name):
                    placeholders.Add(output.Length);
                    output.Append("{{").Append(name).Append("}}");
                    if (ObjectMembers.Contains(name))
                    {
                        note(line, $"{{{{{name}}}}}: Prompty's runtime renders JavaScript's own '{name}' when no "
                            + "input has that name; gh-models sends the placeholder as written then");
                    }

                    break;
                case Rewrite.Text(var text):
                    output.Append(text);
                    break;
                case Rewrite.Removed:
                    note(line, "a template comment was removed (it renders as nothing; gh-models would send it)");
                    break;
                default:
                    output.Append(whole);
                    note(line, $"'{Shorten(whole)}' is template syntax gh-models does not render (it sends the text "
                        + "as written): rewrite it with plain {{name}} placeholders, computing the value in testData");
                    break;
            }

            i = close + 2;
        }

        output.Append(content, i, content.Length - i);
        var converted = output.ToString();
        foreach (var placeholder in PromptTemplate.Substituted(converted))
        {
            if (!placeholders.Contains(placeholder.Offset))
            {
                note(firstLine + converted.AsSpan(0, placeholder.Offset).Count('\n'),
                    $"'{{{{{placeholder.Name}}}}}' is literal text in Prompty, but gh-models substitutes it when a "
                    + $"test case has {placeholder.Name}");
            }
        }

        return converted;
    }

    private static Rewrite? Jinja(string whole, string opener)
    {
        if (opener == "{#")
        {
            return new Rewrite.Removed();
        }

        if (opener != "{{" || whole.StartsWith("{{-", StringComparison.Ordinal)
            || whole.EndsWith("-}}", StringComparison.Ordinal))
        {
            return null;
        }

        var inner = PromptyText.JsTrim(whole[2..^2]);
        if (Identifier().IsMatch(inner) && !Keywords.Contains(inner))
        {
            return new Rewrite.Placeholder(inner);
        }

        return StringLiteral().Match(inner) is { Success: true } literal
            ? new Rewrite.Text(literal.Groups["text"].Value)
            : null;
    }

    private static Rewrite? Mustache(string whole)
    {
        var inner = whole.StartsWith("{{{", StringComparison.Ordinal) && whole.EndsWith("}}}", StringComparison.Ordinal)
            ? whole[3..^3]
            : whole[2..^2];
        if (inner.StartsWith('!'))
        {
            return new Rewrite.Removed();
        }

        inner = PromptyText.JsTrim(inner.StartsWith('&') ? inner[1..] : inner);
        return Identifier().IsMatch(inner) ? new Rewrite.Placeholder(inner) : null;
    }

    private static List<int> NewlineOffsets(string text)
    {
        var offsets = new List<int>();
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            offsets.Add(i);
        }

        return offsets;
    }

    private static string Shorten(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= 60 ? flat : flat[..57] + "...";
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex("""^(?:"(?<text>[^"\\]*)"|'(?<text>[^'\\]*)')$""")]
    private static partial Regex StringLiteral();

    /// <summary>What one piece of template syntax becomes.</summary>
    private abstract record Rewrite
    {
        public sealed record Placeholder(string Name) : Rewrite;

        public sealed record Text(string Value) : Rewrite;

        public sealed record Removed : Rewrite;
    }
}
