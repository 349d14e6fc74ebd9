using System.Globalization;
using System.Text;
using Frugal.Sources.Git;

namespace Frugal.Storage.Ledger;

public sealed partial class UsageLedger
{
    /// <summary>The line counts remembered for any of <paramref name="shas"/>.</summary>
    public Dictionary<string, LineCounts> LoadLineCounts(IEnumerable<string> shas)
    {
        ArgumentNullException.ThrowIfNull(shas);
        var found = new Dictionary<string, LineCounts>(StringComparer.Ordinal);
        using var command = new PreparedStatement(
            _connection, "SELECT added, deleted, files, known FROM git_line_counts WHERE sha = $sha;");
        foreach (var sha in shas)
        {
            command["$sha"] = sha;
            using var reader = command.Reader();
            if (reader.Read())
            {
                found[sha] = new LineCounts(
                    reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt64(3) != 0);
            }
        }

        return found;
    }

    /// <summary>
    /// Remembers line counts git worked out. Unknown counts (a missing blob) are not remembered: a later fetch may
    /// bring the blob.
    /// </summary>
    public void SaveLineCounts(IReadOnlyDictionary<string, LineCounts> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        using var transaction = _connection.BeginTransaction();
        using var command = new PreparedStatement(_connection, """
            INSERT OR REPLACE INTO git_line_counts (sha, added, deleted, files, known)
            VALUES ($sha, $added, $deleted, $files, 1);
            """);
        foreach (var (sha, count) in counts)
        {
            if (count.Known)
            {
                command["$sha"] = sha;
                command["$added"] = count.Added;
                command["$deleted"] = count.Deleted;
                command["$files"] = count.Files;
                command.Execute();
            }
        }

        transaction.Commit();
    }

    /// <summary>The blame of each fix in <paramref name="shas"/> remembered under <paramref name="method"/>.</summary>
    public Dictionary<string, FixBlame> LoadFixBlames(IEnumerable<string> shas, string method)
    {
        ArgumentNullException.ThrowIfNull(shas);
        var found = new Dictionary<string, FixBlame>(StringComparer.Ordinal);
        using var command = new PreparedStatement(_connection, """
            SELECT candidates, blamed_lines, problem FROM git_fix_blame WHERE sha = $sha AND method = $method;
            """);
        foreach (var sha in shas)
        {
            command["$sha"] = sha;
            command["$method"] = method;
            using var reader = command.Reader();
            if (reader.Read())
            {
                found[sha] = new FixBlame(
                    sha, ParseCandidates(reader.GetString(0)), reader.GetInt32(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2));
            }
        }

        return found;
    }

    /// <summary>Remembers the blame of fixes, worked out with <paramref name="method"/>.</summary>
    public void SaveFixBlames(IEnumerable<FixBlame> blames, string method)
    {
        ArgumentNullException.ThrowIfNull(blames);
        using var transaction = _connection.BeginTransaction();
        using var command = new PreparedStatement(_connection, """
            INSERT OR REPLACE INTO git_fix_blame (sha, method, candidates, blamed_lines, problem)
            VALUES ($sha, $method, $candidates, $lines, $problem);
            """);
        foreach (var blame in blames)
        {
            command["$sha"] = blame.FixSha;
            command["$method"] = method;
            command["$candidates"] = FormatCandidates(blame.Candidates);
            command["$lines"] = blame.BlamedLines;
            command["$problem"] = blame.Problem;
            command.Execute();
        }

        transaction.Commit();
    }

    private static string FormatCandidates(IReadOnlyDictionary<string, int> candidates)
    {
        var text = new StringBuilder();
        foreach (var (sha, lines) in candidates.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            text.Append(text.Length == 0 ? "" : " ").Append(sha).Append(':')
                .Append(lines.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static Dictionary<string, int> ParseCandidates(string text)
    {
        var candidates = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            candidates[pair[..colon]] = int.Parse(pair.AsSpan(colon + 1), CultureInfo.InvariantCulture);
        }

        return candidates;
    }
}
