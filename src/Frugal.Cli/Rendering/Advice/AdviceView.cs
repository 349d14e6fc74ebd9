using System.Globalization;
using Frugal.Domain.Energy.Advice;
using Spectre.Console;

namespace Frugal.Cli.Rendering.Advice;

/// <summary>
/// Renders <c>frugal advise</c> for a terminal: the memory line, a table per tier, the cloud line and the accuracy.
/// </summary>
internal static class AdviceView
{
    public static void Render(IAnsiConsole console, AdviceResult result)
    {
        var model = result.Model;
        var memory = result.Memory;
        var shape = model.IsMixtureOfExperts
            ? $"{Figure(model.TotalBillionParameters)} B parameters, {Figure(model.ActiveBillionParameters)} B active"
            : $"{Figure(model.TotalBillionParameters)} B parameters, dense";
        Line(console, $"{model.Name} ({shape}) at {result.Quant.Name} ({Figure(result.Quant.BitsPerWeight)} bits per "
            + $"weight), {Numbers.Tokens(result.ContextTokens)}-token context, {result.KvCache.Name} KV cache");
        if (model.Assumption is { } assumption)
        {
            Line(console, $"{assumption}.");
        }

        Line(console, $"Memory: weights {Gib(memory.WeightsBytes)} GiB + KV cache {Gib(memory.KvCacheBytes)} GiB "
            + $"+ overhead {Gib(memory.OverheadMinBytes)}–{Gib(memory.OverheadMaxBytes)} GiB "
            + $"= {Gib(memory.TotalMinBytes)}–{Gib(memory.TotalMaxBytes)} GiB (1 GiB = 2^30 bytes)");
        Line(console, $"Energy and carbon per {Numbers.Tokens(AdviceResult.OutputTokens)} output tokens; "
            + $"grid {result.Zone.Code} ({result.Zone.Name}), {Figure(result.Zone.GCO2PerKWh)} gCO2e/kWh.");

        foreach (var tier in result.Devices.GroupBy(d => d.Device.Tier))
        {
            console.WriteLine();
            RenderTier(console, result, tier.Key, [.. tier]);
        }

        console.WriteLine();
        var cloud = result.Cloud;
        var size = result.CloudModel;
        var parameters = size.IsDense
            ? $"{Span(size.TotalBillions.MinBillions, size.TotalBillions.MaxBillions)} B"
            : $"{Span(size.TotalBillions.MinBillions, size.TotalBillions.MaxBillions)} B, "
                + $"{Span(size.ActiveBillions.MinBillions, size.ActiveBillions.MaxBillions)} B active";
        Line(console, $"Cloud, {size.ModelId} ({parameters}): {Numbers.Tokens(AdviceResult.OutputTokens)} output "
            + $"tokens take {Range(cloud.Energy.MinWh, cloud.Energy.MaxWh)} Wh, "
            + $"{Range(cloud.Carbon.MinGCO2e, cloud.Carbon.MaxGCO2e)} gCO2e at {result.Zone.Code} "
            + $"(method {cloud.Method}).");
        Line(console, $"Accuracy (this run: tokens/s {(result.NarrowSpeedBand ? "±30 %" : "±50 %")}):");
        Line(console, $"  tokens/s {AdviceResult.SpeedBandDense}, {AdviceResult.SpeedBandOther};");
        Line(console, $"  energy {AdviceResult.EnergyBand}; cloud: {AdviceResult.CloudBand}.");
    }

    private static void RenderTier(IAnsiConsole console, AdviceResult result, DeviceTier tier,
        IReadOnlyList<LocalAdvice> rows)
    {
        Line(console, TierTitle(tier));
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("Device"));
        table.AddColumn(new TableColumn("Usable memory").RightAligned());
        table.AddColumn(new TableColumn("Fit"));
        table.AddColumn(new TableColumn("Decode tok/s").RightAligned());
        table.AddColumn(new TableColumn("Prefill tok/s").RightAligned());
        table.AddColumn(new TableColumn("Wh / 1k out").RightAligned());
        table.AddColumn(new TableColumn("gCO2e / 1k out").RightAligned());
        foreach (var advice in rows)
        {
            var device = advice.Device;
            var carbon = result.CarbonOf(advice);
            var noEnergy = advice.DecodeTokensPerSecond is null ? "–" : "no power figure";
            table.AddRow(
                Markup.Escape(device.Name),
                $"{Gib(device.UsableMinBytes)}–{Gib(device.UsableMaxBytes)} GiB",
                Fit(advice.Fit),
                advice.DecodeTokensPerSecond is { } decode ? Speed(decode) : "–",
                advice.PrefillTokensPerSecond is { } prefill ? Speed(prefill)
                    : advice.DecodeTokensPerSecond is null ? "–" : "not known",
                advice.Energy is { } e ? Range(e.WhPerThousandTokensMin, e.WhPerThousandTokensMax) : noEnergy,
                carbon is { } c ? Range(c.MinGCO2e, c.MaxGCO2e) : noEnergy);
        }

        console.Write(table);
        foreach (var advice in rows.Where(a => a.Reason is not null))
        {
            Line(console, $"  {advice.Reason}.");
        }
    }

    private static string TierTitle(DeviceTier tier) => tier switch
    {
        DeviceTier.Entry => "Entry: the cheapest machine that runs a small model",
        DeviceTier.Pro => "Pro: a workstation with large unified memory",
        DeviceTier.Power => "Power: a desktop with a high-end discrete GPU",
        _ => "Custom: the device you described",
    };

    private static string Fit(FitVerdict fit) => fit switch
    {
        FitVerdict.Fits => "fits",
        FitVerdict.Tight => "tight",
        _ => "does not fit",
    };

    private static void Line(IAnsiConsole console, string text) => console.MarkupLine(Markup.Escape(text));

    /// <summary>GiB (2^30 bytes) to two places.</summary>
    internal static string Gib(double bytes) =>
        ByteSize.ToGiB(bytes).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Speed(double tokensPerSecond) =>
        tokensPerSecond.ToString(tokensPerSecond < 10 ? "0.0" : "N0", CultureInfo.InvariantCulture);

    private static string Figure(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Span(double min, double max) => min == max ? Figure(min) : $"{Figure(min)}–{Figure(max)}";

    /// <summary>A range to a precision that suits its high end: 3 significant figures at most.</summary>
    internal static string Range(double min, double max)
    {
        var format = max switch
        {
            >= 100 => "N0",
            >= 10 => "0.0",
            >= 1 => "0.00",
            >= 0.1 => "0.000",
            _ => "0.0000",
        };
        var low = min.ToString(format, CultureInfo.InvariantCulture);
        var high = max.ToString(format, CultureInfo.InvariantCulture);
        return low == high ? low : $"{low}–{high}";
    }
}
