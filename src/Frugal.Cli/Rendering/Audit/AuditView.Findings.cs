using Frugal.Domain.Audit;
using Frugal.Domain.Energy;
using Frugal.Domain.Scoring;

namespace Frugal.Cli.Rendering.Audit;

internal static partial class AuditView
{
    private static ViewSection Findings(AuditReport report)
    {
        var lines = report.Findings.Count == 0
            ? ["Nothing stood out."]
            : report.Findings.Select((f, i) => $"{i + 1}. {f.Title}: {f.Detail}. Suggestion: {f.Suggestion}").ToList();
        return new ViewSection("findings", "Findings", null, lines);
    }

    private static ViewSection Leaderboard(AuditReport report)
    {
        var by = report.By.ToString().ToLowerInvariant();
        var rows = report.Leaderboard.Select((r, i) => (IReadOnlyList<string>)
        [
            Figures.Count(i + 1), report.By == AuditGrouping.Project ? Name(r.Name) : r.Name, Figures.Count(r.Sessions),
            Figures.Count(r.Features), Figures.Count(r.Bugs), Figures.Hours(r.ReviewHours), Figures.Tokens(r.Tokens),
            Figures.Usd(r.CostUsd),
            r.Energy == EnergyRange.Zero ? "–" : Numbers.Range(r.Energy.MinWh, r.Energy.MaxWh),
            Figures.Score(r.Score), Figures.Grade(r.Score),
        ]);
        return new ViewSection(
            "leaderboard", $"Efficiency leaderboard by {by}",
            ViewTable.Of(
                [
                    "#", by, "Sessions", "Features", "Fixes", "Review", "Tokens", "Cost", "Wh", "Per-feature score",
                    "Grade",
                ],
                2, rows),
            [
                $"Ranked by the per-feature score ({ScaleInvariantScore.Unit}), never by tokens spent."
                + (report.By == AuditGrouping.Person
                    ? " People are pseudonyms unless --names is given."
                    : string.Empty),
            ]);
    }

    private static ViewSection Notes(AuditReport report)
    {
        var lines = new List<string>(report.Outcomes.Notes);
        if (report.Usage.Sessions == 0)
        {
            lines.Add("No AI session in the ledger falls in this window: widen it with --since and --until, or "
                + "import logs from elsewhere with --source SOURCE=PATH.");
        }

        if (report.Repositories.Count == 0)
        {
            lines.Add("No repository was audited: pass --repo PATH, or run sessions in a git repository.");
        }

        return new ViewSection("notes", "Notes", null, lines);
    }
}
