using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Frugal.Storage.Ledger;

/// <summary>
/// A SQL statement prepared once and run many times, with its <c>$name</c> parameters found once, so that binding a
/// row costs a dictionary lookup per value rather than a search of the command's parameter list.
/// </summary>
internal sealed partial class PreparedStatement : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly Dictionary<string, SqliteParameter> _parameters = new(StringComparer.Ordinal);

    public PreparedStatement(SqliteConnection connection, string sql)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        foreach (var name in ParameterName().Matches(sql).Select(m => m.Value).Distinct())
        {
            _parameters[name] = _command.Parameters.Add(new SqliteParameter(name, null));
        }

        _command.Prepare();
    }

    /// <summary>Sets a parameter; null becomes SQL NULL.</summary>
    public object? this[string name]
    {
        set => _parameters[name].Value = value ?? DBNull.Value;
    }

    public int Execute() => _command.ExecuteNonQuery();

    public object? Scalar() => _command.ExecuteScalar();

    public SqliteDataReader Reader() => _command.ExecuteReader();

    public void Dispose() => _command.Dispose();

    [GeneratedRegex(@"\$[A-Za-z0-9]+")]
    private static partial Regex ParameterName();
}
