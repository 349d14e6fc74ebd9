using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Frugal.Sources.Prompts.Prompty;

/// <summary>Builds YAML trees to write, with strings that read back as the same strings.</summary>
internal static partial class YamlWriting
{
    /// <summary>
    /// A string scalar: a literal block when it spans lines, plain when plain text cannot be read as anything else
    /// (a number, a boolean, null, a date), double-quoted otherwise.
    /// </summary>
    public static YamlScalarNode Text(string value)
    {
        var style = value.Contains('\n') ? (LiteralSafe(value) ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted)
            : PlainSafe().IsMatch(value) && !LooksTyped(value) ? ScalarStyle.Plain
            : ScalarStyle.DoubleQuoted;
        return new YamlScalarNode(value) { Style = style };
    }

    /// <summary>
    /// A copy of <paramref name="node"/> without YAML tags (which other readers may not know), meaning kept: a
    /// <c>!!str</c>-tagged plain value is quoted instead; block text that a block cannot hold exactly is quoted.
    /// </summary>
    public static YamlNode Untagged(YamlNode node, ref bool dropped)
    {
        var tagged = !node.Tag.IsEmpty && !node.Tag.IsNonSpecific;
        dropped |= tagged;
        switch (node)
        {
            case YamlScalarNode scalar:
                var text = scalar.Value ?? string.Empty;
                var style = scalar.Style;
                if (tagged && node.Tag.Value == "tag:yaml.org,2002:str"
                    && style is ScalarStyle.Plain or ScalarStyle.Any)
                {
                    style = ScalarStyle.DoubleQuoted;
                }
                else if (style is ScalarStyle.Literal or ScalarStyle.Folded && !LiteralSafe(text))
                {
                    style = ScalarStyle.DoubleQuoted;
                }

                return new YamlScalarNode(scalar.Value) { Style = style };
            case YamlSequenceNode list:
                var items = new List<YamlNode>();
                foreach (var item in list.Children)
                {
                    items.Add(Untagged(item, ref dropped));
                }

                return new YamlSequenceNode(items) { Style = list.Style };
            case YamlMappingNode map:
                var entries = new List<KeyValuePair<YamlNode, YamlNode>>();
                foreach (var (key, value) in map.Children)
                {
                    entries.Add(new(Untagged(key, ref dropped), Untagged(value, ref dropped)));
                }

                return new YamlMappingNode(entries) { Style = map.Style };
            default:
                return node;
        }
    }

    /// <summary>
    /// Whether a literal block keeps <paramref name="value"/> exactly: no carriage return, no character a YAML
    /// reader treats as a line break (U+0085, U+2028, U+2029) or refuses unescaped (other controls, U+FEFF), no
    /// leading space or newline (which need an indentation indicator), and not only newlines.
    /// </summary>
    private static bool LiteralSafe(string value) =>
        value.Length > 0 && value[0] is not (' ' or '\n' or '\t') && value.Trim('\n').Length > 0
        && !value.Any(c => c is '\u0085' or '\u2028' or '\u2029' or '\ufeff'
            || (char.IsControl(c) && c is not '\n' and not '\t'));

    /// <summary>A number or boolean scalar, written plain.</summary>
    public static YamlScalarNode Plain(string value) => new(value) { Style = ScalarStyle.Plain };

    /// <summary>Sets <paramref name="key"/> when <paramref name="value"/> is not null.</summary>
    public static void Put(this YamlMappingNode map, string key, YamlNode? value)
    {
        if (value is not null)
        {
            // A key given twice keeps its last value, as YAML readers that allow it do.
            map.Children[new YamlScalarNode(key)] = value;
        }
    }

    /// <summary>The node under <paramref name="key"/>, or null.</summary>
    public static YamlNode? Get(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    /// <summary>The scalar text under <paramref name="key"/>, or null when absent or not a scalar.</summary>
    public static string? Scalar(this YamlMappingNode map, string key) => (map.Get(key) as YamlScalarNode)?.Value;

    /// <summary>The mapping's YAML text, without document markers, ending in a newline.</summary>
    public static string Write(YamlMappingNode root)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, EmitterSettings.Default.WithIndentedSequences());
        new YamlStream(new YamlDocument(root)).Save(emitter, assignAnchors: false);
        var text = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.EndsWith("...\n", StringComparison.Ordinal))
        {
            text = text[..^4];
        }

        return text.EndsWith('\n') ? text : text + "\n";
    }

    private static bool LooksTyped(string value) =>
        Typed().IsMatch(value) || value.ToLowerInvariant() is "y" or "n" or "yes" or "no" or "on" or "off"
            or "true" or "false" or "null" or "~";

    /// <summary>Text plain style keeps as written: no leading indicator, no ': ' or ' #', no edge spaces.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_(](?!.*(: |:$| #| $))[^\x00-\x1F\x7F]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainSafe();

    /// <summary>Numbers in YAML 1.1 or 1.2 forms, and dates: plain text a reader would not take as a string.</summary>
    [GeneratedRegex(@"^([-+]?(\d[\d_]*)?\.?\d[\d_]*([eE][-+]?\d+)?|[-+]?0[xXoObB][0-9a-fA-F_]+|[-+]?\.(inf|Inf|INF)"
        + @"|\.(nan|NaN|NAN)|\d{4}-\d\d?-\d\d?.*|[-+]?\d[\d_]*(:[0-5]?\d)+(\.\d*)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Typed();
}
