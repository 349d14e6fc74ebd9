using System.Text;
using Frugal.Domain.Audit;

namespace Frugal.Cli.Rendering.Audit;

/// <summary>Writes the audit as GitHub-flavoured Markdown: a heading and a pipe table per section.</summary>
internal static class AuditMarkdown
{
    public static string Write(AuditReport report)
    {
        var text = new StringBuilder();
        text.Append("# Frugal audit\n\n").Append(AuditView.Subtitle(report)).Append('\n');
        foreach (var section in AuditView.Sections(report))
        {
            text.Append("\n## ").Append(section.Title).Append("\n\n");
            if (section.Table is { } table)
            {
                Row(text, table.Columns.Select(c => c.Length == 0 ? " " : c));
                Row(text, table.RightAligned.Select(right => right ? "--:" : "---"));
                foreach (var row in table.Rows)
                {
                    Row(text, row);
                }

                if (section.Lines.Count > 0)
                {
                    text.Append('\n');
                }
            }

            foreach (var line in section.Lines)
            {
                text.Append(Escape(line)).Append("\n\n");
            }

            if (section.Lines.Count > 0)
            {
                text.Length--;
            }
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, IEnumerable<string> cells)
    {
        text.Append('|');
        foreach (var cell in cells)
        {
            text.Append(' ').Append(Escape(cell)).Append(" |");
        }

        text.Append('\n');
    }

    /// <summary>
    /// Escapes what Markdown would otherwise read as markup: backslashes first (so that <c>\|</c> cannot end a
    /// cell), then cell bars, emphasis, code spans, entities and tags; line breaks become spaces.
    /// </summary>
    private static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("*", "\\*", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal)
        .Replace("`", "\\`", StringComparison.Ordinal)
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace("\r\n", " ", StringComparison.Ordinal)
        .Replace('\r', ' ')
        .Replace('\n', ' ');
}
