using System.Text.Json.Serialization;

namespace Frugal.Sources.Prices;

/// <summary>The JSON shape of a price file: Frugal's shipped table and a user's override file alike.</summary>
internal sealed class PriceFile
{
    [JsonPropertyName("models")]
    public List<PriceFileEntry>? Models { get; set; }
}

/// <summary>One model's price in a price file, USD per million tokens. A field it does not know is a mistake.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class PriceFileEntry
{
    [JsonPropertyName("provider")] public string? Provider { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("aliases")] public List<string>? Aliases { get; set; }
    [JsonPropertyName("from")] public string? From { get; set; }
    [JsonPropertyName("input")] public decimal? Input { get; set; }
    [JsonPropertyName("output")] public decimal? Output { get; set; }
    [JsonPropertyName("cacheRead")] public decimal? CacheRead { get; set; }
    [JsonPropertyName("cacheWrite5m")] public decimal? CacheWrite5m { get; set; }
    [JsonPropertyName("cacheWrite1h")] public decimal? CacheWrite1h { get; set; }
    [JsonPropertyName("webSearchPerThousand")] public decimal? WebSearchPerThousand { get; set; }
    [JsonPropertyName("longContext")] public PriceFileLongContext? LongContext { get; set; }
    [JsonPropertyName("speedMultipliers")] public List<PriceFileSpeed>? SpeedMultipliers { get; set; }
    [JsonPropertyName("source")] public string? Source { get; set; }
}

/// <summary>A long-context rule in a price file.</summary>
internal sealed class PriceFileLongContext
{
    [JsonPropertyName("thresholdTokens")] public long? ThresholdTokens { get; set; }
    [JsonPropertyName("input")] public decimal? Input { get; set; }
    [JsonPropertyName("output")] public decimal? Output { get; set; }
    [JsonPropertyName("cacheRead")] public decimal? CacheRead { get; set; }
    [JsonPropertyName("cacheWrite5m")] public decimal? CacheWrite5m { get; set; }
    [JsonPropertyName("cacheWrite1h")] public decimal? CacheWrite1h { get; set; }
}

/// <summary>A speed-mode multiplier in a price file.</summary>
internal sealed class PriceFileSpeed
{
    [JsonPropertyName("speed")] public string? Speed { get; set; }
    [JsonPropertyName("multiplier")] public decimal? Multiplier { get; set; }
    [JsonPropertyName("from")] public string? From { get; set; }
    [JsonPropertyName("until")] public string? Until { get; set; }
}

[JsonSourceGenerationOptions(
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(PriceFile))]
[JsonSerializable(typeof(PriceFileEntry))]
internal sealed partial class PriceFileJsonContext : JsonSerializerContext;
