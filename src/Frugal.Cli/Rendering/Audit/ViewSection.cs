namespace Frugal.Cli.Rendering.Audit;

/// <summary>
/// One section of the audit as text: a title, an optional table and lines, the same for the terminal, Markdown
/// and HTML so that the three always say the same thing.
/// </summary>
/// <param name="Id">A stable id (HTML anchors, tests).</param>
/// <param name="Title">The heading.</param>
/// <param name="Table">The table, or null.</param>
/// <param name="Lines">Sentences shown under the table, each its own line.</param>
internal sealed record ViewSection(string Id, string Title, ViewTable? Table, IReadOnlyList<string> Lines);
