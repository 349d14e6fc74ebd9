using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Frugal.Storage.Ledger;

/// <summary>
/// Writes a gateway call's facts beside its usage row, bound by position straight on SQLite's statement: the
/// gateway writes thousands of calls a second under load, and binding by name through ADO.NET cost more than the
/// insert.
/// </summary>
internal sealed class GatewayFactsInsert : IDisposable
{
    private const string Sql = """
        INSERT OR REPLACE INTO gateway_call (usage_id, key_id, route, upstream, status, ttfb_ms, cost_usd,
            energy_min_wh, energy_max_wh, energy_method, prefill_s, decode_s, load_s, tokens_estimated, cached,
            escalated)
        VALUES ((SELECT id FROM usage WHERE source = ?1 AND source_key = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,
            ?12, ?13, ?14, ?15, ?16, ?17);
        """;

    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public GatewayFactsInsert(SqliteConnection connection)
    {
        _database = connection.Handle!;
        SqliteResult.Check(_database, raw.sqlite3_prepare_v2(_database, Sql, out _statement));
    }

    public void Write(string source, string sourceKey, GatewayCallFacts facts)
    {
        var i = 0;
        Text(++i, source);
        Text(++i, sourceKey);
        Text(++i, facts.KeyId);
        Text(++i, facts.Route);
        Text(++i, facts.Upstream);
        Text(++i, facts.Status);
        Real(++i, facts.TimeToFirstByteMs);
        Text(++i, facts.CostUsd?.ToString(CultureInfo.InvariantCulture));
        Real(++i, facts.EnergyMinWh);
        Real(++i, facts.EnergyMaxWh);
        Text(++i, facts.EnergyMethod);
        Real(++i, facts.PrefillSeconds);
        Real(++i, facts.DecodeSeconds);
        Real(++i, facts.LoadSeconds);
        Flag(++i, facts.TokensEstimated);
        Flag(++i, facts.Cached);
        Flag(++i, facts.Escalated);
        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        SqliteResult.Check(_database, result);
    }

    public void Dispose() => _statement.Dispose();

    private void Text(int index, string? value) => SqliteResult.Check(_database, value is null
        ? raw.sqlite3_bind_null(_statement, index)
        : raw.sqlite3_bind_text(_statement, index, value));

    private void Real(int index, double? value) => SqliteResult.Check(_database, value is { } number
        ? raw.sqlite3_bind_double(_statement, index, number)
        : raw.sqlite3_bind_null(_statement, index));

    private void Flag(int index, bool value) =>
        SqliteResult.Check(_database, raw.sqlite3_bind_int(_statement, index, value ? 1 : 0));
}
