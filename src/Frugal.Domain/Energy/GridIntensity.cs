using System.Collections.Frozen;

namespace Frugal.Domain.Energy;

/// <summary>
/// Grid carbon intensity by zone. Default: the world average (<c>WOR</c>, 473 gCO2e/kWh). Figures are lifecycle
/// gCO2e/kWh from EcoLogits' electricity mixes (Our World in Data, 2024 data); zones EcoLogits lacks use CodeCarbon's
/// copy of the same source (2023 data).
/// </summary>
public static class GridIntensity
{
    private const string EcoLogits =
        "EcoLogits ecologits/data/electricity_mixes.csv (commit 0adc8ab, Our World in Data, 2024 data)";

    private const string CodeCarbon =
        "CodeCarbon codecarbon/data/private_infra/global_energy_mix.json (Our World in Data / Ember, 2023 data)";

    private static readonly GridZone[] AllZones =
    [
        new("WOR", "World average", 473.0, EcoLogits),
        new("USA", "United States", 383.6, EcoLogits),
        new("CAN", "Canada", 174.8, EcoLogits),
        new("GBR", "United Kingdom", 210.9, EcoLogits),
        new("FRA", "France", 44.2, EcoLogits),
        new("DEU", "Germany", 344.1, EcoLogits),
        new("NLD", "Netherlands", 253.3, EcoLogits),
        new("IRL", "Ireland", 279.7, EcoLogits),
        new("ESP", "Spain", 146.2, EcoLogits),
        new("ITA", "Italy", 287.5, EcoLogits),
        new("POL", "Poland", 615.0, EcoLogits),
        new("SWE", "Sweden", 35.8, EcoLogits),
        new("NOR", "Norway", 30.8, EcoLogits),
        new("CHE", "Switzerland", 36.6, EcoLogits),
        new("CHN", "China", 559.6, EcoLogits),
        new("IND", "India", 708.3, EcoLogits),
        new("JPN", "Japan", 482.3, EcoLogits),
        new("KOR", "South Korea", 414.3, EcoLogits),
        new("TWN", "Taiwan", 635.7, EcoLogits),
        new("AUS", "Australia", 551.6, EcoLogits),
        new("BRA", "Brazil", 103.2, EcoLogits),
        new("SGP", "Singapore", 470.8, CodeCarbon),
        new("ZAF", "South Africa", 707.7, CodeCarbon),
    ];

    private static readonly FrozenDictionary<string, GridZone> ByCode =
        AllZones.ToFrozenDictionary(zone => zone.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The code of the default zone, the world average.</summary>
    public const string DefaultCode = "WOR";

    /// <summary>The world average, used when no zone is named.</summary>
    public static GridZone World => ByCode[DefaultCode];

    /// <summary>Every built-in zone, world first.</summary>
    public static IReadOnlyList<GridZone> Zones => AllZones;

    /// <summary>
    /// The zone named by <paramref name="code"/> (ISO 3166 alpha-3, any case); the world average when null or blank.
    /// </summary>
    /// <exception cref="ArgumentException">The code is not a known zone; the message lists the known ones.</exception>
    public static GridZone Resolve(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return World;
        }

        if (ByCode.TryGetValue(code.Trim(), out var zone))
        {
            return zone;
        }

        throw new ArgumentException(
            $"Unknown grid zone '{code}'. Name a zone by its ISO 3166 alpha-3 country code, or WOR for the world "
            + $"average ({World.GCO2PerKWh} gCO2e/kWh); known zones: "
            + $"{string.Join(", ", AllZones.Select(z => z.Code))}. "
            + "For any other grid give its intensity in gCO2e/kWh as a number instead of a zone.",
            nameof(code));
    }
}
