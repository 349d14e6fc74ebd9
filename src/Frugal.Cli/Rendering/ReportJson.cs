using System.Text.Json;
using Frugal.Domain.Energy;
using Frugal.Domain.Reporting;
using Frugal.Domain.Usage;
using Frugal.Storage.Import;

namespace Frugal.Cli.Rendering;

/// <summary>
/// Writes a report as JSON: <c>{"period", "timezone", "since", "until", "energy": {...}, "rows": [...],
/// "totals": {...}, "diagnostics": {...}}</c>. The README documents every field.
/// </summary>
internal static class ReportJson
{
    public const string LowerBoundCaveat =
        "Local logs are a lower bound of billed usage: some background calls write no usage, and some tools write "
        + "placeholder input counts. A provider's billing export is the reference for reconciliation.";

    /// <summary>Why local calls can have no energy: the footnote of their unknown Wh and gCO2e.</summary>
    public const string UnrecordedLocalReason = "local calls without a recorded energy";

    /// <summary>What gives local calls an energy.</summary>
    public const string UnrecordedLocalFix = "set the upstream's device in the gateway configuration";

    /// <summary>The note of a report with calls to a local model server: what their cost and energy are.</summary>
    public static string LocalNote(long calls) =>
        $"{Numbers.Count(calls, "call")} to a local model server cost $0: they are bought from no one, and the "
        + "electricity they draw is not in the cost; their Wh is the one the gateway recorded (the device's power "
        + "\u00d7 the server's timings), never a hosted model's estimate.";

    /// <summary>One line naming how energy and carbon were estimated, and at which grid.</summary>
    public static string EnergyMethod(UsageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return EnergyMethod(report.EnergyMethod, report.GridZone);
    }

    /// <summary>
    /// One line naming how energy and carbon were estimated (<paramref name="method"/>) and at which grid.
    /// </summary>
    public static string EnergyMethod(string method, GridZone grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return $"Wh and gCO2e: {MethodName(method)}, an order-of-magnitude estimate shown as min\u2013max; "
            + $"carbon at grid zone {grid.Code} ({grid.Name}), {grid.GCO2PerKWh} gCO2e/kWh.";
    }

    /// <summary>The manufacturing carbon of the hardware, which the gCO2e column leaves out.</summary>
    public static string EmbodiedLine(CarbonRange embodied) =>
        $"Manufacturing carbon of the servers, by the calls' time on them, not in gCO2e above: "
        + $"{Numbers.Range(embodied.MinGCO2e, embodied.MaxGCO2e)} gCO2e (EcoLogits: H100 servers over 3 years).";

    /// <summary>A min–max range as <c>{"min", "max"}</c>.</summary>
    internal static void Range(Utf8JsonWriter json, string name, double min, double max)
    {
        json.WriteStartObject(name);
        json.WriteNumber("min", Numbers.ForJson(min));
        json.WriteNumber("max", Numbers.ForJson(max));
        json.WriteEndObject();
    }

    /// <summary>Indented, text written as it is: the output is read by scripts and people, not put in HTML.</summary>
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(
        Stream stream, UsageReport report, DateOnly? since, DateOnly? until,
        IReadOnlyList<DiagnosticCount> ledgerDiagnostics, ImportSummary? import)
    {
        using var json = new Utf8JsonWriter(stream, Options);
        json.WriteStartObject();
        json.WriteString("period", report.Period.ToString().ToLowerInvariant());
        json.WriteString("timezone", report.TimeZoneId);
        WriteDate(json, "since", since);
        WriteDate(json, "until", until);
        json.WriteStartObject("energy");
        json.WriteString("method", report.EnergyMethod);
        json.WriteString("zone", report.GridZone.Code);
        json.WriteNumber("gridGCO2PerKWh", report.GridZone.GCO2PerKWh);
        json.WriteEndObject();
        json.WriteStartArray("rows");
        foreach (var row in report.Rows)
        {
            json.WriteStartObject();
            json.WriteString("key", row.Key);
            WriteSums(json, row, report.Period == ReportPeriod.Session);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("totals");
        WriteSums(json, report.Totals, withActivity: false);
        json.WriteEndObject();
        WriteDiagnostics(json, report, ledgerDiagnostics, import);
        json.WriteEndObject();
    }

    public static void WriteImport(Utf8JsonWriter json, ImportSummary import)
    {
        json.WriteStartObject();
        json.WriteNumber("filesFound", import.FilesFound);
        json.WriteNumber("filesRead", import.FilesRead);
        json.WriteNumber("filesRestarted", import.FilesRestarted);
        json.WriteNumber("bytesRead", import.BytesRead);
        json.WriteNumber("lines", import.Lines);
        json.WriteNumber("usageLines", import.UsageLines);
        json.WriteNumber("callsAdded", import.CallsAdded);
        json.WriteNumber("replaysMerged", import.ReplaysRemoved);
        WriteCounts(json, import.Diagnostics);
        WriteObjects(json, "roots", import.Roots, (o, root) =>
        {
            o.WriteString("source", root.Source);
            o.WriteString("path", root.Path);
            o.WriteString("origin", root.Origin);
            o.WriteBoolean("exists", root.Exists);
        });
        WriteObjects(json, "fileErrors", import.FileErrors, (o, error) =>
        {
            o.WriteString("path", error.Path);
            o.WriteString("message", error.Message);
        });
        WriteObjects(json, "unfinishedLines", import.UnfinishedLines, (o, line) =>
        {
            o.WriteString("path", line.Path);
            o.WriteNumber("bytes", line.Bytes);
        });
        json.WriteEndObject();
    }

    /// <summary>Writes an array of objects, one per item, each written by <paramref name="write"/>.</summary>
    private static void WriteObjects<T>(
        Utf8JsonWriter json, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            write(json, item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteSums(Utf8JsonWriter json, UsageSummary sums, bool withActivity)
    {
        var tokens = sums.Tokens;
        json.WriteNumber("inputTokens", tokens.InputTokens);
        json.WriteNumber("outputTokens", tokens.OutputTokens);
        json.WriteNumber("cacheWrite5mTokens", tokens.CacheWrite5mTokens);
        json.WriteNumber("cacheWrite1hTokens", tokens.CacheWrite1hTokens);
        json.WriteNumber("cacheReadTokens", tokens.CacheReadTokens);
        json.WriteNumber("totalTokens", tokens.TotalTokens);
        json.WriteNumber("reasoningTokens", tokens.ReasoningTokens);
        json.WriteNumber("webSearchRequests", sums.WebSearchRequests);
        json.WriteNumber("costUsd", Numbers.UsdForJson(sums.CostUsd));
        json.WriteNumber("unpricedTokens", sums.UnpricedTokens);
        Range(json, "energyWh", sums.Energy.MinWh, sums.Energy.MaxWh);
        Range(json, "carbonG", sums.Carbon.MinGCO2e, sums.Carbon.MaxGCO2e);
        Range(json, "embodiedCarbonG", sums.EmbodiedCarbon.MinGCO2e, sums.EmbodiedCarbon.MaxGCO2e);
        json.WriteNumber("unknownSizeTokens", sums.UnknownSizeTokens);
        json.WriteNumber("calls", sums.Calls);
        json.WriteStartArray("models");
        foreach (var model in sums.Models)
        {
            json.WriteStringValue(model);
        }

        json.WriteEndArray();
        if (withActivity)
        {
            json.WriteStartArray("projects");
            foreach (var project in sums.Projects)
            {
                json.WriteStringValue(project);
            }

            json.WriteEndArray();
            json.WriteString("firstActivity", sums.FirstActivity?.ToString("O"));
            json.WriteString("lastActivity", sums.LastActivity?.ToString("O"));
        }
    }

    private static void WriteDiagnostics(
        Utf8JsonWriter json, UsageReport report, IReadOnlyList<DiagnosticCount> ledgerDiagnostics,
        ImportSummary? import)
    {
        json.WriteStartObject("diagnostics");
        WriteObjects(json, "unpricedModels", report.Unpriced, (o, model) =>
        {
            o.WriteString("model", model.Model);
            o.WriteNumber("calls", model.Calls);
            o.WriteNumber("tokens", model.Tokens);
        });
        WriteObjects(json, "unknownSizeModels", report.UnknownSize, (o, model) =>
        {
            o.WriteString("model", model.Model);
            o.WriteNumber("calls", model.Calls);
            o.WriteNumber("tokens", model.Tokens);
        });
        if (report.LocalCalls > 0)
        {
            WriteObjects(json, "unrecordedLocalModels", report.UnrecordedLocal, (o, model) =>
            {
                o.WriteString("model", model.Model);
                o.WriteNumber("calls", model.Calls);
                o.WriteNumber("tokens", model.Tokens);
            });
        }

        WriteCounts(json, ledgerDiagnostics);
        if (import is null)
        {
            json.WriteNull("import");
        }
        else
        {
            json.WritePropertyName("import");
            WriteImport(json, import);
        }

        json.WriteStartArray("caveats");
        json.WriteStringValue(LowerBoundCaveat);
        if (report.LocalCalls > 0)
        {
            json.WriteStringValue(LocalNote(report.LocalCalls));
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCounts(
        Utf8JsonWriter json, IReadOnlyList<DiagnosticCount> counts)
    {
        foreach (var (kind, name) in (ReadOnlySpan<(DiagnosticKind, string)>)
            [(DiagnosticKind.Skipped, "skipped"), (DiagnosticKind.Duplicate, "duplicate"),
             (DiagnosticKind.Note, "noted")])
        {
            json.WriteStartObject(name + "Lines");
            foreach (var count in counts.Where(c => c.Kind == kind))
            {
                json.WriteNumber(count.Reason, count.Count);
            }

            json.WriteEndObject();
        }
    }

    private static string MethodName(string method) => method switch
    {
        CloudEnergyModel.DecodeMethod => "EcoLogits 0.9.3 decode model (output tokens; input not counted)",
        CloudEnergyModel.PrefillMethod => "EcoLogits 0.9.3 decode model with a prefill add-on (low confidence)",
        var other => other,
    };

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } value)
        {
            json.WriteString(name, value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
