namespace Frugal.Domain.Prompts;

/// <summary>An exact <c>{{name}}</c> placeholder in a text.</summary>
/// <param name="Name">The name between the braces.</param>
/// <param name="Offset">Where <c>{{</c> starts, in UTF-16 code units from the start of the text.</param>
/// <param name="Length">The length of the whole placeholder, braces included.</param>
public readonly record struct Placeholder(string Name, int Offset, int Length);

/// <summary>What <see cref="PromptTemplate.Scan"/> finds in a text.</summary>
/// <param name="Placeholders">The exact placeholders, in order of appearance, repeats included.</param>
/// <param name="Issues">Every template-like form that is not an exact placeholder, in order of appearance.</param>
public sealed record TemplateScan(IReadOnlyList<Placeholder> Placeholders, IReadOnlyList<PlaceholderIssue> Issues)
{
    /// <summary>The distinct placeholder names, in order of first appearance.</summary>
    public IReadOnlyList<string> Names => Placeholders.Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>A rendered text.</summary>
/// <param name="Text">The text with every placeholder that had a value substituted.</param>
/// <param name="Missing">The names of placeholders left as written for want of a value, each once, in order.</param>
public sealed record TemplateRender(string Text, IReadOnlyList<string> Missing);
