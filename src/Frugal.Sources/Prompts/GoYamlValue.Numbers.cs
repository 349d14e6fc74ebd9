using System.Globalization;
using System.Text;

namespace Frugal.Sources.Prompts;

internal static partial class GoYamlValue
{
    /// <summary>
    /// Go's <c>strconv.ParseUint</c> without underscores: base 0 reads <c>0x</c>, <c>0o</c>, <c>0b</c> (in either
    /// case, with a digit after them) and a leading <c>0</c> as octal; null for a syntax or range error.
    /// </summary>
    private static ulong? ParseUint(string text, int numberBase)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var start = 0;
        if (numberBase == 0)
        {
            numberBase = 10;
            if (text[0] == '0')
            {
                (numberBase, start) = (text.Length >= 3 ? char.ToLowerInvariant(text[1]) : '0') switch
                {
                    'b' => (2, 2),
                    'o' => (8, 2),
                    'x' => (16, 2),
                    _ => (8, 1),
                };
            }
        }

        UInt128 value = 0;
        foreach (var c in text.AsSpan(start))
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'z' => c - 'a' + 10,
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => int.MaxValue,
            };
            if (digit >= numberBase)
            {
                return null;
            }

            value = (value * (uint)numberBase) + (uint)digit;
            if (value > ulong.MaxValue)
            {
                return null;
            }
        }

        return (ulong)value;
    }

    /// <summary>Go's <c>strconv.ParseInt</c>: an optional sign, then <see cref="ParseUint"/>, within int64.</summary>
    private static long? ParseInt(string text, int numberBase)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var negative = text[0] == '-';
        var unsigned = text[0] is '-' or '+' ? text[1..] : text;
        if (ParseUint(unsigned, numberBase) is not { } magnitude)
        {
            return null;
        }

        if (!negative)
        {
            return magnitude <= long.MaxValue ? (long)magnitude : null;
        }

        return magnitude switch
        {
            <= long.MaxValue => -(long)magnitude,
            (ulong)long.MaxValue + 1 => long.MinValue,
            _ => null,
        };
    }

    /// <summary>
    /// Decimal text (already checked to be one of the forms yaml.v3 lets through) as a double; null when Go's
    /// <c>ParseFloat</c> gives a range error, as beyond ±1.8e308. Both parsers round to the nearest double.
    /// </summary>
    private static double? ParseFloat(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        && double.IsFinite(number)
            ? number
            : null;

    /// <summary>
    /// Go's <c>%v</c> of a float64: <c>strconv</c>'s <c>'g'</c> with the shortest digits that read back exactly,
    /// in exponent form (<c>d.ddde±dd</c>, at least two exponent digits) when the decimal exponent is below -4 or
    /// at least 6 (<c>ftoa.go</c>: "if precision was the shortest possible, use precision 6 for this decision"),
    /// else plain; <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>; and <c>-0</c> for negative zero.
    /// </summary>
    internal static string FormatFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var sign = double.IsNegative(value) ? "-" : string.Empty;
        if (value == 0)
        {
            return sign + "0";
        }

        var (digits, point) = ShortestDigits(Math.Abs(value));
        var exponent = point - 1;
        return sign + (exponent < -4 || exponent >= 6 ? Scientific(digits, exponent) : Plain(digits, point));
    }

    /// <summary>
    /// The shortest round-trip digits of a positive finite <paramref name="value"/> (no leading or trailing zeros)
    /// and where the decimal point falls: value = 0.<c>digits</c> × 10^<c>point</c>. .NET's <c>R</c> format gives
    /// the shortest round-trip form, as Go's does.
    /// </summary>
    private static (string Digits, int Point) ShortestDigits(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOfAny(['E', 'e']);
        var exponent = e < 0 ? 0 : int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? mantissa.Length : dot;
        var all = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var leading = all.Length - all.TrimStart('0').Length;
        return (all.Trim('0'), whole - leading + exponent);
    }

    /// <summary><c>fmtE</c>: the first digit, the rest after a point, <c>e</c>, a sign, two or more digits.</summary>
    private static string Scientific(string digits, int exponent)
    {
        var text = new StringBuilder().Append(digits[0]);
        if (digits.Length > 1)
        {
            text.Append('.').Append(digits, 1, digits.Length - 1);
        }

        text.Append(exponent < 0 ? "e-" : "e+");
        return text.Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture)).ToString();
    }

    /// <summary><c>fmtF</c> with as many decimals as digits after the point.</summary>
    private static string Plain(string digits, int point)
    {
        var text = new StringBuilder();
        if (point > 0)
        {
            text.Append(digits, 0, Math.Min(digits.Length, point)).Append('0', Math.Max(point - digits.Length, 0));
        }
        else
        {
            text.Append('0');
        }

        var decimals = Math.Max(digits.Length - point, 0);
        if (decimals > 0)
        {
            text.Append('.');
            for (var i = 0; i < decimals; i++)
            {
                var at = point + i;
                text.Append(at >= 0 && at < digits.Length ? digits[at] : '0');
            }
        }

        return text.ToString();
    }
}
