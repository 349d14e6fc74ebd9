namespace Frugal.Cli.Rendering.Audit;

/// <summary>A table of text cells; columns after the first that hold figures are right-aligned.</summary>
/// <param name="Columns">Column headings.</param>
/// <param name="RightAligned">Which columns are right-aligned.</param>
/// <param name="Rows">The rows, each with one cell per column.</param>
internal sealed record ViewTable(
    IReadOnlyList<string> Columns, IReadOnlyList<bool> RightAligned, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>A table whose first <paramref name="textColumns"/> columns are text and the rest figures.</summary>
    public static ViewTable Of(
        IReadOnlyList<string> columns, int textColumns, IEnumerable<IReadOnlyList<string>> rows) =>
        new(columns, [.. columns.Select((_, i) => i >= textColumns)], [.. rows]);
}
