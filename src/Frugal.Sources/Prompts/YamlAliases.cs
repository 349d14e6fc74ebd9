using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Frugal.Sources.Prompts;

/// <summary>Finds YAML aliases, which can expand a small file exponentially when its tree is walked.</summary>
internal static class YamlAliases
{
    /// <summary>Where the first alias is, or null when there is none (or the text does not parse).</summary>
    public static Mark? FirstAlias(string text)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                if (parser.Current is AnchorAlias alias)
                {
                    return alias.Start;
                }
            }
        }
        catch (YamlException)
        {
            // The load that follows reports the syntax error with its position.
        }

        return null;
    }
}
