using System.Globalization;
using System.Text.Json;
using Frugal.Domain.Pricing;

namespace Frugal.Sources.Prices;

/// <summary>
/// Loads Frugal's shipped price table and, on top of it, a user's override file of the same shape: an override
/// entry replaces the shipped price of the same id from the same date, or adds a new model.
/// </summary>
public static class PriceCatalog
{
    private const string ResourceName = "Frugal.Sources.Prices.prices.json";

    /// <summary>The shipped prices, plus those of <paramref name="overridePath"/> when given.</summary>
    public static PriceTable Load(string? overridePath = null)
    {
        var prices = Shipped().ToList();
        if (overridePath is not null)
        {
            prices.AddRange(FromFile(overridePath));
        }

        return new PriceTable(prices);
    }

    /// <summary>The shipped price entries.</summary>
    public static IReadOnlyList<ModelPrice> Shipped()
    {
        using var stream = typeof(PriceCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"The shipped price table {ResourceName} is missing from the build.");
        var file = JsonSerializer.Deserialize(stream, PriceFileJsonContext.Default.PriceFile);
        var problems = new List<string>();
        var prices = Convert(file, "shipped price table", "shipped price table", problems);
        return problems.Count > 0 ? throw new PriceFileException("shipped price table", problems) : prices;
    }

    /// <summary>Reads a user's price file; every problem in it is reported at once.</summary>
    public static IReadOnlyList<ModelPrice> FromFile(string path)
    {
        var problems = new List<string>();
        var entries = new List<PriceFileEntry>();
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            ReadEntries(document.RootElement, entries, problems);
        }
        catch (JsonException e)
        {
            throw new PriceFileException(path, [$"not valid JSON at line {e.LineNumber + 1}: fix the syntax"]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PriceFileException(path, [$"cannot be read ({e.Message})"]);
        }

        var prices = Convert(new PriceFile { Models = entries }, path, $"user file {path}", problems);
        return problems.Count > 0 ? throw new PriceFileException(path, problems) : prices;
    }

    /// <summary>
    /// Reads each entry on its own, so that one entry's wrong value does not hide another's problems.
    /// </summary>
    private static void ReadEntries(JsonElement root, List<PriceFileEntry> entries, List<string> problems)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("models", out var models)
            || models.ValueKind != JsonValueKind.Array)
        {
            problems.Add("has no \"models\" array: add one with an entry per model");
            return;
        }

        var index = 0;
        foreach (var element in models.EnumerateArray())
        {
            var where = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String ? id.GetString()! : $"models[{index}]";
            try
            {
                entries.Add(element.Deserialize(PriceFileJsonContext.Default.PriceFileEntry)!);
            }
            catch (JsonException e) when (UnknownField(e) is { } field)
            {
                problems.Add($"{where}: unknown field \"{field}\": remove it or correct its spelling");
            }
            catch (JsonException e)
            {
                problems.Add($"{where}: {e.Path?.TrimStart('$', '.') ?? "a value"} is not the kind of value expected; "
                    + "write prices as numbers, ids and dates as strings");
            }

            index++;
        }
    }

    /// <summary>The name of a price-file field that Frugal does not know, from the serializer's message.</summary>
    private static string? UnknownField(JsonException e)
    {
        const string marker = "The JSON property '";
        var start = e.Message.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0 || !e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return null;
        }

        start += marker.Length;
        var end = e.Message.IndexOf('\'', start);
        return end > start ? e.Message[start..end] : null;
    }

    private static List<ModelPrice> Convert(PriceFile? file, string path, string origin, List<string> problems)
    {
        var prices = new List<ModelPrice>();
        if (file?.Models is null)
        {
            throw new PriceFileException(path, ["has no \"models\" array: add one with an entry per model"]);
        }

        for (var i = 0; i < file.Models.Count; i++)
        {
            if (ToPrice(file.Models[i], origin, $"models[{i}]", problems) is { } price)
            {
                prices.Add(price);
            }
        }

        return prices;
    }

    private static ModelPrice? ToPrice(PriceFileEntry entry, string origin, string where, List<string> problems)
    {
        var before = problems.Count;
        var name = entry.Id ?? where;
        if (string.IsNullOrWhiteSpace(entry.Id))
        {
            problems.Add($"{where} has no \"id\": name the model");
        }

        foreach (var (field, value) in (ReadOnlySpan<(string, decimal?)>)
            [("input", entry.Input), ("output", entry.Output)])
        {
            if (value is null)
            {
                problems.Add($"{name} has no \"{field}\" price: give it in USD per million tokens");
            }
        }

        foreach (var (field, value) in (ReadOnlySpan<(string, decimal?)>)
            [("input", entry.Input), ("output", entry.Output), ("cacheRead", entry.CacheRead),
             ("cacheWrite5m", entry.CacheWrite5m), ("cacheWrite1h", entry.CacheWrite1h),
             ("webSearchPerThousand", entry.WebSearchPerThousand),
             ("longContext.cacheRead", entry.LongContext?.CacheRead),
             ("longContext.cacheWrite5m", entry.LongContext?.CacheWrite5m),
             ("longContext.cacheWrite1h", entry.LongContext?.CacheWrite1h)])
        {
            if (value < 0)
            {
                problems.Add($"{name}: \"{field}\" is negative; a price is zero or more");
            }
        }

        if (entry.Aliases?.Any(string.IsNullOrWhiteSpace) == true)
        {
            problems.Add($"{name}: \"aliases\" holds an empty or null id; remove it or name the model");
        }

        var from = ParseDate(entry.From, name, "from", problems);
        var longContext = ToLongContext(entry.LongContext, name, problems);
        var speeds = (entry.SpeedMultipliers ?? []).Select(s => ToSpeed(s, name, problems)).OfType<SpeedMultiplier>();
        var speedList = speeds.ToArray();
        if (problems.Count > before)
        {
            return null;
        }

        return new ModelPrice
        {
            Provider = entry.Provider ?? "custom",
            ModelId = entry.Id!,
            Aliases = entry.Aliases ?? [],
            EffectiveFrom = from,
            Rates = new TokenRates(
                entry.Input!.Value, entry.Output!.Value, entry.CacheRead, entry.CacheWrite5m, entry.CacheWrite1h),
            LongContext = longContext,
            WebSearchPerThousandUsd = entry.WebSearchPerThousand ?? 0m,
            SpeedMultipliers = speedList,
            Origin = entry.Source is null ? origin : $"{origin}: {entry.Source}",
        };
    }

    private static LongContextRule? ToLongContext(PriceFileLongContext? rule, string name, List<string> problems)
    {
        if (rule is null)
        {
            return null;
        }

        if (rule.ThresholdTokens is not > 0 || rule.Input is not >= 0 || rule.Output is not >= 0)
        {
            problems.Add(
                $"{name}: \"longContext\" needs \"thresholdTokens\" above zero and \"input\" and \"output\" prices");
            return null;
        }

        var rates = new TokenRates(
            rule.Input.Value, rule.Output.Value, rule.CacheRead, rule.CacheWrite5m, rule.CacheWrite1h);
        return new LongContextRule(rule.ThresholdTokens.Value, rates);
    }

    private static SpeedMultiplier? ToSpeed(PriceFileSpeed speed, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(speed.Speed) || speed.Multiplier is not > 0)
        {
            problems.Add($"{name}: each \"speedMultipliers\" entry needs a \"speed\" and a \"multiplier\" above zero");
            return null;
        }

        var from = ParseDate(speed.From, name, "speedMultipliers.from", problems);
        var until = ParseDate(speed.Until, name, "speedMultipliers.until", problems);
        if (from > until)
        {
            problems.Add($"{name}: a speed multiplier runs from {speed.From} until {speed.Until}, which is earlier; "
                + "swap the dates");
        }
        return new SpeedMultiplier(speed.Speed, speed.Multiplier.Value, from, until);
    }

    private static DateOnly? ParseDate(string? text, string name, string field, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"{name}: \"{field}\" is \"{text}\"; write the date as YYYY-MM-DD");
        return null;
    }
}
