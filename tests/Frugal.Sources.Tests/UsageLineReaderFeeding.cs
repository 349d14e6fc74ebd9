using System.Text;
using Frugal.Sources.Jsonl;

namespace Frugal.Sources.Tests;

/// <summary>Feeds text lines to a reader as a file would, numbering them from 1.</summary>
internal static class UsageLineReaderFeeding
{
    public static void Feed(this UsageLineReader reader, params string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            reader.OnLine(Encoding.UTF8.GetBytes(lines[i]), i + 1);
        }
    }
}
