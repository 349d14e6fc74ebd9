using System.Text.Json;
using Frugal.Domain.Audit;

namespace Frugal.Cli.Rendering.Audit;

internal static partial class AuditJson
{
    private static void Features(Utf8JsonWriter json, IReadOnlyList<FeatureCost> features)
    {
        json.WriteStartArray("features");
        foreach (var f in features)
        {
            json.WriteStartObject();
            json.WriteString("sha", f.Sha);
            json.WriteString("title", f.Title);
            if (f.PullRequest is { } number)
            {
                json.WriteNumber("pullRequest", number);
            }
            else
            {
                json.WriteNull("pullRequest");
            }

            json.WriteString("repository", f.Repository);
            json.WriteBoolean("aiMarked", f.AiMarked);
            json.WriteNumber("sessions", f.Sessions);
            json.WriteNumber("tokens", Math.Round(f.Tokens));
            json.WriteNumber("costUsd", Numbers.UsdForJson(f.CostUsd));
            Energy(json, "energyWh", f.Energy);
            Number(json, "reviewHours", f.ReviewHours);
            json.WriteNumber("laterFixes", f.LaterFixes);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Findings(Utf8JsonWriter json, IReadOnlyList<Finding> findings)
    {
        json.WriteStartArray("findings");
        foreach (var f in findings)
        {
            json.WriteStartObject();
            json.WriteString("kind", f.Kind);
            json.WriteString("title", f.Title);
            json.WriteString("detail", f.Detail);
            json.WriteString("suggestion", f.Suggestion);
            json.WriteNumber("costUsd", Numbers.UsdForJson(f.CostUsd));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Leaderboard(Utf8JsonWriter json, AuditReport report)
    {
        json.WriteStartObject("leaderboard");
        json.WriteString("by", report.By.ToString().ToLowerInvariant());
        json.WriteStartArray("rows");
        foreach (var r in report.Leaderboard)
        {
            json.WriteStartObject();
            json.WriteString("name", r.Name);
            json.WriteNumber("sessions", r.Sessions);
            json.WriteNumber("features", r.Features);
            json.WriteNumber("bugs", r.Bugs);
            Number(json, "reviewHours", r.ReviewHours);
            json.WriteNumber("tokens", r.Tokens);
            json.WriteNumber("costUsd", Numbers.UsdForJson(r.CostUsd));
            Energy(json, "energyWh", r.Energy);
            Score(json, "score", r.Score, Domain.Scoring.ScaleInvariantScore.Unit);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Each mainline commit: its change, its AI attribution with the evidence, its lines and review.</summary>
    private static void Commits(Utf8JsonWriter json, IReadOnlyList<AuditedCommit> commits)
    {
        json.WriteStartArray("commits");
        foreach (var c in commits)
        {
            json.WriteStartObject();
            json.WriteString("sha", c.Commit.Sha);
            json.WriteString("committedAt", c.Commit.CommittedAt);
            json.WriteString("title", c.Change.Title);
            json.WriteString("kind", c.Change.Kind.ToString().ToLowerInvariant());
            json.WriteString("type", c.Change.Type);
            if (c.Change.PullRequest is { } number)
            {
                json.WriteNumber("pullRequest", number);
            }
            else
            {
                json.WriteNull("pullRequest");
            }

            json.WriteStartObject("ai");
            json.WriteBoolean("marked", c.Ai.IsMarked);
            json.WriteString("tool", c.Ai.Tool);
            json.WriteString("model", c.Ai.Model);
            json.WriteStartArray("evidence");
            foreach (var e in c.Ai.Evidence)
            {
                json.WriteStartObject();
                json.WriteString("class", e.Class.ToString());
                json.WriteString("tool", e.Tool);
                json.WriteString("text", e.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            if (c.Commit.LineCountsKnown)
            {
                json.WriteNumber("linesAdded", c.Commit.LinesAdded);
                json.WriteNumber("linesDeleted", c.Commit.LinesDeleted);
            }
            else
            {
                json.WriteNull("linesAdded");
                json.WriteNull("linesDeleted");
            }

            json.WriteString("review", c.Review.Kind.ToString());
            json.WriteString("reviewEvidence", c.Review.Evidence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Sessions(Utf8JsonWriter json, IReadOnlyList<SessionLink> links)
    {
        json.WriteStartArray("sessions");
        foreach (var link in links)
        {
            var s = link.Session;
            json.WriteStartObject();
            json.WriteString("source", s.Source);
            json.WriteString("session", s.Key);
            json.WriteString("tool", s.Tool);
            json.WriteString("project", s.Project);
            json.WriteString("repository", s.Repository);
            json.WriteStartArray("branches");
            foreach (var branch in s.Branches)
            {
                json.WriteStringValue(branch);
            }

            json.WriteEndArray();
            json.WriteString("first", s.First);
            json.WriteString("last", s.Last);
            json.WriteNumber("calls", s.Calls);
            json.WriteNumber("tokens", s.Tokens.TotalTokens);
            json.WriteNumber("costUsd", Numbers.UsdForJson(s.CostUsd));
            json.WriteString("outcome", OutcomeId(link.Status));
            json.WriteStartArray("commits");
            foreach (var commit in link.Commits)
            {
                json.WriteStringValue(commit.Commit.Sha);
            }

            json.WriteEndArray();
            json.WriteStartArray("landedIn");
            foreach (var commit in link.Mainline)
            {
                json.WriteStringValue(commit.Commit.Sha);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
