using System.Globalization;
using Frugal.Domain.Audit;
using Frugal.Domain.Scoring;

namespace Frugal.Cli.Rendering.Audit;

internal static partial class AuditView
{
    private static ViewSection Scores(AuditReport report)
    {
        var i = report.ScoreInputs;
        var m = report.ManifestoScore;
        var s = report.ScaleInvariantScore;
        IReadOnlyList<string>[] rows =
        [
            ["Manifesto", Figures.Score(m), Figures.Grade(m), "useful ÷ (review hours × (tokens + 1000 × kWh))"],
            [
                "Per feature", Figures.Score(s), Figures.Grade(s),
                "1 ÷ (review hours per feature × million (tokens + 1000 × kWh) per feature)",
            ],
        ];
        var inputs = $"Inputs: {Figures.Count(i.Features, "feature", "features")}, "
            + $"{Figures.Count(i.Bugs, "fix", "fixes")} "
            + $"(useful = {Figures.Ratio(m.Useful)}), review {Figures.Hours(i.ReviewHours)}, "
            + $"{Figures.Count(i.Tokens)} tokens, energy " + EnergyInput(report);
        var lines = new List<string> { inputs };
        var reviews = report.Outcomes.Reviews;
        if (reviews.WithReviewTime > 0 && reviews.WithReviewTime < reviews.Changes)
        {
            lines.Add($"Review time is known for {Figures.Count(reviews.WithReviewTime)} of "
                + $"{Figures.Count(reviews.Changes, "change", "changes")}; the others add no hours, so both scores "
                + "lean high.");
        }

        foreach (var (name, score) in (IEnumerable<(string, ScoreResult)>)[("Manifesto", m), ("Per feature", s)])
        {
            if (score.NotApplicableReason is { } reason)
            {
                lines.Add($"{name} score n/a: {reason}.");
            }
        }

        lines.Add($"Grades: manifesto A > {ManifestoScore.GradeAAbove}, B > {ManifestoScore.GradeBAbove}, "
            + $"C > {ManifestoScore.GradeCAbove}; per feature A ≥ {ScaleInvariantScore.GradeAAtLeast}, "
            + $"B ≥ {ScaleInvariantScore.GradeBAtLeast}, C ≥ {ScaleInvariantScore.GradeCAtLeast}; else F.");
        return new ViewSection(
            "scores", "Efficiency scores",
            new ViewTable(["Score", "Value", "Grade", "Formula"], [false, true, false, false], rows), lines);
    }

    /// <summary>
    /// The energy the scores count, said with the range it is the middle of: "0.0075 kWh (energy counted at the
    /// middle of its range, 0.0036–0.011 kWh)."
    /// </summary>
    private static string EnergyInput(AuditReport report)
    {
        if (report.ScoreInputs.EnergyKWh is not { } kWh)
        {
            return "not estimated (no call's model size is known), so the scores count tokens only.";
        }

        var e = report.Usage.Energy;
        return $"{kWh.ToString("G3", CultureInfo.InvariantCulture)} kWh (energy counted at the middle of its range, "
            + $"{Numbers.Range(e.MinWh / 1000, e.MaxWh / 1000)} kWh).";
    }
}
