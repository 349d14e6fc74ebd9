using System.Text;
using YamlDotNet.RepresentationModel;

namespace Frugal.Sources.Prompts;

/// <summary>What a YAML value decodes to in Go, as gh-models reads a <c>testData</c> value.</summary>
internal enum GoValueKind
{
    /// <summary>A string: a quoted or block scalar, or plain text that is nothing else.</summary>
    String,

    /// <summary>An <c>int</c> or, above <c>int64</c>, a <c>uint64</c>.</summary>
    Integer,

    /// <summary>A <c>float64</c>.</summary>
    Float,

    /// <summary>A <c>bool</c>.</summary>
    Boolean,

    /// <summary>A <c>time.Time</c>: a plain <c>2024-01-01</c> or ISO 8601 date and time.</summary>
    Timestamp,

    /// <summary><c>nil</c>: an empty value, <c>~</c> or <c>null</c>.</summary>
    Null,

    /// <summary>A <c>[]interface{}</c>.</summary>
    List,

    /// <summary>A <c>map[string]interface{}</c>.</summary>
    Mapping,
}

/// <summary>One decoded value.</summary>
/// <param name="Kind">What it decodes to.</param>
/// <param name="Text">Go's <c>%v</c> of it: what gh-models puts in place of <c>{{name}}</c>.</param>
/// <param name="Refused">
/// Why gh-models' YAML decoder refuses the value (an explicit tag the text does not match, or bad base64), which
/// makes it refuse the whole file; null when it decodes.
/// </param>
internal sealed record GoValue(GoValueKind Kind, string Text, string? Refused = null)
{
    /// <summary>The integer, when the value is one that fits <c>int64</c> (for a <c>!!float</c> tag).</summary>
    public long? Int64 { get; init; }

    /// <summary>The <c>float64</c>, when the value is a float.</summary>
    public double? Float64 { get; init; }
}

/// <summary>
/// A <c>testData</c> value as gh-models substitutes it. <c>gh models eval</c> decodes test data with
/// <c>gopkg.in/yaml.v3</c> into <c>map[string]interface{}</c>, then puts a string value in place of <c>{{key}}</c> as
/// it is and any other value as <c>fmt.Sprintf("%v", value)</c>. So <c>1.5e3</c> is sent as <c>1500</c>,
/// <c>0x1F</c> as <c>31</c>, <c>007</c> as <c>7</c>, <c>1e6</c> as <c>1e+06</c>, <c>True</c> as <c>true</c> and
/// <c>2024-01-01</c> as <c>2024-01-01 00:00:00 +0000 UTC</c>, while <c>'007'</c> and <c>yes</c> stay as written.
/// Every reader of a test value takes its text from here, so rendered messages, evaluator and check values and
/// token counts all see what gh-models sends.
/// </summary>
/// <remarks>
/// The rules are read from the sources, repository and path:
/// github/gh-models <c>pkg/prompt/prompt.go</c> (<c>TestDataItem</c>, <c>TemplateString</c>) and <c>go.mod</c>
/// (<c>gopkg.in/yaml.v3 v3.0.1</c>);
/// go-yaml/yaml at v3.0.1 <c>resolve.go</c> (<c>resolve</c>, <c>parseTimestamp</c>) and <c>decode.go</c>
/// (<c>scalar</c>, <c>sequence</c>, <c>mapping</c>, <c>indicatedString</c>);
/// golang/go <c>src/fmt/print.go</c> (<c>fmtFloat</c>, <c>printValue</c>), <c>src/fmt/format.go</c>
/// (<c>fmtFloat</c>), <c>src/strconv/ftoa.go</c> (<c>formatDigits</c>, <c>fmtE</c>, <c>fmtF</c>),
/// <c>src/strconv/atoi.go</c> (<c>ParseUint</c>, <c>ParseInt</c>), <c>src/strconv/atof.go</c>
/// (<c>readFloat</c>, <c>underscoreOK</c>) and <c>src/time/format.go</c> (<c>Parse</c>, <c>Time.String</c>).
/// </remarks>
internal static partial class GoYamlValue
{
    /// <summary>The value of <paramref name="node"/> as gh-models sends it.</summary>
    public static GoValue Of(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node switch
        {
            YamlScalarNode scalar => Scalar(scalar),
            YamlSequenceNode list => List(list),
            YamlMappingNode map => Mapping(map),
            // Aliases are refused before any value is read (PromptFile).
            _ => new GoValue(GoValueKind.Null, "<nil>"),
        };
    }

    /// <summary>Go prints a slice as <c>[a b]</c>: its items' <c>%v</c>, space-separated.</summary>
    private static GoValue List(YamlSequenceNode list)
    {
        var items = list.Children.Select(Of).ToList();
        return new GoValue(GoValueKind.List, "[" + string.Join(' ', items.Select(i => i.Text)) + "]",
            items.Select(i => i.Refused).FirstOrDefault(r => r is not null));
    }

    /// <summary>
    /// Go prints a map as <c>map[k:v k:v]</c>, keys sorted. String keys sort by their bytes; a map with keys of
    /// other types sorts them by type first, in an order Go does not define, so for those this is an approximation.
    /// </summary>
    private static GoValue Mapping(YamlMappingNode map)
    {
        var entries = map.Children
            .Select(e => (Key: Of(e.Key), Value: Of(e.Value)))
            .OrderBy(e => e.Key.Text, StringComparer.Ordinal)
            .ToList();
        var text = new StringBuilder("map[");
        text.AppendJoin(' ', entries.Select(e => $"{e.Key.Text}:{e.Value.Text}"));
        text.Append(']');
        return new GoValue(GoValueKind.Mapping, text.ToString(),
            entries.Select(e => e.Key.Refused ?? e.Value.Refused).FirstOrDefault(r => r is not null));
    }
}
