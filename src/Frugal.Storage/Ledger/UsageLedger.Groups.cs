using Frugal.Domain.Energy;
using Frugal.Domain.Reporting;
using Frugal.Domain.Usage;
using SQLitePCL;

namespace Frugal.Storage.Ledger;

public sealed partial class UsageLedger
{
    private const long QuarterHourMs = 15 * 60 * 1000;
    private const long DayMs = 24 * 60 * 60 * 1000;

    private const string CallNumbersSql = """
        SELECT ts_ms, context_id, input_tokens, cache_write_5m_tokens, cache_write_1h_tokens, cache_read_tokens,
            output_tokens, reasoning_tokens, web_search_requests
        FROM usage WHERE ts_ms >= ?1 AND ts_ms < ?2;
        """;

    // The same with the energy the gateway recorded for a call (none for a call it did not make). An answer from the
    // gateway's cache ran on no server: it used no energy.
    private const string CallNumbersWithEnergySql = """
        SELECT u.ts_ms, u.context_id, u.input_tokens, u.cache_write_5m_tokens, u.cache_write_1h_tokens,
            u.cache_read_tokens, u.output_tokens, u.reasoning_tokens, u.web_search_requests,
            CASE WHEN g.cached = 1 THEN 0.0 ELSE g.energy_min_wh END,
            CASE WHEN g.cached = 1 THEN 0.0 ELSE g.energy_max_wh END
        FROM usage u LEFT JOIN gateway_call g ON g.usage_id = u.id WHERE u.ts_ms >= ?1 AND u.ts_ms < ?2;
        """;

    /// <summary>
    /// Streams the calls from <paramref name="from"/> (inclusive) to <paramref name="until"/> (exclusive) summed into
    /// groups that a report can price and place exactly: per model, speed mode and prompt tier (the tier
    /// <paramref name="promptTier"/> gives each call's prompt size, see <c>PriceTable.PromptTier</c>); for time
    /// periods per UTC quarter-hour (every time zone's offset is a whole number of quarter-hours, so each group
    /// falls on one local date), and otherwise per UTC date and the session or project the report groups by.
    /// Calls to a local model server are grouped apart, with the energy the gateway recorded for them.
    /// </summary>
    public void ReadUsageGroups(
        ReportPeriod period, DateTimeOffset from, DateTimeOffset until, Func<long, int> promptTier,
        Action<UsageGroup> visit)
    {
        ArgumentNullException.ThrowIfNull(promptTier);
        ArgumentNullException.ThrowIfNull(visit);

        // Both reads see one snapshot: an import committing in between could add calls of contexts not yet read.
        using var snapshot = _connection.BeginTransaction(deferred: true);
        var (contexts, shapes) = GroupContexts(period);
        var bucketMs = period is ReportPeriod.Daily or ReportPeriod.Weekly or ReportPeriod.Monthly
            ? QuarterHourMs
            : DayMs;
        var sums = new Dictionary<(long Bucket, int Shape, int Tier), GroupSum>();

        if (!NeedsRecordedEnergy(shapes.Exists(s => s.Local)))
        {
            ReadCallNumbers(from, until, (ts, contextId, tokens, webSearches) =>
            {
                var tier = promptTier(tokens.PromptTokens);
                var key = (ts / bucketMs, contexts[contextId], tier);
                if (!sums.TryGetValue(key, out var sum))
                {
                    sums[key] = sum = new GroupSum(ts);
                }

                sum.Add(ts, tokens, webSearches);
            });
        }
        else
        {
            ReadCallNumbersWithEnergy(from, until, (ts, contextId, tokens, webSearches, energy) =>
            {
                var key = (ts / bucketMs, contexts[contextId], promptTier(tokens.PromptTokens));
                if (!sums.TryGetValue(key, out var sum))
                {
                    sums[key] = sum = new GroupSum(ts);
                }

                sum.Add(ts, tokens, webSearches);
                sum.AddRecorded(energy);
            });
        }

        foreach (var ((_, shape, tier), sum) in sums)
        {
            var s = shapes[shape];
            visit(new UsageGroup(
                DateTimeOffset.FromUnixTimeMilliseconds(sum.First), DateTimeOffset.FromUnixTimeMilliseconds(sum.Last),
                s.Key, s.Project, s.Model, s.Speed, tier, sum.Tokens, sum.WebSearches, sum.Calls)
            {
                Local = s.Local,
                RecordedEnergy = s.Local ? sum.RecordedEnergy : null,
            });
        }
    }

    /// <summary>
    /// Whether the calls' recorded energy must be read: only when some context is local and the gateway recorded
    /// calls, so that a ledger without them is read exactly as before, without the join.
    /// </summary>
    private bool NeedsRecordedEnergy(bool anyLocal) =>
        anyLocal && Number(_connection, "SELECT EXISTS (SELECT 1 FROM gateway_call);") == 1;

    /// <summary>
    /// Maps every context row to the shape a report row cares about (its key, model and speed), numbered, so that
    /// calls are summed under small integer keys.
    /// </summary>
    private (Dictionary<long, int> Contexts, List<Shape> Shapes) GroupContexts(ReportPeriod period)
    {
        var contexts = new Dictionary<long, int>();
        var shapes = new List<Shape>();
        var numbers = new Dictionary<Shape, int>();
        using var command = new PreparedStatement(_connection, """
            SELECT id, coalesce(parent_session_id, session_id), project, model, speed, local FROM usage_context;
            """);
        using var reader = command.Reader();
        while (reader.Read())
        {
            var project = reader.IsDBNull(2) ? null : reader.GetString(2);
            var key = period switch
            {
                ReportPeriod.Session => reader.GetString(1),
                ReportPeriod.Project => project,
                _ => null,
            };
            var shape = new Shape(key, period == ReportPeriod.Session ? project : null,
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetInt64(5) != 0);
            if (!numbers.TryGetValue(shape, out var number))
            {
                numbers[shape] = number = shapes.Count;
                shapes.Add(shape);
            }

            contexts[reader.GetInt64(0)] = number;
        }

        return (contexts, shapes);
    }

    /// <summary>A call row's token columns, 2 to 7 of both call-number queries.</summary>
    private static TokenCounts CallTokens(sqlite3_stmt statement) => new(
        raw.sqlite3_column_int64(statement, 2), raw.sqlite3_column_int64(statement, 3),
        raw.sqlite3_column_int64(statement, 4), raw.sqlite3_column_int64(statement, 5),
        raw.sqlite3_column_int64(statement, 6), raw.sqlite3_column_int64(statement, 7));

    /// <summary>
    /// Reads the numbers of each call straight off SQLite's statement: reports read every call in range.
    /// </summary>
    private void ReadCallNumbers(DateTimeOffset from, DateTimeOffset until, Action<long, long, TokenCounts, long> visit)
    {
        var database = _connection.Handle!;
        SqliteResult.Check(database, raw.sqlite3_prepare_v2(database, CallNumbersSql, out var statement));
        using (statement)
        {
            SqliteResult.Check(database, raw.sqlite3_bind_int64(statement, 1, from.ToUnixTimeMilliseconds()));
            SqliteResult.Check(database, raw.sqlite3_bind_int64(statement, 2, until.ToUnixTimeMilliseconds()));
            int result;
            while ((result = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                var tokens = CallTokens(statement);
                visit(raw.sqlite3_column_int64(statement, 0), raw.sqlite3_column_int64(statement, 1), tokens,
                    raw.sqlite3_column_int64(statement, 8));
            }

            SqliteResult.Check(database, result);
        }
    }

    /// <summary>
    /// Reads each call's numbers like <see cref="ReadCallNumbers"/>, with the energy the gateway recorded for it, or
    /// null when it recorded none.
    /// </summary>
    private void ReadCallNumbersWithEnergy(
        DateTimeOffset from, DateTimeOffset until, Action<long, long, TokenCounts, long, EnergyRange?> visit)
    {
        var database = _connection.Handle!;
        SqliteResult.Check(database, raw.sqlite3_prepare_v2(database, CallNumbersWithEnergySql, out var statement));
        using (statement)
        {
            SqliteResult.Check(database, raw.sqlite3_bind_int64(statement, 1, from.ToUnixTimeMilliseconds()));
            SqliteResult.Check(database, raw.sqlite3_bind_int64(statement, 2, until.ToUnixTimeMilliseconds()));
            int result;
            while ((result = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                var tokens = CallTokens(statement);
                var energy = raw.sqlite3_column_type(statement, 9) == raw.SQLITE_NULL
                    || raw.sqlite3_column_type(statement, 10) == raw.SQLITE_NULL
                        ? null
                        : Recorded(raw.sqlite3_column_double(statement, 9), raw.sqlite3_column_double(statement, 10));
                visit(raw.sqlite3_column_int64(statement, 0), raw.sqlite3_column_int64(statement, 1), tokens,
                    raw.sqlite3_column_int64(statement, 8), energy);
            }

            SqliteResult.Check(database, result);
        }
    }

    /// <summary>A recorded energy range, or null when it is not one (negative, not finite, or upside down).</summary>
    private static EnergyRange? Recorded(double minWh, double maxWh) =>
        double.IsFinite(maxWh) && minWh >= 0 && minWh <= maxWh ? new EnergyRange(minWh, maxWh) : null;

    /// <summary>What a report row cares about in a call's context.</summary>
    private readonly record struct Shape(string? Key, string? Project, string? Model, string? Speed, bool Local);

    /// <summary>Running sums of one group.</summary>
    private sealed class GroupSum(long first)
    {
        private EnergyRange _recorded;
        private long _recordedCalls;

        public long First { get; private set; } = first;
        public long Last { get; private set; } = first;
        public TokenCounts Tokens { get; private set; }
        public long WebSearches { get; private set; }
        public long Calls { get; private set; }

        /// <summary>The recorded energy of every call, or null when some call has none (or none was read).</summary>
        public EnergyRange? RecordedEnergy => _recordedCalls == Calls ? _recorded : null;

        public void Add(long ts, TokenCounts tokens, long webSearches)
        {
            First = Math.Min(First, ts);
            Last = Math.Max(Last, ts);
            Tokens += tokens;
            WebSearches = checked(WebSearches + webSearches);
            Calls++;
        }

        /// <summary>Adds a call's recorded energy, or notes that it has none.</summary>
        public void AddRecorded(EnergyRange? energy)
        {
            if (energy is { } wh)
            {
                _recorded += wh;
                _recordedCalls++;
            }
        }
    }
}
