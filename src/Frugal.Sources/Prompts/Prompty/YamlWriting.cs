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
        var style = value.Contains('\n') ? ScalarStyle.Literal
            : PlainSafe().IsMatch(value) && !LooksTyped(value) ? ScalarStyle.Plain
            : ScalarStyle.DoubleQuoted;
        return new YamlScalarNode(value) { Style = style };
    }

    /// <summary>A number or boolean scalar, written plain.</summary>
    public static YamlScalarNode Plain(string value) => new(value) { Style = ScalarStyle.Plain };

    /// <summary>Adds <paramref name="key"/> when <paramref name="value"/> is not null.</summary>
    public static void Put(this YamlMappingNode map, string key, YamlNode? value)
    {
        if (value is not null)
        {
            map.Add(new YamlScalarNode(key), value);
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
