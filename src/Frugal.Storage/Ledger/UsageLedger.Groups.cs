using System.Globalization;
using System.Text;
using Frugal.Domain.Reporting;
using Frugal.Domain.Usage;
using Microsoft.Data.Sqlite;

namespace Frugal.Storage.Ledger;

public sealed partial class UsageLedger
{
    private const long QuarterHourMs = 15 * 60 * 1000;
    private const long DayMs = 24 * 60 * 60 * 1000;

    /// <summary>
    /// Streams the calls from <paramref name="from"/> (inclusive) to <paramref name="until"/> (exclusive) summed in
    /// SQL into groups that a report can price and place exactly: per model, speed mode and prompt tier (how many of
    /// <paramref name="longContextThresholds"/> each call's prompt exceeded); for time periods per UTC quarter-hour
    /// (every time zone's offset is a whole number of quarter-hours, so each group falls on one local date), and
    /// otherwise per UTC date and the session or project the report groups by.
    /// </summary>
    public void ReadUsageGroups(
        ReportPeriod period, DateTimeOffset from, DateTimeOffset until, IReadOnlyList<long> longContextThresholds,
        Action<UsageGroup> visit)
    {
        ArgumentNullException.ThrowIfNull(longContextThresholds);
        ArgumentNullException.ThrowIfNull(visit);
        using var command = new PreparedStatement(_connection, GroupSql(period, longContextThresholds));
        command["$from"] = from.ToUnixTimeMilliseconds();
        command["$until"] = until.ToUnixTimeMilliseconds();
        using var reader = command.Reader();
        while (reader.Read())
        {
            visit(ReadGroup(reader));
        }
    }

    private static string GroupSql(ReportPeriod period, IReadOnlyList<long> thresholds)
    {
        var (bucket, key) = period switch
        {
            ReportPeriod.Daily or ReportPeriod.Weekly or ReportPeriod.Monthly => ($"u.ts_ms / {QuarterHourMs}", "NULL"),
            ReportPeriod.Session => ($"u.ts_ms / {DayMs}", "coalesce(c.parent_session_id, c.session_id)"),
            ReportPeriod.Project => ($"u.ts_ms / {DayMs}", "c.project"),
            _ => ($"u.ts_ms / {DayMs}", "NULL"),
        };
        return $"""
            SELECT min(u.ts_ms), max(u.ts_ms), {key} AS row_key, max(c.project), c.model, c.speed,
                {TierSql(thresholds)} AS tier, sum(u.input_tokens), sum(u.cache_write_5m_tokens),
                sum(u.cache_write_1h_tokens), sum(u.cache_read_tokens), sum(u.output_tokens), sum(u.reasoning_tokens),
                sum(u.web_search_requests), count(*)
            FROM usage u JOIN usage_context c ON c.id = u.context_id
            WHERE u.ts_ms >= $from AND u.ts_ms < $until
            GROUP BY {bucket}, row_key, c.model, c.speed, tier;
            """;
    }

    private static string TierSql(IReadOnlyList<long> thresholds)
    {
        if (thresholds.Count == 0)
        {
            return "0";
        }

        const string prompt = "(u.input_tokens + u.cache_write_5m_tokens + u.cache_write_1h_tokens + u.cache_read_tokens)";
        var sql = new StringBuilder();
        foreach (var threshold in thresholds)
        {
            sql.Append(sql.Length == 0 ? "(" : " + (").Append(prompt).Append(" > ")
                .Append(threshold.ToString(CultureInfo.InvariantCulture)).Append(')');
        }

        return sql.ToString();
    }

    private static UsageGroup ReadGroup(SqliteDataReader reader) => new(
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.GetInt32(6),
        new TokenCounts(
            reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11),
            reader.GetInt64(12)),
        reader.GetInt64(13),
        reader.GetInt64(14));
}
