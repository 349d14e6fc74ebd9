using Frugal.Domain.Audit;

namespace Frugal.Cli.Rendering.Audit;

internal static partial class AuditView
{
    private static readonly string[] UsageColumns =
        ["Sessions", "Calls", "Input", "Output", "Cache write", "Cache read", "Total tokens", "Cost"];

    private static ViewSection Usage(AuditReport report)
    {
        var lines = new List<string>();
        if (report.Usage.UnpricedTokens > 0)
        {
            lines.Add($"* {Figures.Count(report.Usage.UnpricedTokens)} tokens of unpriced models are not in the cost; "
                + "add their prices with --prices FILE.");
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
    ];
}
