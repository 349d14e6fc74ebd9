using System.Globalization;
using Frugal.Domain.Usage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Frugal.Storage.Ledger;

/// <summary>
/// The ledger's hot write: one upsert per call, bound by position straight on SQLite's statement. An import writes
/// tens of thousands of calls per batch, and binding seventeen values by name through ADO.NET on each one cost
/// more than reading the logs. The text that repeats across a session lives in <see cref="ContextWriter"/>.
/// </summary>
internal sealed class UsageUpsert : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public UsageUpsert(SqliteConnection connection, string sql)
    {
        _database = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
    }

    /// <summary>Writes one call; the SQL's parameters are in the order the values are bound here.</summary>
    public void Write(UsageRecord record, long contextId)
    {
        var tokens = record.Tokens;
        var i = 0;
        Text(++i, record.Source);
        Text(++i, record.SourceKey);
        Number(++i, contextId);
        Number(++i, record.Timestamp.ToUnixTimeMilliseconds());
        Number(++i, tokens.InputTokens);
        Number(++i, tokens.CacheWrite5mTokens);
        Number(++i, tokens.CacheWrite1hTokens);
        Number(++i, tokens.CacheReadTokens);
        Number(++i, tokens.OutputTokens);
        Number(++i, tokens.ReasoningTokens);
        Number(++i, tokens.TotalTokens);
        Number(++i, record.WebSearchRequests);
        Number(++i, record.Sidechain ? 1 : 0);
        Text(++i, record.ResponseId);
        Number(++i, record.LatencyMs);
        Text(++i, record.CostReportedUsd?.ToString(CultureInfo.InvariantCulture));
        Number(++i, (int)record.Provenance);

        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        SqliteResult.Check(_database, result);
    }

    public void Dispose() => _statement.Dispose();

    private void Text(int index, string? value) =>
        Check(value is null
            ? raw.sqlite3_bind_null(_statement, index)
            : raw.sqlite3_bind_text(_statement, index, value));

    private void Number(int index, long? value) =>
        Check(value is { } number
            ? raw.sqlite3_bind_int64(_statement, index, number)
            : raw.sqlite3_bind_null(_statement, index));

    private void Check(int result) => SqliteResult.Check(_database, result);
}
