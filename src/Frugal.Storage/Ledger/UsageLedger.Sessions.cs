using Frugal.Domain.Audit;
using Frugal.Domain.Reporting;
using Frugal.Domain.Usage;

namespace Frugal.Storage.Ledger;

public sealed partial class UsageLedger
{
    /// <summary>
    /// Streams the calls from <paramref name="from"/> (inclusive) to <paramref name="until"/> (exclusive) summed per
    /// session, project, branch, tool, model, speed, prompt tier and UTC date, then each session's context trend.
    /// Both come from one snapshot of the ledger. Calls to a local model server are grouped apart, with the energy the
    /// gateway recorded for them.
    /// </summary>
    public void ReadSessionActivity(
        DateTimeOffset from, DateTimeOffset until, Func<long, int> promptTier, Action<SessionCallGroup> visitGroup,
        Action<ContextTrend> visitTrend)
    {
        ArgumentNullException.ThrowIfNull(promptTier);
        ArgumentNullException.ThrowIfNull(visitGroup);
        ArgumentNullException.ThrowIfNull(visitTrend);

        using var snapshot = _connection.BeginTransaction(deferred: true);
        var (contexts, shapes, sessionOf, sessions) = SessionContexts();
        var sums = new Dictionary<(long Day, int Shape, int Tier), GroupSum>();
        var trends = new TrendSum?[sessions.Count];

        GroupSum Add(long ts, long contextId, TokenCounts tokens, long webSearches)
        {
            var shape = contexts[contextId];
            var key = (ts / DayMs, shape, promptTier(tokens.PromptTokens));
            if (!sums.TryGetValue(key, out var sum))
            {
                sums[key] = sum = new GroupSum(ts);
            }

            sum.Add(ts, tokens, webSearches);
            var session = sessionOf[shape];
            (trends[session] ??= new TrendSum(ts)).Add(ts, tokens.CacheReadTokens);
            return sum;
        }

        if (!NeedsRecordedEnergy(shapes.Exists(s => s.Local)))
        {
            ReadCallNumbers(from, until, (ts, contextId, tokens, webSearches) =>
                Add(ts, contextId, tokens, webSearches));
        }
        else
        {
            ReadCallNumbersWithEnergy(from, until, (ts, contextId, tokens, webSearches, energy) =>
                Add(ts, contextId, tokens, webSearches).AddRecorded(energy));
        }

        foreach (var ((_, shape, tier), sum) in sums)
        {
            var s = shapes[shape];
            visitGroup(new SessionCallGroup(s.Source, s.Session, s.Branch, s.Tool, new UsageGroup(
                DateTimeOffset.FromUnixTimeMilliseconds(sum.First), DateTimeOffset.FromUnixTimeMilliseconds(sum.Last),
                s.Session, s.Project, s.Model, s.Speed, tier, sum.Tokens, sum.WebSearches, sum.Calls)
            {
                Local = s.Local,
                RecordedEnergy = s.Local ? sum.RecordedEnergy : null,
            }));
        }

        for (var i = 0; i < sessions.Count; i++)
        {
            if (trends[i] is { } trend)
            {
                visitTrend(trend.Fit(sessions[i].Source, sessions[i].Session));
            }
        }
    }

    /// <summary>Every working folder a call was ever made in, whatever its date.</summary>
    public IReadOnlyList<string> Projects()
    {
        using var command = new PreparedStatement(
            _connection, "SELECT DISTINCT project FROM usage_context WHERE project IS NOT NULL ORDER BY project;");
        using var reader = command.Reader();
        var projects = new List<string>();
        while (reader.Read())
        {
            projects.Add(reader.GetString(0));
        }

        return projects;
    }

    private (Dictionary<long, int> Contexts, List<SessionShape> Shapes, List<int> SessionOf,
        List<(string Source, string Session)> Sessions) SessionContexts()
    {
        var contexts = new Dictionary<long, int>();
        var shapes = new List<SessionShape>();
        var numbers = new Dictionary<SessionShape, int>();
        var sessionOf = new List<int>();
        var sessions = new List<(string, string)>();
        var sessionNumbers = new Dictionary<(string, string), int>();
        using var command = new PreparedStatement(_connection, """
            SELECT id, source, coalesce(parent_session_id, session_id), project, git_branch, tool, model, speed,
                local
            FROM usage_context;
            """);
        using var reader = command.Reader();
        while (reader.Read())
        {
            string? Text(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
            var shape = new SessionShape(
                reader.GetString(1), reader.GetString(2), Text(3), Text(4), Text(5), Text(6), Text(7),
                reader.GetInt64(8) != 0);
            if (!numbers.TryGetValue(shape, out var number))
            {
                numbers[shape] = number = shapes.Count;
                shapes.Add(shape);
                var session = (shape.Source, shape.Session);
                if (!sessionNumbers.TryGetValue(session, out var sessionNumber))
                {
                    sessionNumbers[session] = sessionNumber = sessions.Count;
                    sessions.Add(session);
                }

                sessionOf.Add(sessionNumber);
            }

            contexts[reader.GetInt64(0)] = number;
        }

        return (contexts, shapes, sessionOf, sessions);
    }

    /// <summary>What the audit cares about in a call's context.</summary>
    private readonly record struct SessionShape(
        string Source, string Session, string? Project, string? Branch, string? Tool, string? Model, string? Speed,
        bool Local);

    /// <summary>Running sums for the least-squares line of a session's cache reads against time.</summary>
    private sealed class TrendSum(long origin)
    {
        private const double HourMs = 3_600_000d;
        private long _n;
        private double _sumX, _sumY, _sumXy, _sumXx, _minX, _maxX;

        public void Add(long ts, long cacheRead)
        {
            var x = (ts - origin) / HourMs;
            double y = cacheRead;
            _n++;
            _sumX += x;
            _sumY += y;
            _sumXy += x * y;
            _sumXx += x * x;
            _minX = Math.Min(_minX, x);
            _maxX = Math.Max(_maxX, x);
        }

        /// <summary>The fitted line, with x shifted so that the session's first call is at zero.</summary>
        public ContextTrend Fit(string source, string session)
        {
            // Shifting x by the earliest call m:
            // Σ(x−m) = Σx − n·m, Σ(x−m)y = Σxy − m·Σy, Σ(x−m)² = Σxx − 2mΣx + n·m².
            var m = _minX;
            return ContextTrend.Fit(
                source, session, _n, _sumX - _n * m, _sumY, _sumXy - m * _sumY,
                _sumXx - 2 * m * _sumX + _n * m * m, _maxX - m);
        }
    }
}
