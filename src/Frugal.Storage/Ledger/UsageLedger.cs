using Microsoft.Data.Sqlite;

namespace Frugal.Storage.Ledger;

/// <summary>
/// The ledger of usage: one SQLite file holding one row per model call (deduplicated by source key), a checkpoint
/// per source file, and the diagnostics of every line that produced no call. Safe to open from several processes
/// at once: each write is one transaction, and every write is idempotent.
/// </summary>
public sealed partial class UsageLedger : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<UsageContext, long> _contextIds = [];

    private UsageLedger(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>The ledger file's path.</summary>
    public string Path { get; }

    /// <summary>
    /// Whether SQLite runs without its per-call locks. A ledger's connection is only ever used by one thread at a
    /// time, and reading a report makes hundreds of thousands of calls into SQLite, each of which took a lock.
    /// </summary>
    private static readonly bool MultiThreadMode = UseMultiThreadMode();

    /// <summary>Opens the ledger at <paramref name="path"/>, creating it and its folder when missing.</summary>
    public static UsageLedger Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        _ = MultiThreadMode;
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 60000;");

            // Before anything is written: another program's database must be left exactly as it was.
            CheckIdentity(connection, Number(connection, "PRAGMA user_version;"));
            Configure(connection);
            Migrate(connection);
            return new UsageLedger(connection, path);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private static bool UseMultiThreadMode()
    {
        SQLitePCL.Batteries_V2.Init();
        return SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MULTITHREAD) == SQLitePCL.raw.SQLITE_OK;
    }

    private static void Configure(SqliteConnection connection)
    {
        // Takes effect only when the file is new: larger pages mean a quarter of the writes for a batch.
        Execute(connection, "PRAGMA page_size = 16384;");
        Execute(connection, "PRAGMA journal_mode = WAL;");
        Execute(connection, "PRAGMA synchronous = NORMAL;");
        // The writer keeps references whole itself (it never deletes a file or a context row); letting SQLite check
        // each call's context reference as well cost a fifth of an import.
        Execute(connection, "PRAGMA foreign_keys = OFF;");

        // A batch touches pages all over the key indexes; with SQLite's default 2 MB page cache it spills and
        // re-reads them tens of thousands of times. 64 MB holds the working set of a large import.
        Execute(connection, "PRAGMA cache_size = -65536;");
        Execute(connection, "PRAGMA temp_store = MEMORY;");

        // Reports read every call in range; mapping the file spares a read call per page.
        Execute(connection, "PRAGMA mmap_size = 1073741824;");
    }

    /// <summary>Marks a Frugal ledger, so that another program's SQLite file is never taken for one.</summary>
    private const long ApplicationId = 0x46525547; // "FRUG"

    private static void Migrate(SqliteConnection connection)
    {
        var version = Number(connection, "PRAGMA user_version;");
        if (version == LedgerSchema.Migrations.Length && Number(connection, "PRAGMA application_id;") == ApplicationId)
        {
            return;
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        version = Number(connection, "PRAGMA user_version;");
        CheckIdentity(connection, version);
        for (var i = (int)version; i < LedgerSchema.Migrations.Length; i++)
        {
            Execute(connection, LedgerSchema.Migrations[i]);
        }

        Execute(connection, $"PRAGMA user_version = {LedgerSchema.Migrations.Length};");
        Execute(connection, $"PRAGMA application_id = {ApplicationId};");
        transaction.Commit();
    }

    private static void CheckIdentity(SqliteConnection connection, long version)
    {
        var application = Number(connection, "PRAGMA application_id;");
        var tables = Number(connection, "SELECT count(*) FROM sqlite_master;");
        if (application != ApplicationId && (version > 0 || tables > 0 || application != 0))
        {
            throw new LedgerException(
                "it is a SQLite database of another program, not a Frugal ledger, and was left as it is");
        }

        if (version > LedgerSchema.Migrations.Length)
        {
            throw new LedgerException(
                $"it was written by a newer Frugal (schema {version}; this one knows "
                + $"{LedgerSchema.Migrations.Length}): upgrade Frugal to read it");
        }
    }

    private static long Number(SqliteConnection connection, string sql) =>
        Convert.ToInt64(Scalar(connection, sql), System.Globalization.CultureInfo.InvariantCulture);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
