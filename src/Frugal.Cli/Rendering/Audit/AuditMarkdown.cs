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
            text.Append(' ').Append(Escape(cell).Replace("|", "\\|", StringComparison.Ordinal)).Append(" |");
        }

        text.Append('\n');
    }

    /// <summary>Escapes what Markdown would otherwise read as emphasis or markup.</summary>
    private static string Escape(string text) => text
        .Replace("*", "\\*", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal);
}
