namespace Frugal.Storage.Ledger;

/// <summary>
/// The ledger's SQLite schema, as an ordered list of migrations; a ledger records how many it has run. A call's
/// context (session, project, model, tool…) repeats across most of a session's calls, so it is stored once in
/// <c>usage_context</c> and each call row holds its numbers and keys. Indexes are few on purpose: every index is paid
/// for on each of the tens of thousands of calls a batch writes, while reports read the whole range anyway.
/// A source that sets <c>response_id</c> starts its keys with it, so the unique key index also finds a response.
/// The <c>git_</c> tables remember what the audit learnt from git about commits, keyed by commit id: a commit's
/// content never changes, so its line counts and the blame of a fix are worked out once.
/// </summary>
internal static class LedgerSchema
{
    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE source_file (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            path TEXT NOT NULL,
            size_bytes INTEGER NOT NULL,
            last_write_utc_ticks INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            end_line INTEGER NOT NULL,
            last_line_hash INTEGER NOT NULL,
            last_line_length INTEGER NOT NULL,
            head_hash INTEGER NOT NULL,
            head_length INTEGER NOT NULL,
            reader_state TEXT,
            lines INTEGER NOT NULL DEFAULT 0,
            usage_lines INTEGER NOT NULL DEFAULT 0,
            UNIQUE (source, path)
        );
        CREATE TABLE file_diagnostic (
            file_id INTEGER NOT NULL REFERENCES source_file (id),
            kind INTEGER NOT NULL,
            reason TEXT NOT NULL,
            count INTEGER NOT NULL,
            first_line INTEGER NOT NULL,
            PRIMARY KEY (file_id, kind, reason)
        );
        CREATE TABLE usage_context (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            session_id TEXT NOT NULL,
            parent_session_id TEXT,
            project TEXT,
            git_branch TEXT,
            person TEXT,
            tool TEXT,
            provider TEXT,
            model TEXT,
            speed TEXT,
            service_tier TEXT,
            local INTEGER NOT NULL,
            sidechain INTEGER NOT NULL
        );
        CREATE INDEX usage_context_by_session ON usage_context (session_id);
        CREATE TABLE usage (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            source_key TEXT NOT NULL,
            context_id INTEGER NOT NULL REFERENCES usage_context (id),
            ts_ms INTEGER NOT NULL,
            input_tokens INTEGER NOT NULL,
            cache_write_5m_tokens INTEGER NOT NULL,
            cache_write_1h_tokens INTEGER NOT NULL,
            cache_read_tokens INTEGER NOT NULL,
            output_tokens INTEGER NOT NULL,
            reasoning_tokens INTEGER NOT NULL,
            total_tokens INTEGER NOT NULL,
            web_search_requests INTEGER NOT NULL,
            sidechain INTEGER NOT NULL,
            response_id TEXT,
            latency_ms INTEGER,
            cost_reported_usd TEXT,
            provenance INTEGER NOT NULL,
            UNIQUE (source, source_key)
        );
        CREATE INDEX usage_sidechain_by_response ON usage (source, response_id)
            WHERE sidechain = 1 AND response_id IS NOT NULL;
        """,
        """
        CREATE TABLE git_line_counts (
            sha TEXT PRIMARY KEY,
            added INTEGER NOT NULL,
            deleted INTEGER NOT NULL,
            files INTEGER NOT NULL,
            known INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE git_fix_blame (
            sha TEXT PRIMARY KEY,
            method TEXT NOT NULL,
            candidates TEXT NOT NULL,
            blamed_lines INTEGER NOT NULL,
            problem TEXT
        ) WITHOUT ROWID;
        """,
        """
        CREATE TABLE gateway_key (
            id TEXT PRIMARY KEY,
            project TEXT NOT NULL,
            name TEXT,
            secret_sha256 BLOB NOT NULL,
            created_ms INTEGER NOT NULL,
            revoked_ms INTEGER
        ) WITHOUT ROWID;
        CREATE TABLE budget (
            scope_kind TEXT NOT NULL,
            scope_name TEXT NOT NULL,
            period TEXT NOT NULL,
            zone TEXT NOT NULL,
            usd TEXT,
            tokens INTEGER,
            wh REAL,
            PRIMARY KEY (scope_kind, scope_name, period)
        ) WITHOUT ROWID;
        CREATE TABLE gateway_call (
            usage_id INTEGER PRIMARY KEY REFERENCES usage (id),
            key_id TEXT,
            route TEXT,
            upstream TEXT NOT NULL,
            status TEXT NOT NULL,
            ttfb_ms REAL,
            cost_usd TEXT,
            energy_min_wh REAL,
            energy_max_wh REAL,
            energy_method TEXT,
            prefill_s REAL,
            decode_s REAL,
            load_s REAL,
            tokens_estimated INTEGER NOT NULL,
            cached INTEGER NOT NULL,
            escalated INTEGER NOT NULL
        );
        """,
    ];}
