using System.Globalization;

namespace Frugal.Cli.Rendering;

/// <summary>How numbers read in tables: thousands separators, dollars to the cent.</summary>
internal static class Numbers
{
    public static string Tokens(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A count with its noun, plural unless the count is one: "1 file", "620 files".</summary>
    public static string Count(long value, string noun) => $"{Tokens(value)} {noun}{(value == 1 ? string.Empty : "s")}";

    public static string Usd(decimal value) => "$" + Math.Round(value, 2, MidpointRounding.AwayFromZero)
        .ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>Dollars for JSON: rounded to the micro-dollar, the precision prices are given in.</summary>
    public static decimal UsdForJson(decimal value) =>
        Math.Round(value, 6, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000000m;
}
