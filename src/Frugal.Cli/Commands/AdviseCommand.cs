using System.CommandLine;
using Frugal.Cli.Infrastructure;
using Frugal.Cli.Rendering.Advice;
using Frugal.Domain.Energy;
using Frugal.Domain.Energy.Advice;

namespace Frugal.Cli.Commands;

/// <summary>
/// <c>frugal advise</c>: whether a model runs on the machines users know, how fast, at what energy per 1,000 output
/// tokens, next to a hosted model's estimate.
/// </summary>
internal static class AdviseCommand
{
    private static readonly Option<string?> Model = new("--model")
    {
        Description = "A model whose shape Frugal knows: "
            + string.Join(", ", AdviseInputs.Models.Select(m => m.Id)) + ".",
        HelpName = "ID",
    };

    private static readonly Option<string?> Params = new("--params")
    {
        Description = "Or the model's total size in billions, such as 8B (its KV cache shape is then assumed).",
        HelpName = "SIZE",
    };

    private static readonly Option<string?> Active = new("--active")
    {
        Description = "With --params: the weights read per token of a mixture of experts, such as 3B.",
        HelpName = "SIZE",
    };

    private static readonly Option<string> Quant = new("--quant")
    {
        Description = "The weight quantisation: "
            + string.Join(", ", QuantPreset.Known.Select(p => p.Name)) + ".",
        HelpName = "PRESET",
        DefaultValueFactory = _ => QuantPreset.Q4_K_M.Name,
    };

    private static readonly Option<string> Context = new("--context")
    {
        Description = "The context window the KV cache is sized for, in tokens (8192, or 32k).",
        HelpName = "TOKENS",
        DefaultValueFactory = _ => "8192",
    };

    private static readonly Option<string> KvCache = new("--kv-cache")
    {
        Description = "The KV cache element type: f16, q8_0 or q4_0.",
        HelpName = "TYPE",
        DefaultValueFactory = _ => KvCacheType.F16.Name,
    };

    private static readonly Option<string?> Tier = new("--tier")
    {
        Description = "Show one tier: entry, pro or power (default: all).",
        HelpName = "TIER",
    };

    private static readonly Option<string?> DeviceMemory = new("--device-memory")
    {
        Description = "Your device: its GPU or unified memory, as sold (24GB).",
        HelpName = "SIZE",
    };

    private static readonly Option<string?> DeviceBandwidth = new("--device-bandwidth")
    {
        Description = "Your device: its memory bandwidth in GB/s (300).",
        HelpName = "GBPS",
    };

    private static readonly Option<string?> DevicePower = new("--device-power")
    {
        Description = "Your device: its wall power while generating, in watts (40-60, or 50).",
        HelpName = "WATTS",
    };

    private static readonly Option<bool> DeviceUnified = new("--device-unified")
    {
        Description = "Your device has unified memory, such as an Apple Mac (default: a discrete GPU).",
    };

    private static readonly Option<string> Compare = new("--compare")
    {
        Description = "The hosted model the cloud estimate is for.",
        HelpName = "MODEL",
        DefaultValueFactory = _ => AdviseInputs.DefaultCompare,
    };

    private static readonly Option<bool> FromLedger = new("--from-ledger")
    {
        Description = "Estimate which past calls in the ledger each tier's local model could have run, and the "
            + "cost, energy and carbon that would have saved.",
    };

    private static readonly Option<bool> NoImport = new("--no-import")
    {
        Description = "With --from-ledger: count what the ledger holds without reading new log lines first.",
    };

    private static readonly Option<string?> Since = new("--since")
    {
        Description = "With --from-ledger: the first day counted (YYYY-MM-DD, local time).",
        HelpName = "DATE",
    };

    private static readonly Option<string?> Until = new("--until")
    {
        Description = "With --from-ledger: the last day counted (YYYY-MM-DD, local time).",
        HelpName = "DATE",
    };

    public static Command Create()
    {
        var command = new Command(
            "advise",
            "Whether a local model fits each tier of machine, its speed, and its energy per 1,000 output tokens "
            + "next to a hosted model's.")
        {
            Model, Params, Active, Quant, Context, KvCache, Tier, DeviceMemory, DeviceBandwidth, DevicePower,
            DeviceUnified, CommonOptions.GridZone, Compare, CommonOptions.Json, FromLedger, Since, Until,
            CommonOptions.Ledger, CommonOptions.Source, CommonOptions.Prices, CommonOptions.ModelFacts, NoImport,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Run(parse, cancel)));
        return command;
    }

    /// <summary>Options that mean something only with <c>--from-ledger</c>.</summary>
    private static IEnumerable<Option> LedgerOnly =>
        [Since, Until, CommonOptions.Ledger, CommonOptions.Source, CommonOptions.Prices, NoImport];

    /// <summary>Options that describe the one model to advise on, which <c>--from-ledger</c> chooses itself.</summary>
    private static IEnumerable<Option> ModelOnly =>
        [Model, Params, Active, Quant, Context, KvCache, DeviceMemory, DeviceBandwidth, DevicePower, DeviceUnified,
            Compare];

    private static int Run(ParseResult parse, CancellationToken cancel)
    {
        var fromLedger = parse.GetValue(FromLedger);
        var misplaced = (fromLedger ? ModelOnly : LedgerOnly).Where(o => parse.GetResult(o) is { Implicit: false })
            .Select(o => o.Name).ToList();
        if (misplaced.Count > 0)
        {
            throw CliError.Usage(fromLedger
                ? $"{string.Join(", ", misplaced)} {(misplaced.Count == 1 ? "is" : "are")} not used with "
                    + "--from-ledger, which picks each tier's model itself: leave "
                    + (misplaced.Count == 1 ? "it" : "them") + " out, or drop --from-ledger to advise on one model."
                : $"{string.Join(", ", misplaced)} {(misplaced.Count == 1 ? "works" : "work")} only with "
                    + "--from-ledger: add it to look back at past calls, or leave "
                    + (misplaced.Count == 1 ? "it" : "them") + " out.");
        }

        if (fromLedger)
        {
            return RunFromLedger(parse, cancel);
        }

        var result = Advise(parse);
        if (parse.GetValue(CommonOptions.Json))
        {
            using var stdout = Console.OpenStandardOutput();
            AdviceJson.Write(stdout, result);
            stdout.WriteByte((byte)'\n');
        }
        else
        {
            AdviceView.Render(Consoles.Out(), result);
        }

        return 0;
    }

    private static int RunFromLedger(ParseResult parse, CancellationToken cancel)
    {
        var problems = new UsageProblems();
        var sources = parse.GetValue(NoImport)
            ? null
            : problems.Check(() => SourceOptions.Resolve(parse.GetValue(CommonOptions.Source)));
        var range = problems.Check(() => DateRange.Parse(parse.GetValue(Since), parse.GetValue(Until)));
        var tiers = problems.Check(() => AdviseInputs.Tiers(parse.GetValue(Tier)));
        var zone = problems.Check(() => GridZones.Resolve(parse.GetValue(CommonOptions.GridZone)));
        var prices = problems.Check(() => LedgerSession.LoadPrices(parse.GetValue(CommonOptions.Prices)));
        var facts = problems.Check(() => LedgerSession.LoadModelFacts(parse.GetValue(CommonOptions.ModelFacts)));
        problems.ThrowIfAny();
        var json = parse.GetValue(CommonOptions.Json);
        using var ledger = LedgerSession.OpenLedger(parse.GetValue(CommonOptions.Ledger));
        if (sources is not null)
        {
            var (import, elapsed) = ImportRunner.Run(ledger, sources, cancel);
            ReportCommand.RenderImportNotes(import, elapsed, json);
        }

        return AdviseFromLedger.Run(Consoles.Out(), ledger, prices!, facts!, range!, tiers!, zone!, json);
    }

    private static AdviceResult Advise(ParseResult parse)
    {
        // Every option is checked before any is refused, so one run names every problem.
        var problems = new UsageProblems();
        var model = problems.Check(() => AdviseInputs.Model(
            parse.GetValue(Model), parse.GetValue(Params), parse.GetValue(Active)));
        var quant = problems.Check(() => AdviseInputs.Quant(parse.GetValue(Quant)!));
        var context = problems.Check(() => AdviseInputs.Context(parse.GetValue(Context)!));
        var kvCache = problems.Check(() => AdviseInputs.KvCache(parse.GetValue(KvCache)!));
        var tiers = problems.Check(() => AdviseInputs.Tiers(parse.GetValue(Tier)));
        var custom = problems.Check(() => AdviseInputs.CustomDevice(
            parse.GetValue(DeviceMemory), parse.GetValue(DeviceBandwidth), parse.GetValue(DevicePower),
            parse.GetValue(DeviceUnified)));
        var zone = problems.Check(() => GridZones.Resolve(parse.GetValue(CommonOptions.GridZone)));
        var facts = problems.Check(() => LedgerSession.LoadModelFacts(parse.GetValue(CommonOptions.ModelFacts)));
        var compare = facts is null
            ? null
            : problems.Check(() => AdviseInputs.Compare(facts, parse.GetValue(Compare)!));
        problems.ThrowIfAny();

        var devices = tiers!.SelectMany(Devices.InTier).ToList();
        if (custom is not null)
        {
            devices.Add(custom);
        }

        var advice = devices.Select(d => LocalAdvisor.Advise(model!, quant!, context, d, kvCache)).ToList();
        var cloud = CloudEnergyModel.Estimate(
            compare!, AdviceResult.OutputTokens, 0, null, AdviseInputs.ProviderOf(compare!.ModelId),
            zone!.GCO2PerKWh, includePrefill: false);
        return new AdviceResult(
            model!, quant!, context, kvCache!, MemoryBreakdown.Compute(model!, quant!, context, kvCache), zone, advice,
            compare, cloud);
    }
}
