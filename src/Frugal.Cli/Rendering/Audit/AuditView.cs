using Frugal.Domain.Audit;

namespace Frugal.Cli.Rendering.Audit;

/// <summary>Turns an audit report into titled sections of tables and sentences.</summary>
internal static partial class AuditView
{
    /// <summary>The line under the title: window, zone, what was read.</summary>
    public static string Subtitle(AuditReport report) =>
        $"{report.Since:yyyy-MM-dd} to {report.Until:yyyy-MM-dd} ({report.Zone}) · "
        + $"{Numbers.Count(report.Usage.Sessions, "session")} · "
        + (report.Repositories.Count == 1
            ? "1 repository · "
            : $"{Figures.Count(report.Repositories.Count)} repositories · ")
        + $"{Numbers.Count(report.Outcomes.Commits, "mainline commit")}";

    public static List<ViewSection> Sections(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        List<ViewSection> sections =
        [
            Answer(report), SpendByOutcome(report), Scores(report), Usage(report), ByTool(report), ByModel(report),
            ByProject(report), Outcomes(report), Bugs(report), Features(report), Findings(report),
            Leaderboard(report), Notes(report),
        ];
        return [.. sections.Select(Clean)];
    }

    /// <summary>
    /// Text from history (titles, names, branches) is written by anyone: control characters in it (terminal escape
    /// sequences, bells, line breaks) become spaces before any form shows it.
    /// </summary>
    private static ViewSection Clean(ViewSection section) => section with
    {
        Table = section.Table is { } table
            ? table with { Rows = [.. table.Rows.Select(row => (IReadOnlyList<string>)[.. row.Select(Clean)])] }
            : null,
        Lines = [.. section.Lines.Select(Clean)],
    };

    private static string Clean(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
    }

    /// <summary>A repository's or folder's name as people say it: its last folder.</summary>
    public static string Name(string path)
    {
        var trimmed = path.TrimEnd('/', '\\');
        var name = Path.GetFileName(trimmed);
        return name.Length == 0 ? path : name;
    }

    private static ViewSection Answer(AuditReport report)
    {
        var a = report.Answer;
        var total = report.Usage.CostUsd;
        string[][] rows =
        [
            ["Spend in sessions that shipped", Shares(a.ShippedCostShare, a.ShippedTokenShare)],
            ["… that shipped through an approved review", Shares(a.ReviewedCostShare, a.ReviewedTokenShare)],
            ["Total spend", $"{Figures.Usd(total)} · {Figures.Tokens(report.Usage.Tokens.TotalTokens)} tokens"],
            [
                "Shipped features",
                $"{Figures.Count(a.ShippedFeatures)} ({Figures.Count(a.FeaturesWithSessions)} with linked sessions)",
            ],
            [
                "Tokens per shipped feature",
                $"{Figures.Tokens(a.TokensPerFeature)} linked · "
                + $"{Figures.Tokens(a.AllTokensPerFeature)} all ÷ features",
            ],
            [
                "Cost per shipped feature",
                $"{Figures.Usd(a.CostPerFeature)} linked · {Figures.Usd(a.AllCostPerFeature)} all ÷ features",
            ],
            [
                "Energy per shipped feature",
                a.EnergyPerFeature is { } e ? $"{Numbers.Range(e.MinWh, e.MaxWh)} Wh linked" : "n/a",
            ],
            [
                "Bugs per feature",
                $"{Figures.Ratio(a.BugsPerFeature)} ({Figures.Count(report.Outcomes.Fixes, "fix", "fixes")} ÷ "
                + $"{Figures.Count(a.ShippedFeatures, "feature", "features")})",
            ],
            ["Review hours per feature", Figures.Hours(a.ReviewHoursPerFeature)],
        ];
        return new ViewSection("answer", "The answer", ViewTable.Of(["Question", "Answer"], 2, rows), []);
    }

    private static ViewSection SpendByOutcome(AuditReport report)
    {
        var rows = report.Answer.Shares.Select(s => (IReadOnlyList<string>)
        [
            StatusName(s.Status), Figures.Count(s.Sessions), Figures.Tokens(s.Tokens.TotalTokens),
            Figures.Usd(s.CostUsd), Figures.Share(s.CostShare), Figures.Share(s.TokenShare),
        ]);
        return new ViewSection(
            "spend-by-outcome", "Spend by outcome",
            ViewTable.Of(["Outcome", "Sessions", "Tokens", "Cost", "Cost share", "Token share"], 1, rows),
            [
                "A session links to commits of its repository made between its first call and "
                + $"{report.Grace.TotalHours:0.#} h after its last, on its branch (or of unknown branch and marked by "
                + "its tool), and to the merge of its branch.",
            ]);
    }

    private static string Shares(double? cost, double? tokens) =>
        $"{Figures.Share(cost)} of cost, {Figures.Share(tokens)} of tokens";

    public static string StatusName(ShipStatus status) => status switch
    {
        ShipStatus.ShippedReviewed => "shipped, reviewed",
        ShipStatus.Shipped => "shipped, review not approved or unknown",
        ShipStatus.CommittedNotShipped => "committed, not on the default branch",
        ShipStatus.Unshipped => "no commit",
        _ => "outside the audited repositories",
    };
}
