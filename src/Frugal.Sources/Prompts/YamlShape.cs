using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Frugal.Sources.Prompts;

/// <summary>
/// What YAML text holds that must be refused before it is loaded into a tree: an alias, which can expand a small
/// file exponentially when the tree is walked, or collections nested so deep that loading them would overflow the
/// stack (YamlDotNet loads nested collections recursively and a stack overflow ends the process). It is read with
/// the event parser alone, which keeps no tree and does not recurse.
/// </summary>
internal static class YamlShape
{
    /// <summary>
    /// The deepest nesting of lists and mappings read, the document's own mapping counted as 1. gh-models' YAML
    /// decoder (yaml.v3) refuses beyond 10,000; a prompt file has no use for more than a few levels, and 1,000
    /// keeps every reader of the tree far from the end of its stack.
    /// </summary>
    public const int MaxDepth = 1000;

    /// <summary>What is wrong with collections nested deeper than <see cref="MaxDepth"/>, and the fix.</summary>
    public static string TooDeepMessage { get; } =
        $"lists and mappings are nested more than {MaxDepth.ToString("N0", CultureInfo.InvariantCulture)} levels "
        + "deep, more than Frugal reads (gh-models' YAML decoder stops at 10,000): write the value flatter";

    /// <summary>
    /// Where the first alias or the first collection beyond <see cref="MaxDepth"/> is, whichever comes first; null
    /// when there is neither (or the text does not parse: the load that follows reports the syntax error).
    /// </summary>
    public static YamlShapeFault? FirstFault(string text) => Read(text).Fault;

    /// <summary>
    /// Reads <paramref name="text"/> as far as it parses: the first fault, and every scalar (keys too) as YAML
    /// decodes it, escapes resolved and folded lines joined, for checks on the text the tree holds.
    /// </summary>
    public static YamlShapeReport Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var depth = 0;
        YamlShapeFault? fault = null;
        var scalars = new List<YamlText>();
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias alias:
                        fault ??= new YamlShapeFault(alias.Start, YamlShapeFaultKind.Alias);
                        break;
                    case SequenceStart or MappingStart when ++depth > MaxDepth:
                        fault ??= new YamlShapeFault(parser.Current.Start, YamlShapeFaultKind.TooDeep);
                        break;
                    case SequenceEnd or MappingEnd:
                        depth--;
                        break;
                    case Scalar scalar:
                        scalars.Add(new YamlText((int)scalar.Start.Line, (int)scalar.End.Line, scalar.Value));
                        break;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // The load that follows reports the syntax error with its position.
        }

        return new YamlShapeReport(fault, scalars);
    }
}

/// <summary>What <see cref="YamlShape.Read"/> found.</summary>
/// <param name="Fault">The first alias or collection too deep; null when there is none.</param>
/// <param name="Scalars">Every scalar read, in file order.</param>
internal sealed record YamlShapeReport(YamlShapeFault? Fault, IReadOnlyList<YamlText> Scalars);

/// <summary>A scalar as YAML decodes it, and the lines it is written on.</summary>
/// <param name="Line">Its first line, from 1.</param>
/// <param name="EndLine">Its last line.</param>
/// <param name="Text">Its decoded text.</param>
internal readonly record struct YamlText(int Line, int EndLine, string Text);

/// <summary>A fault <see cref="YamlShape"/> refuses, and where it is.</summary>
/// <param name="Start">Where the alias or the collection too deep starts.</param>
/// <param name="Kind">Which fault it is.</param>
internal sealed record YamlShapeFault(Mark Start, YamlShapeFaultKind Kind)
{
    /// <summary>The line, from 1.</summary>
    public int Line => (int)Start.Line;

    /// <summary>The column, from 1.</summary>
    public int Column => (int)Start.Column;
}

/// <summary>The faults <see cref="YamlShape"/> refuses.</summary>
internal enum YamlShapeFaultKind
{
    /// <summary>An alias (<c>*name</c>).</summary>
    Alias,

    /// <summary>A list or mapping nested deeper than <see cref="YamlShape.MaxDepth"/>.</summary>
    TooDeep,
}
