using Frugal.Domain.Audit;
using Spectre.Console;

namespace Frugal.Cli.Rendering.Audit;

/// <summary>Renders the audit for a terminal: one rounded table per section, sentences under it.</summary>
internal static class AuditTerminal
{
    public static void Render(IAnsiConsole console, AuditReport report)
    {
        console.Write(new Rule($"[bold]Frugal audit[/] {Markup.Escape(AuditView.Subtitle(report))}").LeftJustified());
        var sections = AuditView.Sections(report);
        if (report.Usage.Sessions == 0 && report.Repositories.Count == 0)
        {
            // Nothing to tabulate: only what to do about it.
            sections = [.. sections.Where(s => s.Id == "notes")];
        }

        foreach (var section in sections)
        {
            console.WriteLine();
            if (section.Table is { } view)
            {
                var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(section.Title)}[/]");
                for (var i = 0; i < view.Columns.Count; i++)
                {
                    var column = new TableColumn(Markup.Escape(view.Columns[i]));
                    table.AddColumn(view.RightAligned[i] ? column.RightAligned() : column);
                }

                foreach (var row in view.Rows)
                {
                    table.AddRow([.. row.Select(Markup.Escape)]);
                }

                console.Write(table);
            }
            else
            {
                console.MarkupLine($"[bold]{Markup.Escape(section.Title)}[/]");
            }

            foreach (var line in section.Lines)
            {
                console.WriteLine(line);
            }
        }
    }
}
