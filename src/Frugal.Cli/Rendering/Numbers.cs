using System.Globalization;

namespace Frugal.Cli.Rendering;

/// <summary>How numbers read in tables: thousands separators, dollars to the cent.</summary>
internal static class Numbers
{
    public static string Tokens(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A count with its noun, plural unless the count is one: "1 file", "620 files".</summary>
    public static string Count(long value, string noun) => Count(value, noun, noun + "s");

    /// <summary>A count with its noun in the singular or the plural given: "1 fix", "2 fixes".</summary>
    public static string Count(long value, string singular, string plural) =>
        $"{Tokens(value)} {(value == 1 ? singular : plural)}";

    public static string Usd(decimal value) => "$" + Math.Round(value, 2, MidpointRounding.AwayFromZero)
        .ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>Dollars for JSON: rounded to the micro-dollar, the precision prices are given in.</summary>
    public static decimal UsdForJson(decimal value) =>
        Math.Round(value, 6, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000000m;

    /// <summary>
    /// A range as "min–max", both ends to the same precision, chosen from the high end so the figure shows about two
    /// significant digits: "12–19", "0.8–1.3", "0.04–0.05"; below 0.001 "&lt;0.001"; a point range shows once.
    /// </summary>
    public static string Range(double min, double max)
    {
        if (max == 0)
        {
            return "0";
        }

        if (max < 0.001)
        {
            return "<0.001";
        }

        var format = max >= 10 ? "N0" : max >= 1 ? "N1" : max >= 0.1 ? "N2" : "N3";
        var low = min.ToString(format, CultureInfo.InvariantCulture);
        var high = max.ToString(format, CultureInfo.InvariantCulture);
        return low == high ? high : $"{low}\u2013{high}";
    }

    /// <summary>A measure for JSON: rounded to six decimals, so sums read without float noise.</summary>
    public static double ForJson(double value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);
}
