using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Frugal.Sources.Prompts;

internal static partial class GoYamlValue
{
    private const string CoreTagPrefix = "tag:yaml.org,2002:";
    private const string StrTag = "!!str";
    private const string IntTag = "!!int";
    private const string FloatTag = "!!float";
    private const string BoolTag = "!!bool";
    private const string NullTag = "!!null";
    private const string TimestampTag = "!!timestamp";
    private const string BinaryTag = "!!binary";

    private static readonly string[] ResolvableTags = [StrTag, IntTag, FloatTag, BoolTag, NullTag, TimestampTag];

    /// <summary>
    /// A scalar. Untagged (or <c>!</c>), a quoted or block scalar is a string and a plain one is resolved; with a
    /// tag, <c>!!str</c> is a string, <c>!!binary</c> is base64 decoded, the other core tags must match what the
    /// text resolves to (an integer may be tagged <c>!!float</c>), and any other tag leaves the text a string.
    /// </summary>
    private static GoValue Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        var tag = scalar.Tag.IsEmpty ? string.Empty : ShortTag(scalar.Tag.Value);
        if (tag is "" or "!")
        {
            return scalar.Style is ScalarStyle.Plain or ScalarStyle.Any ? Resolve(text, string.Empty) : String(text);
        }

        if (tag == StrTag)
        {
            return String(text);
        }

        if (tag == BinaryTag)
        {
            return Binary(text);
        }

        if (!ResolvableTags.Contains(tag, StringComparer.Ordinal))
        {
            return String(text);
        }

        var value = Resolve(text, tag);
        var resolved = TagOf(value.Kind);
        if (resolved == tag)
        {
            return value;
        }

        if (tag == FloatTag && value.Int64 is { } whole)
        {
            return Float(whole);
        }

        return value with { Refused = $"is tagged {tag} but {Clip(text)} is a {resolved} (gh-models' YAML decoder "
            + $"refuses the file): remove the tag, or write a {tag[2..]}" };
    }

    /// <summary>yaml.v3's <c>resolve</c> for a plain scalar, untagged or with the core tag given.</summary>
    private static GoValue Resolve(string text, string tag)
    {
        var hint = text.Length == 0 ? 'N' : Hint(text[0]);
        if (hint == '\0')
        {
            return String(text);
        }

        if (Known(text) is { } known)
        {
            return known;
        }

        if (hint == '.')
        {
            return DotFloat().IsMatch(text) && ParseFloat(text.Replace("_", string.Empty, StringComparison.Ordinal))
                is { } number ? Float(number) : String(text);
        }

        if (hint is 'D' or 'S')
        {
            if (tag is "" or TimestampTag && Timestamp(text) is { } time)
            {
                return time;
            }

            return Number(text.Replace("_", string.Empty, StringComparison.Ordinal)) ?? String(text);
        }

        return String(text);
    }

    /// <summary>An integer, else a float, else a binary or octal form yaml.v3 reads after those.</summary>
    private static GoValue? Number(string plain)
    {
        if (ParseInt(plain, 0) is { } signed)
        {
            return Integer(signed);
        }

        if (ParseUint(plain, 0) is { } unsigned)
        {
            return new GoValue(GoValueKind.Integer, unsigned.ToString(CultureInfo.InvariantCulture));
        }

        if (YamlStyleFloat().IsMatch(plain) && ParseFloat(plain) is { } number)
        {
            return Float(number);
        }

        return Prefixed(plain, "0b", 2) ?? Prefixed(plain, "0o", 8);
    }

    /// <summary>
    /// <c>0b…</c> and <c>0o…</c> read in their base (what <c>ParseInt</c> with base 0 left: a sign after the
    /// prefix, such as <c>0b-101</c>), and <c>-0b…</c>, <c>-0o…</c>.
    /// </summary>
    private static GoValue? Prefixed(string plain, string prefix, int numberBase)
    {
        if (plain.StartsWith(prefix, StringComparison.Ordinal))
        {
            var digits = plain[2..];
            return ParseInt(digits, numberBase) is { } signed ? Integer(signed)
                : ParseUint(digits, numberBase) is { } unsigned
                    ? new GoValue(GoValueKind.Integer, unsigned.ToString(CultureInfo.InvariantCulture))
                    : null;
        }

        if (plain.StartsWith("-" + prefix, StringComparison.Ordinal) && ParseInt("-" + plain[3..], numberBase) is { } n)
        {
            return Integer(n);
        }

        return null;
    }

    /// <summary>The words yaml.v3 maps to a value (YAML 1.2's core schema: no <c>yes</c>, <c>on</c>).</summary>
    private static GoValue? Known(string text) => text switch
    {
        "true" or "True" or "TRUE" => new GoValue(GoValueKind.Boolean, "true"),
        "false" or "False" or "FALSE" => new GoValue(GoValueKind.Boolean, "false"),
        "" or "~" or "null" or "Null" or "NULL" => new GoValue(GoValueKind.Null, "<nil>"),
        ".nan" or ".NaN" or ".NAN" => Float(double.NaN),
        ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" => Float(double.PositiveInfinity),
        "-.inf" or "-.Inf" or "-.INF" => Float(double.NegativeInfinity),
        _ => null,
    };

    /// <summary>yaml.v3's first-character hint: sign, digit, a word of the map, a dot, or nothing to resolve.</summary>
    private static char Hint(char first) => first switch
    {
        '+' or '-' => 'S',
        >= '0' and <= '9' => 'D',
        'y' or 'Y' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'o' or 'O' or '~' => 'M',
        '.' => '.',
        _ => '\0',
    };

    private static GoValue Binary(string text)
    {
        try
        {
            return String(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
        }
        catch (FormatException)
        {
            return String(text) with
            {
                Refused = "is tagged !!binary but is not base64 (gh-models' YAML decoder refuses the file): remove "
                    + "the tag",
            };
        }
    }

    private static GoValue String(string text) => new(GoValueKind.String, text);

    private static GoValue Integer(long value) =>
        new(GoValueKind.Integer, value.ToString(CultureInfo.InvariantCulture)) { Int64 = value };

    private static GoValue Float(double value) => new(GoValueKind.Float, FormatFloat(value)) { Float64 = value };

    private static string TagOf(GoValueKind kind) => kind switch
    {
        GoValueKind.Integer => IntTag,
        GoValueKind.Float => FloatTag,
        GoValueKind.Boolean => BoolTag,
        GoValueKind.Null => NullTag,
        GoValueKind.Timestamp => TimestampTag,
        _ => StrTag,
    };

    private static string ShortTag(string tag) =>
        tag.StartsWith(CoreTagPrefix, StringComparison.Ordinal) ? "!!" + tag[CoreTagPrefix.Length..] : tag;

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>yaml.v3's <c>yamlStyleFloat</c>, applied once underscores are removed.</summary>
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlStyleFloat();

    /// <summary>
    /// What Go's <c>ParseFloat</c> reads from text starting with a dot: digits, an exponent, and underscores only
    /// between digits (<c>underscoreOK</c>).
    /// </summary>
    [GeneratedRegex(@"^\.[0-9]+(_[0-9]+)*([eE][-+]?[0-9]+(_[0-9]+)*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DotFloat();
}
