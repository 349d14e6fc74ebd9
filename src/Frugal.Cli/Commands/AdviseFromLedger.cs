using System.Globalization;
using System.Text.Json;
using Frugal.Cli.Infrastructure;
using Frugal.Domain.Energy;
using Frugal.Domain.Energy.Advice;
using Frugal.Domain.Pricing;
using Frugal.Storage.Ledger;
using Spectre.Console;

namespace Frugal.Cli.Commands;

/// <summary>
/// <c>frugal advise --from-ledger</c>: which past calls each tier's local model could have served, and what that
/// would have saved in cost, energy and carbon, as an estimate with its assumptions.
/// </summary>
internal static class AdviseFromLedger
{
    /// <summary>Reads the ledger's calls in the range and renders one block per tier.</summary>
    public static int Run(
        IAnsiConsole console, UsageLedger ledger, PriceTable prices, ModelFactsTable facts, DateRange range,
        IReadOnlyList<DeviceTier> tiers, GridZone grid, bool json)
    {
        var limits = LocalFitLimits.Default;
        // The sizes of hosted models come from the built-in table and any user entries.
        var tallies = tiers.Select(t => new LocalFitTally(LocalFitClassifier.ChooseModel(t, limits), limits)).ToList();
        var pricer = new GroupPricer(prices);
        var zone = TimeZoneInfo.Local;
        {
            ledger.ReadUsage(range.From(zone), range.To(zone), call =>
            {
                decimal? cost = null;
                string? provider = null;
                if (call.Model is { } model
                    && pricer.PriceOf(model, DateOnly.FromDateTime(call.Timestamp.UtcDateTime)) is { } price)
                {
                    cost = PriceCalculator.Cost(price, call.Tokens, call.WebSearchRequests, call.Speed,
                        DateOnly.FromDateTime(call.Timestamp.UtcDateTime)).TotalUsd;
                    // The model's own provider, as in reports: a Claude Code call to gpt-4o runs at OpenAI.
                    provider = price.Provider;
                }

                foreach (var tally in tallies)
                {
                    tally.Add(call, cost, provider);
                }
            });
        }

        var energy = new UsageEnergy(facts, grid);
        if (json)
        {
            using var stdout = Console.OpenStandardOutput();
            WriteJson(stdout, tallies, energy, grid, range, limits);
            return 0;
        }

        Line(console, $"Past calls a local model could have run, by size alone; grid {grid.Code} ({grid.Name}), "
            + $"{Figure(grid.GCO2PerKWh)} gCO2e/kWh.");
        foreach (var tally in tallies)
        {
            console.WriteLine();
            RenderTier(console, tally, energy, grid);
        }

        console.WriteLine();
        Line(console, "Assumptions (this is an estimate):");
        foreach (var assumption in Assumptions(limits))
        {
            Line(console, "- " + assumption);
        }

        return 0;
    }

    /// <summary>What the estimate assumes, one sentence each.</summary>
    private static IEnumerable<string> Assumptions(LocalFitLimits limits)
    {
        yield return "a call qualifies when its prompt (input, cache reads and writes) plus output fits the "
            + $"model's context window (at most {limits.MaxContextTokens:N0} tokens), its output is at most "
            + $"{limits.MaxOutputTokens:N0} tokens, and it used no web search; calls already run locally are left out";
        yield return "each tier's model is the largest known open-weight model that fits its machine with the least "
            + $"memory at Q4_K_M with an F16 KV cache, at a context window of {limits.MinContextTokens:N0} tokens or "
            + "more";
        yield return "quality is not checked, and no task signal beyond size is read: a qualifying call may still "
            + "need the hosted model";
        yield return "cloud cost is priced with today's price table; the saving counts no electricity cost";
        yield return "cloud energy is EcoLogits' (decode only); local energy is output tokens × joules per token "
            + "plus prompt tokens ÷ prefill speed × power (from the uncached prompt at the low power to the whole "
            + "prompt at the high power)";
    }

    /// <summary>
    /// <c>{"zone", "since", "until", "tiers": [{"tier", "device", "model", "calls", "qualifying", "costUsd",
    /// "unpricedCalls", "cloud", "local", "saved"}], "assumptions"}</c>; energy in Wh and carbon in g as
    /// <c>{"min", "max"}</c>; <c>local</c> (with the machine it is estimated on) is null where no machine of the tier
    /// has a power figure.
    /// </summary>
    private static void WriteJson(
        Stream stream, IReadOnlyList<LocalFitTally> tallies, UsageEnergy energy, GridZone grid, DateRange range,
        LocalFitLimits limits)
    {
        using var json = new Utf8JsonWriter(stream, Rendering.ReportJson.Options);
        json.WriteStartObject();
        json.WriteStartObject("zone");
        json.WriteString("code", grid.Code);
        json.WriteString("name", grid.Name);
        json.WriteNumber("gco2ePerKWh", grid.GCO2PerKWh);
        json.WriteEndObject();
        WriteDate(json, "since", range.Since);
        WriteDate(json, "until", range.Until);
        json.WriteStartArray("tiers");
        foreach (var tally in tallies)
        {
            WriteTier(json, tally, energy, grid);
        }

        json.WriteEndArray();
        json.WriteStartArray("assumptions");
        foreach (var assumption in Assumptions(limits))
        {
            json.WriteStringValue(assumption);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.Write("\n"u8);
    }

    private static void WriteTier(Utf8JsonWriter json, LocalFitTally tally, UsageEnergy energy, GridZone grid)
    {
        var tier = tally.Tier;
        json.WriteStartObject();
        json.WriteString("tier", tier.Tier.ToString().ToLowerInvariant());
        json.WriteString("device", tier.Device.Id);
        if (tier.Advice is { } advice)
        {
            json.WriteStartObject("model");
            json.WriteString("name", advice.Model.Name);
            json.WriteString("quant", "Q4_K_M");
            json.WriteNumber("contextTokens", advice.ContextTokens);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("model");
        }

        json.WriteNumber("calls", tally.Calls);
        json.WriteNumber("qualifying", tally.Qualifying);
        json.WriteNumber("costUsd", tally.CostUsd);
        json.WriteNumber("unpricedCalls", tally.Unpriced);
        var (cloud, carbon, unknown) = tally.CloudEnergy(energy);
        json.WriteStartObject("cloud");
        WriteRange(json, "energyWh", cloud.MinWh, cloud.MaxWh);
        WriteRange(json, "carbonG", carbon.MinGCO2e, carbon.MaxGCO2e);
        json.WriteNumber("unknownSizeCalls", unknown);
        json.WriteEndObject();
        if (tally.LocalEnergy(energy) is { } local)
        {
            var localCarbon = local.ToCarbon(grid.GCO2PerKWh);
            json.WriteStartObject("local");
            json.WriteString("device", tier.EnergyAdvice!.Device.Id);
            WriteRange(json, "energyWh", local.MinWh, local.MaxWh);
            WriteRange(json, "carbonG", localCarbon.MinGCO2e, localCarbon.MaxGCO2e);
            json.WriteEndObject();
            json.WriteStartObject("saved");
            json.WriteNumber("costUsd", tally.CostUsd);
            WriteRange(json, "energyWh", cloud.MinWh - local.MaxWh, cloud.MaxWh - local.MinWh);
            WriteRange(json, "carbonG", carbon.MinGCO2e - localCarbon.MaxGCO2e,
                carbon.MaxGCO2e - localCarbon.MinGCO2e);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("local");
            json.WriteStartObject("saved");
            json.WriteNumber("costUsd", tally.CostUsd);
            json.WriteNull("energyWh");
            json.WriteNull("carbonG");
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteRange(Utf8JsonWriter json, string name, double min, double max)
    {
        json.WriteStartObject(name);
        json.WriteNumber("min", min);
        json.WriteNumber("max", max);
        json.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } day)
        {
            json.WriteString(name, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void RenderTier(IAnsiConsole console, LocalFitTally tally, UsageEnergy energy, GridZone grid)
    {
        var tier = tally.Tier;
        var name = tier.Tier.ToString();
        if (tier.Advice is not { } advice)
        {
            Line(console, $"{name} ({tier.Device.Name}): no known model fits; no call qualifies.");
            return;
        }

        Line(console, $"{name}: {advice.Model.Name} Q4_K_M with a context window of {advice.ContextTokens:N0} tokens "
            + $"on {tier.Device.Name}");
        var share = tally.Calls == 0 ? 0 : 100.0 * tally.Qualifying / tally.Calls;
        Line(console, $"  calls that qualify: {tally.Qualifying:N0} of {tally.Calls:N0} ({Figure(share)} %)");
        var unpriced = tally.Unpriced > 0 ? $" ({Calls(tally.Unpriced)} unpriced, not counted)" : string.Empty;
        Line(console, $"  cloud cost: ${tally.CostUsd.ToString("0.0000", CultureInfo.InvariantCulture)}{unpriced}");
        var (cloud, carbon, unknown) = tally.CloudEnergy(energy);
        var unknownNote = unknown > 0
            ? $" ({Calls(unknown)} of unknown model size left out here and below)"
            : string.Empty;
        Line(console, $"  cloud energy: {Wh(cloud)} Wh, {Range(carbon.MinGCO2e, carbon.MaxGCO2e)} gCO2e{unknownNote}");
        if (tally.LocalEnergy(energy) is { } local)
        {
            var localCarbon = local.ToCarbon(grid.GCO2PerKWh);
            var standIn = tier.EnergyAdvice!.Device == tier.Device
                ? string.Empty
                : $" (on {tier.EnergyAdvice.Device.Name}: {tier.Device.Name} has no power figure)";
            Line(console,
                $"  local energy: {Wh(local)} Wh, {Range(localCarbon.MinGCO2e, localCarbon.MaxGCO2e)} gCO2e{standIn}");
            var savedMin = cloud.MinWh - local.MaxWh;
            var negative = savedMin < 0 ? " (below zero: the local machine may use more)" : string.Empty;
            Line(console, $"  saved: ${tally.CostUsd.ToString("0.0000", CultureInfo.InvariantCulture)}, "
                + $"{Range(savedMin, cloud.MaxWh - local.MinWh)} Wh, "
                + $"{Range(carbon.MinGCO2e - localCarbon.MaxGCO2e, carbon.MaxGCO2e - localCarbon.MinGCO2e)} gCO2e"
                + negative);
        }
        else
        {
            Line(console, $"  local energy: not estimated (no machine of the tier has a power figure)");
            Line(console, $"  saved: ${tally.CostUsd.ToString("0.0000", CultureInfo.InvariantCulture)}; energy and "
                + "carbon not estimated");
        }
    }

    private static string Calls(long count) => count == 1 ? "1 call" : $"{count:N0} calls";

    private static string Wh(EnergyRange range) => Range(range.MinWh, range.MaxWh);

    private static string Range(double min, double max) =>
        Math.Abs(max - min) < 1e-12 * Math.Max(1, Math.Abs(max)) ? Figure(min) : $"{Figure(min)} to {Figure(max)}";

    /// <summary>Three significant figures (whole numbers from 100 up), so both ends of a range read alike.</summary>
    private static string Figure(double value)
    {
        if (value == 0 || Math.Abs(value) >= 100)
        {
            return value.ToString("0", CultureInfo.InvariantCulture);
        }

        var decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 12);
        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static void Line(IAnsiConsole console, string text) => console.MarkupLine(Markup.Escape(text));
}
