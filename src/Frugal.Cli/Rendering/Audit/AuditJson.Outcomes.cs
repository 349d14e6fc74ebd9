using System.Text.Json;
using Frugal.Domain.Audit;
using Frugal.Domain.Scoring;

namespace Frugal.Cli.Rendering.Audit;

internal static partial class AuditJson
{
    private static void Outcome(Utf8JsonWriter json, RepositoryOutcome o)
    {
        json.WriteStartObject();
        json.WriteString("repository", o.Repository);
        json.WriteString("defaultBranch", o.DefaultBranch);
        json.WriteNumber("commits", o.Commits);
        json.WriteNumber("aiMarked", o.AiMarked);
        json.WriteStartObject("aiMarkedByTool");
        foreach (var (tool, count) in o.AiMarkedByTool)
        {
            json.WriteNumber(tool, count);
        }

        json.WriteEndObject();
        json.WriteNumber("features", o.Features);
        json.WriteNumber("aiMarkedFeatures", o.AiMarkedFeatures);
        json.WriteNumber("fixes", o.Fixes);
        json.WriteNumber("reverts", o.Reverts);
        json.WriteNumber("linesAdded", o.LinesAdded);
        json.WriteNumber("commitsWithoutLineCounts", o.CommitsWithoutLineCounts);
        var b = o.Bugs;
        json.WriteStartObject("bugs");
        json.WriteNumber("fixesAnalysed", b.FixesAnalysed);
        json.WriteNumber("fixesWithCandidates", b.FixesWithCandidates);
        json.WriteNumber("fixesOnlyAdding", b.FixesOnlyAdding);
        json.WriteNumber("fixesFromTrailer", b.FixesFromTrailer);
        json.WriteNumber("fixesWithProblems", b.FixesWithProblems);
        json.WriteNumber("aiLinesAdded", b.AiLinesAdded);
        json.WriteNumber("otherLinesAdded", b.OtherLinesAdded);
        json.WriteNumber("aiBugLinks", b.AiBugLinks);
        json.WriteNumber("otherBugLinks", b.OtherBugLinks);
        json.WriteNumber("olderBugLinks", b.OlderBugLinks);
        json.WriteNumber("laterBugLinks", b.LaterBugLinks);
        Number(json, "aiPerThousandLines", b.AiPerThousandLines);
        Number(json, "otherPerThousandLines", b.OtherPerThousandLines);
        json.WriteEndObject();
        var r = o.Reviews;
        json.WriteStartObject("reviews");
        json.WriteNumber("changes", r.Changes);
        json.WriteNumber("approved", r.Approved);
        json.WriteNumber("reviewedNotApproved", r.ReviewedNotApproved);
        json.WriteNumber("notReviewed", r.NotReviewed);
        json.WriteNumber("unknown", r.Unknown);
        json.WriteNumber("withReviewTime", r.WithReviewTime);
        Number(json, "reviewHours", r.ReviewHours);
        Number(json, "medianReviewHours", r.MedianReviewHours);
        Number(json, "medianHoursToFirstReview", r.MedianHoursToFirstReview);
        json.WriteEndObject();
        json.WriteStartArray("notes");
        foreach (var note in o.Notes)
        {
            json.WriteStringValue(note);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Answer(Utf8JsonWriter json, AuditAnswer a)
    {
        json.WriteStartObject("answer");
        Number(json, "shippedCostShare", a.ShippedCostShare);
        Number(json, "shippedTokenShare", a.ShippedTokenShare);
        Number(json, "reviewedCostShare", a.ReviewedCostShare);
        Number(json, "reviewedTokenShare", a.ReviewedTokenShare);
        json.WriteNumber("shippedFeatures", a.ShippedFeatures);
        json.WriteNumber("featuresWithSessions", a.FeaturesWithSessions);
        Number(json, "tokensPerFeature", a.TokensPerFeature);
        Money(json, "costPerFeatureUsd", a.CostPerFeature);
        Energy(json, "energyPerFeatureWh", a.EnergyPerFeature);
        Number(json, "allTokensPerFeature", a.AllTokensPerFeature);
        Money(json, "allCostPerFeatureUsd", a.AllCostPerFeature);
        Number(json, "bugsPerFeature", a.BugsPerFeature);
        Number(json, "reviewHoursPerFeature", a.ReviewHoursPerFeature);
        json.WriteStartArray("byOutcome");
        foreach (var share in a.Shares)
        {
            json.WriteStartObject();
            json.WriteString("outcome", OutcomeId(share.Status));
            json.WriteNumber("sessions", share.Sessions);
            json.WriteNumber("tokens", share.Tokens.TotalTokens);
            json.WriteNumber("costUsd", Numbers.UsdForJson(share.CostUsd));
            Number(json, "costShare", share.CostShare);
            Number(json, "tokenShare", share.TokenShare);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Scores(Utf8JsonWriter json, AuditReport report)
    {
        var i = report.ScoreInputs;
        json.WriteStartObject("scores");
        json.WriteStartObject("inputs");
        json.WriteNumber("features", i.Features);
        json.WriteNumber("bugs", i.Bugs);
        Number(json, "reviewHours", i.ReviewHours);
        json.WriteNumber("tokens", i.Tokens);
        Number(json, "energyKWh", i.EnergyKWh);
        json.WriteEndObject();
        Score(json, "manifesto", report.ManifestoScore, ManifestoScore.Unit);
        Score(json, "perFeature", report.ScaleInvariantScore, ScaleInvariantScore.Unit);
        json.WriteEndObject();
    }

    private static string OutcomeId(ShipStatus status) => status switch
    {
        ShipStatus.ShippedReviewed => "shipped-reviewed",
        ShipStatus.Shipped => "shipped",
        ShipStatus.CommittedNotShipped => "committed-not-shipped",
        ShipStatus.Unshipped => "unshipped",
        _ => "no-repository",
    };
}
