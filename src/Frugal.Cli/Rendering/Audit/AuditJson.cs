using System.Text.Json;
using Frugal.Domain.Audit;
using Frugal.Domain.Energy;
using Frugal.Domain.Scoring;
using Frugal.Domain.Usage;

namespace Frugal.Cli.Rendering.Audit;

/// <summary>Writes the audit as JSON for scripts; the README lists the fields.</summary>
internal static partial class AuditJson
{
    public static void Write(Stream stream, AuditReport report)
    {
        using var json = new Utf8JsonWriter(stream, ReportJson.Options);
        json.WriteStartObject();
        json.WriteString("since", report.Since.ToString("yyyy-MM-dd", null));
        json.WriteString("until", report.Until.ToString("yyyy-MM-dd", null));
        json.WriteString("timezone", report.Zone);
        json.WriteNumber("graceHours", report.Grace.TotalHours);
        json.WriteStartObject("energy");
        json.WriteString("method", report.EnergyMethod);
        json.WriteString("zone", report.GridZone.Code);
        json.WriteNumber("gridGCO2PerKWh", report.GridZone.GCO2PerKWh);
        json.WriteEndObject();
        json.WritePropertyName("usage");
        Usage(json, report.Usage);
        UsageRows(json, "byTool", report.ByTool);
        UsageRows(json, "byModel", report.ByModel);
        UsageRows(json, "byProject", report.ByProject);
        json.WriteStartArray("daily");
        foreach (var day in report.Daily)
        {
            json.WriteStartObject();
            json.WriteString("date", day.Date.ToString("yyyy-MM-dd", null));
            json.WriteNumber("tokens", day.Tokens);
            json.WriteNumber("costUsd", Numbers.UsdForJson(day.CostUsd));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("repositories");
        foreach (var repository in report.Repositories)
        {
            Outcome(json, repository);
        }

        json.WriteEndArray();
        json.WritePropertyName("outcomes");
        Outcome(json, report.Outcomes);
        Answer(json, report.Answer);
        Scores(json, report);
        Features(json, report.Features);
        Findings(json, report.Findings);
        Leaderboard(json, report);
        Sessions(json, report.Sessions);
        Commits(json, report.Commits);
        json.WriteString("caveat", ReportJson.LowerBoundCaveat);
        json.WriteEndObject();
    }

    private static void UsageRows(Utf8JsonWriter json, string name, IReadOnlyList<UsageRow> rows)
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            Usage(json, row);
        }

        json.WriteEndArray();
    }

    private static void Usage(Utf8JsonWriter json, UsageRow row)
    {
        json.WriteStartObject();
        json.WriteString("key", row.Key);
        json.WriteNumber("sessions", row.Sessions);
        json.WriteNumber("calls", row.Calls);
        Tokens(json, row.Tokens);
        json.WriteNumber("costUsd", Numbers.UsdForJson(row.CostUsd));
        json.WriteNumber("unpricedTokens", row.UnpricedTokens);
        Energy(json, "energyWh", row.Energy);
        ReportJson.Range(json, "carbonG", row.Carbon.MinGCO2e, row.Carbon.MaxGCO2e);
        ReportJson.Range(json, "embodiedCarbonG", row.EmbodiedCarbon.MinGCO2e, row.EmbodiedCarbon.MaxGCO2e);
        json.WriteNumber("unknownSizeTokens", row.UnknownSizeTokens);
        json.WriteEndObject();
    }

    /// <summary>An energy range as <c>{"min", "max"}</c> in Wh, or null.</summary>
    private static void Energy(Utf8JsonWriter json, string name, EnergyRange? energy)
    {
        if (energy is not { } e)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("min", Numbers.ForJson(e.MinWh));
        json.WriteNumber("max", Numbers.ForJson(e.MaxWh));
        json.WriteEndObject();
    }

    private static void Tokens(Utf8JsonWriter json, TokenCounts tokens)
    {
        json.WriteNumber("inputTokens", tokens.InputTokens);
        json.WriteNumber("outputTokens", tokens.OutputTokens);
        json.WriteNumber("cacheWriteTokens", tokens.CacheWriteTokens);
        json.WriteNumber("cacheReadTokens", tokens.CacheReadTokens);
        json.WriteNumber("totalTokens", tokens.TotalTokens);
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            // Nine significant digits: enough for any figure here, without binary noise such as 0.60000000000000009.
            json.WriteNumber(name, double.Parse(
                v.ToString("G9", System.Globalization.CultureInfo.InvariantCulture),
                System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Money(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, Numbers.UsdForJson(v));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Score(Utf8JsonWriter json, string name, ScoreResult score, string unit)
    {
        json.WriteStartObject(name);
        Number(json, "value", score.Value);
        json.WriteString("grade", score.Grade == Grade.NotApplicable ? "n/a" : score.Grade.ToString());
        json.WriteString("unit", unit);
        if (score.NotApplicableReason is { } reason)
        {
            json.WriteString("notApplicableReason", reason);
        }
        else
        {
            json.WriteNull("notApplicableReason");
        }

        Number(json, "useful", score.Useful);
        Number(json, "hoursPerFeature", score.HoursPerFeature);
        Number(json, "megaTokensPerFeature", score.MegaTokensPerFeature);
        json.WriteBoolean("energyCounted", score.EnergyCounted);
        json.WriteEndObject();
    }
}
