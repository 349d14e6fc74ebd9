using Frugal.Domain.Audit;

namespace Frugal.Cli.Rendering.Audit;

internal static partial class AuditView
{
    private static ViewSection Outcomes(AuditReport report)
    {
        var outcomes = report.Repositories.Count > 1 ? [.. report.Repositories, report.Outcomes] : report.Repositories;
        var rows = outcomes.Select(o => (IReadOnlyList<string>)
        [
            o.Repository == "all" ? "all" : $"{Name(o.Repository)} ({o.DefaultBranch})", Figures.Count(o.Commits),
            $"{Figures.Count(o.AiMarked)} ({Figures.Share(o.Commits == 0 ? null : (double)o.AiMarked / o.Commits)})",
            $"{Figures.Count(o.Features)} ({Figures.Count(o.AiMarkedFeatures)})", Figures.Count(o.Fixes),
            Figures.Count(o.Reverts), Figures.Count(o.LinesAdded),
            $"{Figures.Count(o.Reviews.Approved)} / {Figures.Count(o.Reviews.Unknown)}",
            Figures.Hours(o.Reviews.MedianReviewHours),
        ]);
        var tools = report.Outcomes.AiMarkedByTool.Select(p => $"{p.Key} {Figures.Count(p.Value)}");
        return new ViewSection(
            "outcomes", "Outcomes on the default branch",
            ViewTable.Of(
                ["Repository", "Commits", "AI-marked", "Features (AI)", "Fixes", "Reverts", "Lines added",
                    "Approved / unknown review", "Median review"], 1, rows),
            [
                $"AI-marked by tool: {(report.Outcomes.AiMarked == 0 ? "none" : string.Join(", ", tools))} (a commit "
                + "marked by two tools counts for each). "
                + "Markers are a lower bound: tools let users turn them off, so \"not marked\" is not "
                + "\"written by hand\".",
            ]);
    }

    private static ViewSection Bugs(AuditReport report)
    {
        var b = report.Outcomes.Bugs;
        IReadOnlyList<string>[] rows =
        [
            [
                "AI-marked commits", Figures.Count(b.AiLinesAdded), Figures.Count(b.AiBugLinks),
                Figures.PerThousand(b.AiPerThousandLines),
            ],
            [
                "Other commits", Figures.Count(b.OtherLinesAdded), Figures.Count(b.OtherBugLinks),
                Figures.PerThousand(b.OtherPerThousandLines),
            ],
        ];
        return new ViewSection(
            "bugs", "Bugs beside exposure",
            ViewTable.Of(["Introduced by", "Lines added", "Fixes blamed", "Per 1,000 lines"], 1, rows),
            [
                $"{Figures.Count(b.FixesAnalysed, "fix", "fixes")} since the window began: "
                + $"{Figures.Count(b.FixesWithCandidates)} named a bug-introducing candidate "
                + $"({Figures.Count(b.FixesFromTrailer)} by a Fixes: trailer), {Figures.Count(b.FixesOnlyAdding)} only "
                + $"added lines, {Figures.Count(b.FixesWithProblems)} could not be blamed completely; "
                + $"{Figures.Count(b.OlderBugLinks, "link leads", "links lead")} to commits before the window and "
                + $"{Figures.Count(b.LaterBugLinks)} to commits after it (neither is counted above).",
                "Candidates come from SZZ (git blame -w of the lines each fix changed): about half of such links are "
                + "wrong in published evaluations, so compare rates per 1,000 lines, not raw counts.",
            ]);
    }

    private static ViewSection Features(AuditReport report)
    {
        var rows = report.Features.Take(10).Select(f => (IReadOnlyList<string>)
        [
            Figures.Short(f.Sha), Figures.Clip(f.Title, 48), f.PullRequest is { } n ? $"#{n}" : "",
            f.AiMarked ? "yes" : "", Figures.Count(f.Sessions), Figures.Tokens(f.Tokens), Figures.Usd(f.CostUsd),
            Numbers.Range(f.Energy.MinWh, f.Energy.MaxWh), Figures.Hours(f.ReviewHours), Figures.Count(f.LaterFixes),
        ]);
        string[] more = report.Features.Count > 10
            ? [$"… and {Figures.Count(report.Features.Count - 10)} more features."]
            : [];
        return new ViewSection(
            "features", "Features by cost",
            ViewTable.Of(
                ["Commit", "Title", "PR", "AI", "Sessions", "Tokens", "Cost", "Wh", "Review", "Later fixes"], 4, rows),
            report.Features.Count == 0 ? ["No feature reached the default branch in the window."] : more);
    }
}
