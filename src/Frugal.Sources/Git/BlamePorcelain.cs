using System.Text;

namespace Frugal.Sources.Git;

/// <summary>Reads <c>git blame --porcelain</c>: which commit wrote each blamed line.</summary>
internal static class BlamePorcelain
{
    /// <summary>
    /// Adds each blamed line to its commit's count in <paramref name="counts"/>, leaving out lines blamed on a
    /// boundary commit (the edge of a shallow clone, whose own history is not there); returns the lines seen.
    /// </summary>
    public static int Count(ReadOnlySpan<byte> output, Dictionary<string, int> counts)
    {
        var perCommit = new Dictionary<string, int>(StringComparer.Ordinal);
        var boundary = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        var lines = 0;
        foreach (var range in output.Split((byte)'\n'))
        {
            var line = output[range];
            if (line.IsEmpty || line[0] == (byte)'\t')
            {
                continue;
            }

            if (line.Length > 41 && line[40] == (byte)' ' && IsHex(line[..40]))
            {
                current = Encoding.ASCII.GetString(line[..40]);
                perCommit[current] = perCommit.GetValueOrDefault(current) + 1;
                lines++;
                continue;
            }

            if (current is not null && line.SequenceEqual("boundary"u8))
            {
                boundary.Add(current);
            }
        }

        foreach (var (sha, count) in perCommit)
        {
            if (!boundary.Contains(sha))
            {
                counts[sha] = counts.GetValueOrDefault(sha) + count;
            }
        }

        return lines;
    }

    private static bool IsHex(ReadOnlySpan<byte> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigitLower((char)c))
            {
                return false;
            }
        }

        return true;
    }
}
