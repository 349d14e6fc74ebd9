using System.Globalization;
using Frugal.Domain.Scoring;

namespace Frugal.Cli.Rendering.Audit;

/// <summary>How the audit writes its figures: the same in every format.</summary>
internal static class Figures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Share(double? share) => share is { } s ? s.ToString("0%", Invariant) : "n/a";

    public static string Usd(decimal value) => Numbers.Usd(value);

    public static string Usd(decimal? value) => value is { } v ? Numbers.Usd(v) : "n/a";

    public static string Count(long value) => value.ToString("N0", Invariant);

    /// <summary>A count with its noun in the singular or plural: 1 fix, 2 fixes.</summary>
    public static string Count(long value, string singular, string plural) =>
        Numbers.Count(value, singular, plural);

    /// <summary>Large token counts in millions or thousands: 12.3M, 45.6k.</summary>
    public static string Tokens(double value) => value switch
    {
        >= 1e9 => (value / 1e9).ToString("0.##", Invariant) + "B",
        >= 1e6 => (value / 1e6).ToString("0.##", Invariant) + "M",
        >= 1e4 => (value / 1e3).ToString("0.#", Invariant) + "k",
        _ => value.ToString("N0", Invariant),
    };

    public static string Tokens(double? value) => value is { } v ? Tokens(v) : "n/a";

    public static string Hours(double? hours) => hours is { } h ? h.ToString("0.0", Invariant) + " h" : "unknown";

    public static string Ratio(double? value) => value is { } v ? v.ToString("0.00", Invariant) : "n/a";

    public static string PerThousand(double? value) => value is { } v ? v.ToString("0.00", Invariant) : "n/a";

    /// <summary>A score: significant digits whatever its size (the manifesto score is often tiny).</summary>
    public static string Score(ScoreResult score) => score.Value is { } v
        ? (v == 0 ? "0" : Math.Abs(v) >= 0.01 ? v.ToString("0.###", Invariant) : v.ToString("0.###E+0", Invariant))
        : "n/a";

    public static string Grade(ScoreResult score) =>
        score.Grade == Domain.Scoring.Grade.NotApplicable ? "n/a" : score.Grade.ToString();

    public static string Short(string sha) => sha.Length > 8 ? sha[..8] : sha;

    public static string Clip(string text, int width) => text.Length > width ? text[..(width - 1)] + "…" : text;
}
