using System.Globalization;
using Frugal.Domain.Usage;

namespace Frugal.Storage.Ledger;

public sealed partial class UsageLedger
{
    private const string UpsertUsageSql = """
        INSERT INTO usage (source, source_key, context_id, ts_ms, input_tokens, cache_write_5m_tokens,
            cache_write_1h_tokens, cache_read_tokens, output_tokens, reasoning_tokens, total_tokens,
            web_search_requests, sidechain, response_id, latency_ms, cost_reported_usd, provenance)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
        ON CONFLICT (source, source_key) DO UPDATE SET
            context_id = excluded.context_id, ts_ms = excluded.ts_ms, input_tokens = excluded.input_tokens,
            cache_write_5m_tokens = excluded.cache_write_5m_tokens,
            cache_write_1h_tokens = excluded.cache_write_1h_tokens, cache_read_tokens = excluded.cache_read_tokens,
            output_tokens = excluded.output_tokens, reasoning_tokens = excluded.reasoning_tokens,
            total_tokens = excluded.total_tokens, web_search_requests = excluded.web_search_requests,
            sidechain = excluded.sidechain, response_id = excluded.response_id, latency_ms = excluded.latency_ms,
            cost_reported_usd = excluded.cost_reported_usd, provenance = excluded.provenance
        WHERE excluded.sidechain < usage.sidechain
            OR (excluded.sidechain = usage.sidechain AND excluded.total_tokens > usage.total_tokens);
        """;

    private const string UpsertFileSql = """
        INSERT INTO source_file (source, path, size_bytes, last_write_utc_ticks, end_offset, end_line,
            last_line_hash, last_line_length, head_hash, head_length, reader_state, lines, usage_lines)
        VALUES ($source, $path, $size, $mtime, $offset, $line, $hash, $hashLength, $head, $headLength, $state,
            $lines, $usageLines)
        ON CONFLICT (source, path) DO UPDATE SET
            size_bytes = excluded.size_bytes, last_write_utc_ticks = excluded.last_write_utc_ticks,
            end_offset = excluded.end_offset, end_line = excluded.end_line, last_line_hash = excluded.last_line_hash,
            last_line_length = excluded.last_line_length, head_hash = excluded.head_hash,
            head_length = excluded.head_length, reader_state = excluded.reader_state,
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

    // A replay is a sidechain row whose response another row also holds: a main-thread row, or a sidechain row with
    // more tokens (or the same tokens and a smaller key). Only responses of rows added in this batch can have
    // changed. The other row is found through the unique key index: keys of rows with a response start with it.
    private const string DeleteReplaysSql = """
        DELETE FROM usage WHERE id IN (
            SELECT u.id FROM usage n
            JOIN usage u INDEXED BY usage_sidechain_by_response
                ON u.source = n.source AND u.response_id = n.response_id AND u.sidechain = 1
            WHERE n.id > $after AND n.response_id IS NOT NULL AND EXISTS (
                SELECT 1 FROM usage p
                WHERE p.source = u.source AND p.source_key >= u.response_id
                  AND p.source_key <= u.response_id || '|' || char(1114111)
                  AND p.response_id = u.response_id AND p.id <> u.id
                  AND (p.sidechain = 0 OR p.total_tokens > u.total_tokens
                       OR (p.total_tokens = u.total_tokens AND p.source_key < u.source_key))));
        """;

    /// <summary>
    /// Commits the chunks in one transaction: their records are merged by source key (a main-thread record wins over
    /// a subagent's copy of it, then the record with the most tokens wins), subagent replays of a parent call are
    /// collapsed, and each file's checkpoint and diagnostics
    /// advance. A chunk whose start no longer matches the stored checkpoint was committed by another import: its
    /// records still merge (idempotently) but its checkpoint and counts are not applied twice.
    /// </summary>
    /// <param name="records">The records read in the chunks.</param>
    /// <param name="chunks">The chunks, in the order they were read.</param>
    /// <param name="beforeCommit">
    /// Called inside the transaction just before it commits; for fault-injection tests.
    /// </param>
    public CommitOutcome Commit(
        IReadOnlyCollection<UsageRecord> records, IReadOnlyList<FileChunk> chunks, Action? beforeCommit = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(chunks);
        using var transaction = _connection.BeginTransaction(deferred: false);
        var callsBefore = CountCalls();
        var lastIdBefore = LastUsageId();
        using var contexts = new ContextWriter(_connection, _contextIds);
        using (var upsert = new UsageUpsert(_connection, UpsertUsageSql))
        {
            // In key order, each insert lands next to the last in the key index instead of anywhere in it.
            var inKeyOrder = records
                .OrderBy(r => r.Source, StringComparer.Ordinal)
                .ThenBy(r => r.SourceKey, StringComparer.Ordinal);
            foreach (var record in inKeyOrder)
            {
                upsert.Write(record, contexts.IdOf(record));
            }
        }

        var stale = AdvanceFiles(chunks);
        var removed = DeleteReplays(lastIdBefore);
        var callsAfter = CountCalls();
        beforeCommit?.Invoke();
        transaction.Commit();
        contexts.Committed();
        return new CommitOutcome(callsAfter - callsBefore, removed, stale);
    }

    /// <summary>Advances each chunk's file; returns how many chunks another import had already committed.</summary>
    private int AdvanceFiles(IReadOnlyList<FileChunk> chunks)
    {
        using var stored = new PreparedStatement(
            _connection, "SELECT end_offset FROM source_file WHERE source = $source AND path = $path;");
        using var upsertFile = new PreparedStatement(_connection, UpsertFileSql);
        using var clear = new PreparedStatement(_connection, "DELETE FROM file_diagnostic WHERE file_id = $file;");
        using var add = new PreparedStatement(_connection, AddDiagnosticSql);
        var stale = 0;
        foreach (var chunk in chunks)
        {
            stored["$source"] = chunk.Checkpoint.Source;
            stored["$path"] = chunk.Checkpoint.Path;
            var offset = stored.Scalar() is long value ? value : (long?)null;
            var current = chunk.Restarted || offset == chunk.StartOffset || (offset is null && chunk.StartOffset == 0);
            if (!current)
            {
                stale++;
                continue;
            }

            var fileId = WriteCheckpoint(upsertFile, chunk);
            WriteDiagnostics(clear, add, fileId, chunk);
        }

        return stale;
    }

    private static long WriteCheckpoint(PreparedStatement statement, FileChunk chunk)
    {
        var checkpoint = chunk.Checkpoint;
        statement["$source"] = checkpoint.Source;
        statement["$path"] = checkpoint.Path;
        statement["$size"] = checkpoint.SizeBytes;
        statement["$mtime"] = checkpoint.LastWriteUtcTicks;
        statement["$offset"] = checkpoint.EndOffset;
        statement["$line"] = checkpoint.EndLineNumber;
        statement["$hash"] = unchecked((long)checkpoint.LastLineHash);
        statement["$hashLength"] = checkpoint.LastLineLength;
        statement["$head"] = unchecked((long)checkpoint.HeadHash);
        statement["$headLength"] = checkpoint.HeadLength;
        statement["$state"] = checkpoint.ReaderState;
        statement["$lines"] = chunk.Lines;
        statement["$usageLines"] = chunk.UsageLines;
        statement["$restarted"] = chunk.Restarted ? 1 : 0;
        return Convert.ToInt64(statement.Scalar(), CultureInfo.InvariantCulture);
    }

    private static void WriteDiagnostics(PreparedStatement clear, PreparedStatement add, long fileId, FileChunk chunk)
    {
        if (chunk.Restarted)
        {
            clear["$file"] = fileId;
            clear.Execute();
        }

        foreach (var diagnostic in chunk.Diagnostics)
        {
            add["$file"] = fileId;
            add["$kind"] = (int)diagnostic.Kind;
            add["$reason"] = diagnostic.Reason;
            add["$count"] = diagnostic.Count;
            add["$first"] = diagnostic.FirstLineNumber;
            add.Execute();
        }
    }

    /// <summary>
    /// Collapses replays among the calls that share a response with a call added after
    /// <paramref name="lastIdBefore"/>.
    /// </summary>
    private long DeleteReplays(long lastIdBefore)
    {
        using var delete = new PreparedStatement(_connection, DeleteReplaysSql);
        delete["$after"] = lastIdBefore;
        return delete.Execute();
    }

    private long LastUsageId() => Scalar(_connection, "SELECT max(id) FROM usage;") is long id ? id : 0;

    private long CountCalls() =>
        Convert.ToInt64(Scalar(_connection, "SELECT count(*) FROM usage;"), CultureInfo.InvariantCulture);
}
