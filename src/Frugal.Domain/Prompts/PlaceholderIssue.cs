namespace Frugal.Domain.Prompts;

/// <summary>Template syntax in prompt text that is not an exact <c>{{name}}</c> placeholder.</summary>
/// <param name="Kind">Which form it is.</param>
/// <param name="Text">The offending text as written, such as <c>{{ ticket }}</c>.</param>
/// <param name="Offset">Where it starts, in UTF-16 code units from the start of the text.</param>
/// <param name="Line">Its line within the text, from 1.</param>
/// <param name="Column">Its column within that line, from 1, in UTF-16 code units.</param>
/// <param name="Fix">The exact placeholder to write instead, when one is clear (<c>{{ticket}}</c>); else null.</param>
public sealed record PlaceholderIssue(
    PlaceholderIssueKind Kind, string Text, int Offset, int Line, int Column, string? Fix);

/// <summary>
/// The forms of non-conforming template syntax. All but <see cref="SingleBrace"/> are errors for a file meant to
/// run under <c>gh models eval</c>: it leaves them in the text sent to the model (spaced and filtered forms are not
/// substituted, tags and comments are not evaluated). <see cref="SingleBrace"/> is only a hint: <c>{name}</c> is the
/// placeholder form of Python f-strings and LangChain, and nothing substitutes it here, but single braces are also
/// ordinary text in code and JSON examples.
/// </summary>
public enum PlaceholderIssueKind
{
    /// <summary><c>{{ name }}</c>: spaces inside the braces; gh-models substitutes only <c>{{name}}</c>.</summary>
    Spaced,

    /// <summary><c>{{name | upper}}</c>: a Jinja, Liquid or Nunjucks filter; nothing applies it.</summary>
    Filter,

    /// <summary><c>{{a.b}}</c>, <c>{{ticket id}}</c>, <c>{{x + 1}}</c>: anything else but a plain name.</summary>
    Expression,

    /// <summary><c>{{}}</c> or <c>{{ }}</c>: no name at all.</summary>
    Empty,

    /// <summary><c>{{</c> with no <c>}}</c> before the next <c>{{</c> or the end of the text.</summary>
    Unclosed,

    /// <summary><c>{{{name}}}</c>: Mustache's unescaped form; gh-models renders it as <c>{value}</c>.</summary>
    TripleBrace,

    /// <summary><c>{% if x %}</c>: a Jinja or Liquid control tag; no conditionals or loops are evaluated.</summary>
    Tag,

    /// <summary><c>{# note #}</c>: a Jinja comment; it is sent to the model as text.</summary>
    Comment,

    /// <summary><c>{name}</c>: single braces round a name, likely meant as a placeholder (a hint).</summary>
    SingleBrace,
}
