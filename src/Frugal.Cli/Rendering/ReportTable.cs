using Frugal.Domain.Energy;
using Frugal.Domain.Reporting;
using Spectre.Console;

namespace Frugal.Cli.Rendering;

/// <summary>Renders a usage report as a table for people.</summary>
internal static class ReportTable
{
    public static void Render(IAnsiConsole console, UsageReport report)
    {
        if (report.Rows.Count == 0)
        {
            console.WriteLine("No usage recorded for this period.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{Title(report.Period)} usage ({report.TimeZoneId})");
        table.AddColumn(new TableColumn(KeyHeader(report.Period)));
        if (report.Period is ReportPeriod.Session)
        {
            table.AddColumn(new TableColumn("Project"));
            table.AddColumn(new TableColumn("Last activity"));
        }

        if (report.Period is not ReportPeriod.Model)
        {
            table.AddColumn(new TableColumn("Models"));
        }

        foreach (var header in
            (string[])["Input", "Output", "Cache write", "Cache read", "Total tokens", "Cost", "Wh", "gCO2e"])
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        foreach (var row in report.Rows)
        {
            table.AddRow(Cells(report, row, row.Key));
        }

        table.AddEmptyRow();
        table.AddRow(Cells(report, report.Totals, "Total", isTotal: true).Select(c => $"[bold]{c}[/]").ToArray());
        console.Write(table);
        RenderUnpriced(console, report);
        RenderUnknownSize(console, report);
        RenderUnrecordedLocal(console, report);
        console.WriteLine(ReportJson.EnergyMethod(report));
        if (report.Totals.EmbodiedCarbon.MaxGCO2e > 0)
        {
            console.MarkupLine(Markup.Escape(ReportJson.EmbodiedLine(report.Totals.EmbodiedCarbon)));
        }

        if (report.LocalCalls > 0)
        {
            console.WriteLine(ReportJson.LocalNote(report.LocalCalls));
        }

        console.WriteLine(ReportJson.LowerBoundCaveat);
    }

    private static string[] Cells(UsageReport report, UsageSummary row, string key, bool isTotal = false)
    {
        var period = report.Period;
        var cells = new List<string> { Markup.Escape(key) };
        if (period is ReportPeriod.Session)
        {
            cells.Add(isTotal ? string.Empty : Markup.Escape(string.Join(", ", row.Projects)));
            cells.Add(isTotal || row.LastActivity is not { } last ? string.Empty
                : TimeZoneInfo.ConvertTime(last, report.Zone).ToString("yyyy-MM-dd HH:mm"));
        }

        if (period is not ReportPeriod.Model)
        {
            cells.Add(Markup.Escape(string.Join(", ", row.Models)));
        }

        cells.Add(Numbers.Tokens(row.Tokens.InputTokens));
        cells.Add(Numbers.Tokens(row.Tokens.OutputTokens));
        cells.Add(Numbers.Tokens(row.Tokens.CacheWriteTokens));
        cells.Add(Numbers.Tokens(row.Tokens.CacheReadTokens));
        cells.Add(Numbers.Tokens(row.Tokens.TotalTokens));
        cells.Add(Cost(row));
        cells.Add(Measure(row, Numbers.Range(row.Energy.MinWh, row.Energy.MaxWh), " \u2020"));
        cells.Add(Measure(row, Numbers.Range(row.Carbon.MinGCO2e, row.Carbon.MaxGCO2e), " \u2020"));
        return [.. cells];
    }

    /// <summary>
    /// The cost cell: the priced part marked * when some tokens are unpriced, and "unpriced" when every token is
    /// (an unpriced model never shows as $0).
    /// </summary>
    private static string Cost(UsageSummary row)
    {
        if (row.UnpricedTokens == 0)
        {
            return Numbers.Usd(row.CostUsd);
        }

        return row.UnpricedTokens == row.Tokens.TotalTokens && row.CostUsd == 0
            ? "unpriced *"
            : Numbers.Usd(row.CostUsd) + " *";
    }

    /// <summary>
    /// An energy or carbon cell: the range, with <paramref name="mark"/> when some calls are of unknown size, or
    /// "unknown" when every call is.
    /// </summary>
    private static string Measure(UsageSummary row, string range, string mark)
    {
        if (row.UnknownSizeTokens == 0)
        {
            return range;
        }

        return row.UnknownSizeTokens == row.Tokens.TotalTokens && row.Energy == EnergyRange.Zero
            ? "unknown" + mark
            : range + mark;
    }

    private static void RenderUnpriced(IAnsiConsole console, UsageReport report)
    {
        foreach (var model in report.Unpriced)
        {
            console.MarkupLine(Markup.Escape(
                $"* unpriced: {model.Model}: {Numbers.Tokens(model.Tokens)} tokens "
                + $"in {Numbers.Count(model.Calls, "call")} are not in the cost; add a price with --prices FILE."));
        }
    }

    private static void RenderUnknownSize(IAnsiConsole console, UsageReport report)
    {
        foreach (var model in report.UnknownSize)
        {
            console.MarkupLine(Markup.Escape(
                $"\u2020 unknown size: {model.Model}: {Numbers.Tokens(model.Tokens)} tokens "
                + $"in {Numbers.Count(model.Calls, "call")} are not in Wh or gCO2e; its size is not guessed."));
        }
    }

    private static void RenderUnrecordedLocal(IAnsiConsole console, UsageReport report)
    {
        foreach (var model in report.UnrecordedLocal)
        {
            console.MarkupLine(Markup.Escape(
                $"\u2020 {ReportJson.UnrecordedLocalReason}: {model.Model}: {Numbers.Tokens(model.Tokens)} tokens "
                + $"in {Numbers.Count(model.Calls, "call")} are not in Wh or gCO2e; {ReportJson.UnrecordedLocalFix}."));
        }
    }

    private static string Title(ReportPeriod period) => period switch
    {
        ReportPeriod.Daily => "Daily",
        ReportPeriod.Weekly => "Weekly",
        ReportPeriod.Monthly => "Monthly",
        ReportPeriod.Session => "Session",
        ReportPeriod.Model => "Model",
        _ => "Project",
    };

    private static string KeyHeader(ReportPeriod period) => period switch
    {
        ReportPeriod.Daily => "Date",
        ReportPeriod.Weekly => "Week of",
        ReportPeriod.Monthly => "Month",
        ReportPeriod.Session => "Session",
        ReportPeriod.Model => "Model",
        _ => "Project",
    };
}
