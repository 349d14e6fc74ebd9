using System.Globalization;
using Frugal.Domain.Usage;
using Microsoft.Data.Sqlite;

namespace Frugal.Storage.Ledger;

public sealed partial class UsageLedger
{
    private const string UpsertUsageSql = """
        INSERT INTO usage (source, source_key, ts_ms, session_id, parent_session_id, project, git_branch, person, tool,
            provider, model, input_tokens, cache_write_5m_tokens, cache_write_1h_tokens, cache_read_tokens,
            output_tokens, reasoning_tokens, total_tokens, web_search_requests, speed, service_tier, local, sidechain,
            response_id, latency_ms, cost_reported_usd, provenance)
        VALUES ($source, $key, $ts, $session, $parent, $project, $branch, $person, $tool, $provider, $model, $input,
            $cw5m, $cw1h, $read, $output, $reasoning, $total, $web, $speed, $tier, $local, $sidechain, $response,
            $latency, $cost, $provenance)
        ON CONFLICT (source, source_key) DO UPDATE SET
            ts_ms = excluded.ts_ms, session_id = excluded.session_id, parent_session_id = excluded.parent_session_id,
            project = excluded.project, git_branch = excluded.git_branch, person = excluded.person,
            tool = excluded.tool, provider = excluded.provider, model = excluded.model,
            input_tokens = excluded.input_tokens, cache_write_5m_tokens = excluded.cache_write_5m_tokens,
            cache_write_1h_tokens = excluded.cache_write_1h_tokens, cache_read_tokens = excluded.cache_read_tokens,
            output_tokens = excluded.output_tokens, reasoning_tokens = excluded.reasoning_tokens,
            total_tokens = excluded.total_tokens, web_search_requests = excluded.web_search_requests,
            speed = excluded.speed, service_tier = excluded.service_tier, local = excluded.local,
            sidechain = excluded.sidechain, response_id = excluded.response_id, latency_ms = excluded.latency_ms,
            cost_reported_usd = excluded.cost_reported_usd, provenance = excluded.provenance
        WHERE excluded.sidechain < usage.sidechain
            OR (excluded.sidechain = usage.sidechain AND excluded.total_tokens > usage.total_tokens);
        """;

    private const string UpsertFileSql = """
        INSERT INTO source_file (source, path, size_bytes, last_write_utc_ticks, end_offset, end_line,
            last_line_hash, last_line_length, reader_state, lines, usage_lines)
        VALUES ($source, $path, $size, $mtime, $offset, $line, $hash, $hashLength, $state, $lines, $usageLines)
        ON CONFLICT (source, path) DO UPDATE SET
            size_bytes = excluded.size_bytes, last_write_utc_ticks = excluded.last_write_utc_ticks,
            end_offset = excluded.end_offset, end_line = excluded.end_line, last_line_hash = excluded.last_line_hash,
            last_line_length = excluded.last_line_length, reader_state = excluded.reader_state,
            lines = CASE WHEN $restarted THEN excluded.lines ELSE source_file.lines + excluded.lines END,
            usage_lines = CASE WHEN $restarted THEN excluded.usage_lines
                ELSE source_file.usage_lines + excluded.usage_lines END
        RETURNING id;
        """;

    private const string AddDiagnosticSql = """
        INSERT INTO file_diagnostic (file_id, kind, reason, count, first_line)
        VALUES ($file, $kind, $reason, $count, $first)
        ON CONFLICT (file_id, kind, reason) DO UPDATE SET
            count = count + excluded.count, first_line = min(first_line, excluded.first_line);
        """;

    private const string DeleteReplaysSql = """
        DELETE FROM usage WHERE id IN (
            SELECT u.id FROM temp.batch_response b
            JOIN usage u ON u.source = b.source AND u.response_id = b.response_id
            WHERE u.sidechain = 1 AND EXISTS (
                SELECT 1 FROM usage p
                WHERE p.source = u.source AND p.response_id = u.response_id AND p.id <> u.id
                  AND (p.sidechain = 0 OR p.total_tokens > u.total_tokens
                       OR (p.total_tokens = u.total_tokens AND p.source_key < u.source_key))));
        """;

    /// <summary>
    /// Commits the chunks in one transaction: their records are merged by source key (a main-thread record wins over
    /// a subagent's copy of it, then the record with the most tokens wins), subagent replays of a parent call are collapsed, and each file's checkpoint and diagnostics
    /// advance. A chunk whose start no longer matches the stored checkpoint was committed by another import: its
    /// records still merge (idempotently) but its checkpoint and counts are not applied twice.
    /// </summary>
    /// <param name="records">The records read in the chunks.</param>
    /// <param name="chunks">The chunks, in the order they were read.</param>
    /// <param name="beforeCommit">Called inside the transaction just before it commits; for fault-injection tests.</param>
    public CommitOutcome Commit(
        IReadOnlyCollection<UsageRecord> records, IReadOnlyList<FileChunk> chunks, Action? beforeCommit = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(chunks);
        using var transaction = _connection.BeginTransaction(deferred: false);
        var callsBefore = CountCalls();
        var stale = 0;
        var responses = new HashSet<(string, string)>();

        using (var upsert = Prepare(UpsertUsageSql))
        {
            WriteRecords(upsert, records, responses);
        }

        foreach (var chunk in chunks)
        {
            if (!AdvanceFile(chunk))
            {
                stale++;
            }
        }

        var removed = DeleteReplays(responses);
        var callsAfter = CountCalls();
        beforeCommit?.Invoke();
        transaction.Commit();
        return new CommitOutcome(callsAfter - callsBefore, removed, stale);
    }

    private static void WriteRecords(
        SqliteCommand upsert, IReadOnlyCollection<UsageRecord> records, HashSet<(string, string)> responses)
    {
        foreach (var record in records)
        {
            Bind(upsert, record);
            upsert.ExecuteNonQuery();
            if (record.ResponseId is not null)
            {
                responses.Add((record.Source, record.ResponseId));
            }
        }
    }

    private static void Bind(SqliteCommand command, UsageRecord record)
    {
        var p = command.Parameters;
        var tokens = record.Tokens;
        p["$source"].Value = record.Source;
        p["$key"].Value = record.SourceKey;
        p["$ts"].Value = record.Timestamp.ToUnixTimeMilliseconds();
        p["$session"].Value = record.SessionId;
        p["$parent"].Value = Nullable(record.ParentSessionId);
        p["$project"].Value = Nullable(record.Project);
        p["$branch"].Value = Nullable(record.GitBranch);
        p["$person"].Value = Nullable(record.Person);
        p["$tool"].Value = Nullable(record.Tool);
        p["$provider"].Value = Nullable(record.Provider);
        p["$model"].Value = Nullable(record.Model);
        p["$input"].Value = tokens.InputTokens;
        p["$cw5m"].Value = tokens.CacheWrite5mTokens;
        p["$cw1h"].Value = tokens.CacheWrite1hTokens;
        p["$read"].Value = tokens.CacheReadTokens;
        p["$output"].Value = tokens.OutputTokens;
        p["$reasoning"].Value = tokens.ReasoningTokens;
        p["$total"].Value = tokens.TotalTokens;
        p["$web"].Value = record.WebSearchRequests;
        p["$speed"].Value = Nullable(record.Speed);
        p["$tier"].Value = Nullable(record.ServiceTier);
        p["$local"].Value = record.Local ? 1 : 0;
        p["$sidechain"].Value = record.Sidechain ? 1 : 0;
        p["$response"].Value = Nullable(record.ResponseId);
        p["$latency"].Value = record.LatencyMs is { } latency ? latency : DBNull.Value;
        p["$cost"].Value = record.CostReportedUsd is { } cost ? cost.ToString(CultureInfo.InvariantCulture) : DBNull.Value;
        p["$provenance"].Value = (int)record.Provenance;
    }

    private bool AdvanceFile(FileChunk chunk)
    {
        var checkpoint = chunk.Checkpoint;
        var stored = StoredOffset(checkpoint.Source, checkpoint.Path);
        var current = chunk.Restarted || stored == chunk.StartOffset || (stored is null && chunk.StartOffset == 0);
        if (!current)
        {
            return false;
        }

        using var command = Prepare(UpsertFileSql);
        var p = command.Parameters;
        p["$source"].Value = checkpoint.Source;
        p["$path"].Value = checkpoint.Path;
        p["$size"].Value = checkpoint.SizeBytes;
        p["$mtime"].Value = checkpoint.LastWriteUtcTicks;
        p["$offset"].Value = checkpoint.EndOffset;
        p["$line"].Value = checkpoint.EndLineNumber;
        p["$hash"].Value = unchecked((long)checkpoint.LastLineHash);
        p["$hashLength"].Value = checkpoint.LastLineLength;
        p["$state"].Value = Nullable(checkpoint.ReaderState);
        p["$lines"].Value = chunk.Lines;
        p["$usageLines"].Value = chunk.UsageLines;
        p["$restarted"].Value = chunk.Restarted ? 1 : 0;
        var fileId = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        WriteDiagnostics(fileId, chunk);
        return true;
    }

    private void WriteDiagnostics(long fileId, FileChunk chunk)
    {
        if (chunk.Restarted)
        {
            using var clear = Prepare("DELETE FROM file_diagnostic WHERE file_id = $file;");
            clear.Parameters["$file"].Value = fileId;
            clear.ExecuteNonQuery();
        }

        using var add = Prepare(AddDiagnosticSql);
        foreach (var diagnostic in chunk.Diagnostics)
        {
            add.Parameters["$file"].Value = fileId;
            add.Parameters["$kind"].Value = (int)diagnostic.Kind;
            add.Parameters["$reason"].Value = diagnostic.Reason;
            add.Parameters["$count"].Value = diagnostic.Count;
            add.Parameters["$first"].Value = diagnostic.FirstLineNumber;
            add.ExecuteNonQuery();
        }
    }

    private long? StoredOffset(string source, string path)
    {
        using var command = Prepare("SELECT end_offset FROM source_file WHERE source = $source AND path = $path;");
        command.Parameters["$source"].Value = source;
        command.Parameters["$path"].Value = path;
        return command.ExecuteScalar() is long offset ? offset : null;
    }

    private long DeleteReplays(HashSet<(string Source, string ResponseId)> responses)
    {
        if (responses.Count == 0)
        {
            return 0;
        }

        Execute(_connection, "CREATE TEMP TABLE IF NOT EXISTS batch_response (source TEXT, response_id TEXT, "
            + "PRIMARY KEY (source, response_id)); DELETE FROM temp.batch_response;");
        using (var insert = Prepare("INSERT OR IGNORE INTO temp.batch_response VALUES ($source, $response);"))
        {
            foreach (var (source, response) in responses)
            {
                insert.Parameters["$source"].Value = source;
                insert.Parameters["$response"].Value = response;
                insert.ExecuteNonQuery();
            }
        }

        using var delete = Prepare(DeleteReplaysSql);
        return delete.ExecuteNonQuery();
    }

    private long CountCalls() => Convert.ToInt64(Scalar(_connection, "SELECT count(*) FROM usage;"), CultureInfo.InvariantCulture);

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in ParameterNames(sql))
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }

    private static IEnumerable<string> ParameterNames(string sql) =>
        System.Text.RegularExpressions.Regex.Matches(sql, @"\$[A-Za-z0-9]+").Select(m => m.Value).Distinct();

    private static object Nullable(string? value) => value is null ? DBNull.Value : value;
}
