using Frugal.Domain.Audit;
using Frugal.Domain.Energy;

namespace Frugal.Cli.Rendering.Audit;

internal static partial class AuditView
{
    private static readonly string[] UsageColumns =
        ["Sessions", "Calls", "Input", "Output", "Cache write", "Cache read", "Total tokens", "Cost", "Wh", "gCO2e"];

    private static ViewSection Usage(AuditReport report)
    {
        var lines = new List<string>();
        if (report.Usage.UnpricedTokens > 0)
        {
            lines.Add($"* {Figures.Count(report.Usage.UnpricedTokens)} tokens of unpriced models are not in the cost; "
                + "add their prices with --prices FILE.");
        }

        foreach (var model in report.ByModel.Where(m => m.UnknownSizeTokens > m.UnrecordedLocalTokens))
        {
            lines.Add($"\u2020 unknown size: {model.Key}: "
                + $"{Figures.Count(model.UnknownSizeTokens - model.UnrecordedLocalTokens)} tokens in "
                + $"{Figures.Count(model.Calls, "call", "calls")} are not in Wh or gCO2e; its size is not guessed.");
        }

        foreach (var model in report.ByModel.Where(m => m.UnrecordedLocalTokens > 0))
        {
            lines.Add($"\u2020 {ReportJson.UnrecordedLocalReason}: {model.Key}: "
                + $"{Figures.Count(model.UnrecordedLocalTokens)} tokens are not in Wh or gCO2e; "
                + $"{ReportJson.UnrecordedLocalFix}.");
        }

        lines.Add(ReportJson.EnergyMethod(report.EnergyMethod, report.GridZone));
        if (report.Usage.EmbodiedCarbon.MaxGCO2e > 0)
        {
            lines.Add(ReportJson.EmbodiedLine(report.Usage.EmbodiedCarbon));
        }

        lines.Add(ReportJson.LowerBoundCaveat);
        return new ViewSection(
            "usage", "Usage", ViewTable.Of(["", .. UsageColumns], 1, [UsageCells("Total", report.Usage)]), lines);
    }

    private static ViewSection ByTool(AuditReport report) => UsageSection("by-tool", "By tool", "Tool", report.ByTool);

    private static ViewSection ByModel(AuditReport report) =>
        UsageSection("by-model", "By model", "Model", report.ByModel);

    private static ViewSection ByProject(AuditReport report) => UsageSection(
        "by-project", "By project", "Project", report.ByProject.Select(r => r with { Key = Name(r.Key) }).ToList());

    private static ViewSection UsageSection(string id, string title, string key, IReadOnlyList<UsageRow> rows) =>
        new(id, title, ViewTable.Of([key, .. UsageColumns], 1, rows.Select(r => UsageCells(r.Key, r))), []);

    private static IReadOnlyList<string> UsageCells(string key, UsageRow row) =>
    [
        key, Figures.Count(row.Sessions), Figures.Count(row.Calls), Figures.Tokens(row.Tokens.InputTokens),
        Figures.Tokens(row.Tokens.OutputTokens), Figures.Tokens(row.Tokens.CacheWriteTokens),
        Figures.Tokens(row.Tokens.CacheReadTokens), Figures.Tokens(row.Tokens.TotalTokens),
        Figures.Usd(row.CostUsd) + (row.UnpricedTokens > 0 ? " *" : string.Empty),
        Measure(row, Numbers.Range(row.Energy.MinWh, row.Energy.MaxWh)),
        Measure(row, Numbers.Range(row.Carbon.MinGCO2e, row.Carbon.MaxGCO2e)),
    ];

    /// <summary>
    /// An energy or carbon cell: the range, marked † when some calls are of unknown size, or "unknown" when every
    /// call is.
    /// </summary>
    private static string Measure(UsageRow row, string range) =>
        row.UnknownSizeTokens == 0 ? range
        : row.UnknownSizeTokens == row.Tokens.TotalTokens && row.Energy == EnergyRange.Zero ? "unknown \u2020"
        : range + " \u2020";
}
