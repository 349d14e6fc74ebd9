using System.Globalization;
using Frugal.Domain.Usage;
using Microsoft.Data.Sqlite;

namespace Frugal.Storage.Ledger;

public sealed partial class UsageLedger
{
    private const string SelectUsageSql = """
        SELECT u.source, u.source_key, u.ts_ms, c.session_id, c.parent_session_id, c.project, c.git_branch, c.person,
            c.tool, c.provider, c.model, u.input_tokens, u.cache_write_5m_tokens, u.cache_write_1h_tokens,
            u.cache_read_tokens, u.output_tokens, u.reasoning_tokens, u.web_search_requests, c.speed, c.service_tier,
            c.local, u.sidechain, u.response_id, u.latency_ms, u.cost_reported_usd, u.provenance
        FROM usage u JOIN usage_context c ON c.id = u.context_id
        WHERE u.ts_ms >= $from AND u.ts_ms < $until
        ORDER BY u.ts_ms, u.id;
        """;

    /// <summary>The checkpoints of every file of <paramref name="source"/> the ledger has read, by path.</summary>
    public Dictionary<string, FileCheckpoint> LoadCheckpoints(string source)
    {
        using var command = new PreparedStatement(_connection, """
            SELECT path, size_bytes, last_write_utc_ticks, end_offset, end_line, last_line_hash, last_line_length,
                head_hash, head_length,
                reader_state
            FROM source_file WHERE source = $source;
            """);
        command["$source"] = source;
        using var reader = command.Reader();
        var checkpoints = new Dictionary<string, FileCheckpoint>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var path = reader.GetString(0);
            checkpoints[path] = new FileCheckpoint(
                source, path, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                unchecked((ulong)reader.GetInt64(5)), reader.GetInt32(6), unchecked((ulong)reader.GetInt64(7)),
                reader.GetInt32(8), reader.IsDBNull(9) ? null : reader.GetString(9));
        }

        return checkpoints;
    }

    /// <summary>
    /// Streams the calls made from <paramref name="from"/> (inclusive) to <paramref name="until"/> (exclusive), in time
    /// order, to <paramref name="visit"/>.
    /// </summary>
    public void ReadUsage(DateTimeOffset from, DateTimeOffset until, Action<UsageRecord> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        using var command = new PreparedStatement(_connection, SelectUsageSql);
        command["$from"] = from.ToUnixTimeMilliseconds();
        command["$until"] = until.ToUnixTimeMilliseconds();
        using var reader = command.Reader();
        var strings = new StringPool();
        while (reader.Read())
        {
            visit(ReadRecord(reader, strings));
        }
    }

    /// <summary>Every diagnostic of every file, summed by kind and reason.</summary>
    public IReadOnlyList<DiagnosticCount> DiagnosticTotals()
    {
        using var command = new PreparedStatement(_connection, """
            SELECT kind, reason, sum(count) FROM file_diagnostic GROUP BY kind, reason ORDER BY kind, reason;
            """);
        using var reader = command.Reader();
        var totals = new List<DiagnosticCount>();
        while (reader.Read())
        {
            totals.Add(new DiagnosticCount(
                (DiagnosticKind)reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2), 0));
        }

        return totals;
    }

    /// <summary>How many files, lines and calls the ledger holds.</summary>
    public LedgerStats Stats()
    {
        using var command = new PreparedStatement(
            _connection, "SELECT count(*), coalesce(sum(lines), 0) FROM source_file;");
        using var reader = command.Reader();
        reader.Read();
        return new LedgerStats(reader.GetInt64(0), reader.GetInt64(1), CountCalls());
    }

    private static UsageRecord ReadRecord(SqliteDataReader reader, StringPool strings) => new()
    {
        Source = strings.Get(reader, 0)!,
        SourceKey = reader.GetString(1),
        Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
        SessionId = strings.Get(reader, 3)!,
        ParentSessionId = strings.Get(reader, 4),
        Project = strings.Get(reader, 5),
        GitBranch = strings.Get(reader, 6),
        Person = strings.Get(reader, 7),
        Tool = strings.Get(reader, 8),
        Provider = strings.Get(reader, 9),
        Model = strings.Get(reader, 10),
        Tokens = new TokenCounts(
            reader.GetInt64(11), reader.GetInt64(12), reader.GetInt64(13), reader.GetInt64(14), reader.GetInt64(15),
            reader.GetInt64(16)),
        WebSearchRequests = reader.GetInt64(17),
        Speed = strings.Get(reader, 18),
        ServiceTier = strings.Get(reader, 19),
        Local = reader.GetInt64(20) != 0,
        Sidechain = reader.GetInt64(21) != 0,
        ResponseId = reader.IsDBNull(22) ? null : reader.GetString(22),
        LatencyMs = reader.IsDBNull(23) ? null : reader.GetInt64(23),
        CostReportedUsd = reader.IsDBNull(24)
            ? null
            : decimal.Parse(reader.GetString(24), CultureInfo.InvariantCulture),
        Provenance = (Provenance)reader.GetInt32(25),
    };

    /// <summary>Shares the strings that repeat on most rows (source, model, project, session).</summary>
    private sealed class StringPool
    {
        private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

        public string? Get(SqliteDataReader reader, int ordinal)
        {
            if (reader.IsDBNull(ordinal))
            {
                return null;
            }

            var value = reader.GetString(ordinal);
            if (_pool.TryGetValue(value, out var shared))
            {
                return shared;
            }

            _pool[value] = value;
            return value;
        }
    }
}
