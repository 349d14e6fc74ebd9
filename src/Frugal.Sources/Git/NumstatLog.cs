using System.Buffers.Text;

namespace Frugal.Sources.Git;

/// <summary>
/// Parses <c>git log --numstat --format=%x1e%H</c>: a record separator and the commit id, then one
/// <c>added TAB deleted TAB path</c> line per file (<c>-</c> for both counts of a binary file).
/// </summary>
internal static class NumstatLog
{
    /// <summary>
    /// The counts of each commit in the output. When <paramref name="complete"/> is false git stopped early, so the
    /// last commit it started may be cut short and is left out.
    /// </summary>
    public static List<(string Sha, LineCounts Counts)> Parse(ReadOnlySpan<byte> output, bool complete)
    {
        var result = new List<(string, LineCounts)>();
        foreach (var record in Records(output))
        {
            result.Add(record);
        }

        if (!complete && result.Count > 0)
        {
            result.RemoveAt(result.Count - 1);
        }

        return result;
    }

    private static List<(string, LineCounts)> Records(ReadOnlySpan<byte> output)
    {
        var records = new List<(string, LineCounts)>();
        string? sha = null;
        long added = 0, deleted = 0;
        var files = 0;
        foreach (var range in output.Split((byte)'\n'))
        {
            var line = output[range];
            if (line.Length > 0 && line[0] == 0x1E)
            {
                if (sha is not null)
                {
                    records.Add((sha, new LineCounts(added, deleted, files, Known: true)));
                }

                sha = System.Text.Encoding.ASCII.GetString(line[1..]).Trim();
                (added, deleted, files) = (0, 0, 0);
                continue;
            }

            var tab = line.IndexOf((byte)'\t');
            if (sha is null || tab < 0)
            {
                continue;
            }

            var second = line[(tab + 1)..].IndexOf((byte)'\t');
            files++;
            if (Utf8Parser.TryParse(line[..tab], out long a, out _)
                && second >= 0 && Utf8Parser.TryParse(line.Slice(tab + 1, second), out long d, out _))
            {
                added += a;
                deleted += d;
            }
        }

        if (sha is not null)
        {
            records.Add((sha, new LineCounts(added, deleted, files, Known: true)));
        }

        return records;
    }
}
