using System.Globalization;
using System.Text.RegularExpressions;
using Frugal.Cli.Infrastructure;
using Frugal.Domain.Energy;
using Frugal.Domain.Energy.Advice;

namespace Frugal.Cli.Commands;

/// <summary>Reads the values of <c>frugal advise</c>'s options; each bad value is one usage error.</summary>
internal static partial class AdviseInputs
{
    /// <summary>The hosted model the cloud estimate uses when none is named.</summary>
    public const string DefaultCompare = "gpt-4o-mini";

    /// <summary>The known architectures by the id the command takes, with other spellings each answers to.</summary>
    public static readonly IReadOnlyList<(string Id, ModelArchitecture Model)> Models =
    [
        ("llama-3-8b", KnownArchitectures.Llama3_8B),
        ("llama-3-70b", KnownArchitectures.Llama3_70B),
        ("qwen2.5-14b", KnownArchitectures.Qwen25_14B),
        ("qwen2.5-32b", KnownArchitectures.Qwen25_32B),
        ("mistral-7b", KnownArchitectures.Mistral7B),
        ("gpt-oss-20b", KnownArchitectures.GptOss20B),
        ("gpt-oss-120b", KnownArchitectures.GptOss120B),
        ("qwen3-30b-a3b", KnownArchitectures.Qwen3_30B_A3B),
    ];

    private static string ModelIds => string.Join(", ", Models.Select(m => m.Id));

    /// <summary>
    /// The model: a known one by id or name (<c>llama-3-8b</c>, <c>Llama-3.1-8B</c>, <c>llama3.1:8b</c>), or one of
    /// a given size whose KV cache shape is assumed.
    /// </summary>
    public static ModelArchitecture Model(string? id, string? parameters, string? active)
    {
        if (id is not null && parameters is not null)
        {
            throw CliError.Usage(
                "--model and --params are both given: name a known model or give a size, not both.");
        }

        if (id is not null)
        {
            if (active is not null)
            {
                throw CliError.Usage(
                    $"--active is given with --model {id}: a known model has its own active count; "
                    + "use --active only with --params.");
            }

            var key = Key(id);
            var found = Models.FirstOrDefault(m => Key(m.Id) == key || Key(m.Model.Name) == key).Model;
            return found ?? throw CliError.Usage(
                $"--model '{id}' is not a model whose shape Frugal knows: use one of {ModelIds}, "
                + "or give its size with --params, such as --params 8B.");
        }

        if (parameters is null)
        {
            throw CliError.Usage(
                $"no model given: name one with --model ({ModelIds}) or give its size with --params, such as 8B.");
        }

        var total = Billions("--params", parameters);
        var activeBillions = active is null ? (double?)null : Billions("--active", active);
        if (activeBillions > total)
        {
            throw CliError.Usage(
                $"--active {active} is more than --params {parameters}: the active weights are a part of the total.");
        }

        return ModelArchitecture.FromSize(total, activeBillions);
    }

    /// <summary>The smallest model the speed model is meant for, in billions (the smallest chat models, ~0.1
    /// B).</summary>
    public const double MinBillions = 0.1;

    /// <summary>The largest parameter count taken, in billions (100 trillion).</summary>
    public const double MaxBillions = 100_000;

    /// <summary>A parameter count: <c>8B</c>, <c>8</c>, <c>0.5B</c>, <c>500M</c> or <c>1.8T</c>.</summary>
    public static double Billions(string option, string text)
    {
        var match = SizePattern().Match(text);
        if (match.Success && double.TryParse(
                match.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
            && n > 0)
        {
            var billions = match.Groups["u"].Value.ToUpperInvariant() switch
            {
                "M" => n / 1000,
                "T" => n * 1000,
                _ => n,
            };
            if (billions is >= MinBillions and <= MaxBillions)
            {
                return billions;
            }

            throw CliError.Usage(
                $"{option} '{text}' is outside what Frugal estimates: give from 0.1B (100M) to 100,000B (100T).");
        }

        throw CliError.Usage(
            $"{option} '{text}' is not a parameter count: write it in billions, such as 8B, 70B or 0.5B "
            + "(M and T also work: 500M, 1.8T).");
    }

    /// <summary>A weight quantisation preset such as <c>Q4_K_M</c>.</summary>
    public static QuantPreset Quant(string text) =>
        QuantPreset.TryParse(text, out var preset)
            ? preset
            : throw CliError.Usage(
                $"--quant '{text}' is not a quantisation Frugal knows: use one of "
                + $"{string.Join(", ", QuantPreset.Known.Select(p => p.Name))}.");

    /// <summary>A KV cache element type: f16, q8_0 or q4_0.</summary>
    public static KvCacheType KvCache(string text)
    {
        var found = KvCacheType.Known.FirstOrDefault(
            k => string.Equals(k.Name, text.Trim(), StringComparison.OrdinalIgnoreCase));
        return found ?? throw CliError.Usage(
            $"--kv-cache '{text}' is not a KV cache type: use one of "
            + $"{string.Join(", ", KvCacheType.Known.Select(k => k.Name))}.");
    }

    /// <summary>A context window in tokens: <c>8192</c>, <c>8k</c> or <c>32K</c> (k = 1,024).</summary>
    public static int Context(string text)
    {
        var match = ContextPattern().Match(text);
        if (match.Success
            && long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            var tokens = match.Groups["k"].Success ? n * 1024 : n;
            if (tokens is > 0 and <= 10_000_000)
            {
                return (int)tokens;
            }
        }

        throw CliError.Usage(
            $"--context '{text}' is not a context window: give tokens from 1 to 10,000,000, such as 8192 or 32k.");
    }

    /// <summary>The tiers to show: one named, or all when none is.</summary>
    public static IReadOnlyList<DeviceTier> Tiers(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null => [DeviceTier.Entry, DeviceTier.Pro, DeviceTier.Power],
        "entry" => [DeviceTier.Entry],
        "pro" => [DeviceTier.Pro],
        "power" => [DeviceTier.Power],
        _ => throw CliError.Usage($"--tier '{text}' is not a tier: use entry, pro or power, or leave it out for all."),
    };

    /// <summary>
    /// The user's device, or null when none of its options is given. Memory is in GB as vendors sell it (GiB).
    /// </summary>
    public static Device? CustomDevice(string? memory, string? bandwidth, string? power, bool unified)
    {
        if (memory is null && bandwidth is null && power is null)
        {
            if (unified)
            {
                throw CliError.Usage("--device-unified describes a custom device: give --device-memory, "
                    + "--device-bandwidth and --device-power with it.");
            }

            return null;
        }

        var given = new[] { ("--device-memory", memory), ("--device-bandwidth", bandwidth), ("--device-power", power) };
        var missing = given.Where(o => o.Item2 is null).Select(o => o.Item1).ToArray();
        if (missing.Length > 0)
        {
            throw CliError.Usage(
                "a custom device needs --device-memory, --device-bandwidth and --device-power together; missing: "
                + string.Join(", ", missing) + ".");
        }

        var problems = new UsageProblems();
        var gib = problems.Check(() => Positive("--device-memory", memory!, MemoryPattern(), "a memory size",
            "such as 24GB (GB as memory is sold: 2^30 bytes, what the output calls GiB)"));
        var gbps = problems.Check(() => Positive("--device-bandwidth", bandwidth!, BandwidthPattern(),
            "a memory bandwidth", "in GB/s, such as 300"));
        var watts = problems.Check(() => Power(power!));
        problems.ThrowIfAny();

        var kind = unified ? MemoryKind.Unified : MemoryKind.Discrete;
        var name = string.Create(CultureInfo.InvariantCulture,
            $"Custom {gib:0.##} GB, {gbps:0.##} GB/s{(unified ? ", unified" : string.Empty)}");
        return Device.Custom(name, gib, gbps, watts, kind);
    }

    /// <summary>The hosted model the cloud estimate is for.</summary>
    public static ModelSize Compare(ModelFactsTable facts, string id) =>
        facts.Find(id) ?? throw CliError.Usage(
            $"--compare '{id}' is not a hosted model whose size Frugal knows: name one from the model table, "
            + "such as gpt-4o-mini, claude-haiku-4-5 or gemini-2.5-flash-lite.");

    /// <summary>The provider whose data-centre PUE applies to a hosted model, guessed from its id.</summary>
    public static string? ProviderOf(string modelId)
    {
        var id = modelId.ToLowerInvariant();
        return id switch
        {
            _ when id.StartsWith("gpt", StringComparison.Ordinal)
                || (id.Length > 1 && id[0] == 'o' && char.IsAsciiDigit(id[1])) => "openai",
            _ when id.StartsWith("claude", StringComparison.Ordinal) => "anthropic",
            _ when id.StartsWith("gemini", StringComparison.Ordinal) => "google",
            _ when id.StartsWith("mistral", StringComparison.Ordinal)
                || id.StartsWith("magistral", StringComparison.Ordinal) => "mistral",
            _ => null,
        };
    }

    private static WattRange Power(string text)
    {
        var match = PowerPattern().Match(text);
        if (match.Success
            && double.TryParse(match.Groups["a"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture,
                out var low)
            && low > 0)
        {
            var high = low;
            if (!match.Groups["b"].Success || double.TryParse(match.Groups["b"].Value,
                    NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out high))
            {
                if (high >= low && high <= 100_000)
                {
                    return WattRange.Of(low, high);
                }
            }
        }

        throw CliError.Usage(
            $"--device-power '{text}' is not a power draw: give watts while generating, as a range such as 40-60 "
            + "or one figure such as 50.");
    }

    private static double Positive(string option, string text, Regex pattern, string what, string example)
    {
        var match = pattern.Match(text);
        if (match.Success && double.TryParse(
                match.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
            && n is > 0 and <= 1_000_000)
        {
            return n;
        }

        throw CliError.Usage($"{option} '{text}' is not {what}: give it {example}.");
    }

    private static string Key(string text) =>
        new([.. text.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);

    [GeneratedRegex(@"^\s*(?<n>\d+(\.\d+)?)\s*(?<u>[bBmMtT])?\s*$")]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"^\s*(?<n>\d{1,9})\s*(?<k>[kK])?\s*$")]
    private static partial Regex ContextPattern();

    [GeneratedRegex(@"^\s*(?<n>\d+(\.\d+)?)\s*(GB|GiB|G|gb|gib|g)?\s*$")]
    private static partial Regex MemoryPattern();

    [GeneratedRegex(@"^\s*(?<n>\d+(\.\d+)?)\s*(GB/s|gb/s|GBps|gbps)?\s*$")]
    private static partial Regex BandwidthPattern();

    [GeneratedRegex(@"^\s*(?<a>\d+(\.\d+)?)\s*[wW]?\s*(-\s*(?<b>\d+(\.\d+)?)\s*[wW]?)?\s*$")]
    private static partial Regex PowerPattern();
}
