using System.Globalization;
using System.Text.Json;
using Frugal.Domain.Energy;

namespace Frugal.Cli.Infrastructure;

/// <summary>
/// The grid carbon is counted at, from the first that gives one: <c>--zone</c>, the <c>FRUGAL_GRID_ZONE</c>
/// environment variable, <c>gridZone</c> in <c>$XDG_CONFIG_HOME/frugal/config.json</c>; else the world average.
/// </summary>
internal static class GridZones
{
    /// <summary>The environment variable that sets the grid zone when <c>--zone</c> is not given.</summary>
    public const string EnvironmentVariable = "FRUGAL_GRID_ZONE";

    /// <summary>The most carbon-intensive grid a given figure may claim, gCO2e/kWh (coal alone is ~1,000).</summary>
    private const double MaxIntensity = 5_000;

    /// <summary>Resolves the zone; a bad value is a usage error that says where it came from.</summary>
    public static GridZone Resolve(string? option)
    {
        if (option is not null)
        {
            return Parse(option, "--zone");
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Parse(fromEnvironment, EnvironmentVariable);
        }

        return LedgerLocation.DefaultConfig() is { } config && ReadConfig(config) is { } fromFile
            ? Parse(fromFile, $"gridZone in {config}")
            : GridIntensity.World;
    }

    /// <summary>A zone code (any case) or an intensity in gCO2e/kWh written as a number.</summary>
    internal static GridZone Parse(string value, string origin)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw CliError.BadGridZone(value, origin, GridIntensity.Zones.Select(z => z.Code));
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var intensity))
        {
            return intensity is > 0 and <= MaxIntensity
                ? new GridZone("custom", "given intensity", intensity, "user-supplied")
                : throw CliError.Usage(
                    $"{origin} {value} gCO2e/kWh is not a grid's intensity: give a figure above 0 and up to 5,000.");
        }

        try
        {
            return GridIntensity.Resolve(value);
        }
        catch (ArgumentException)
        {
            throw CliError.BadGridZone(value, origin, GridIntensity.Zones.Select(z => z.Code));
        }
    }

    private static string? ReadConfig(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("gridZone", out var zone))
            {
                return null;
            }

            return zone.ValueKind switch
            {
                JsonValueKind.String => zone.GetString(),
                JsonValueKind.Number => zone.GetRawText(),
                JsonValueKind.Null => null,
                _ => throw CliError.Usage(
                    $"gridZone in {path} must be a zone code such as \"FRA\" or a number of gCO2e/kWh."),
            };
        }
        catch (JsonException e)
        {
            throw CliError.Usage($"{path} is not valid JSON ({e.Message}): fix or remove the file.");
        }
        catch (IOException e)
        {
            throw CliError.Usage($"{path} cannot be read ({e.Message}).");
        }
    }
}
