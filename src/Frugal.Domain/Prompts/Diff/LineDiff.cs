namespace Frugal.Domain.Prompts.Diff;

/// <summary>A short line diff of two texts: the removed and added lines of a longest common subsequence.</summary>
public static class LineDiff
{
    /// <summary>
    /// The changed lines, <c>- old</c> and <c>+ new</c> in order, at most <paramref name="limit"/> of them and then
    /// one line saying how many more there are.
    /// </summary>
    public static IReadOnlyList<string> Lines(string before, string after, int limit = 12)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = before.TrimEnd('\n').Split('\n');
        var b = after.TrimEnd('\n').Split('\n');
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (y >= b.Length || (x < a.Length && common[x + 1, y] >= common[x, y + 1]))
            {
                lines.Add("- " + a[x++]);
            }
            else
            {
                lines.Add("+ " + b[y++]);
            }
        }

        return lines.Count <= limit ? lines : [.. lines.Take(limit), $"… {lines.Count - limit} more changed lines"];
    }
}
