using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Frugal.Storage.Ledger;

/// <summary>Result codes of SQLite's C API, for the few hot paths that call it directly.</summary>
internal static class SqliteResult
{
    /// <summary>Throws the error SQLite reports for <paramref name="result"/> unless it is OK, a row or done.</summary>
    public static void Check(sqlite3 database, int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE))
        {
            throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), result);
        }
    }
}
