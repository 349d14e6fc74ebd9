using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Frugal.Storage.Ledger;

/// <summary>
/// Finds or adds the <c>usage_context</c> row of a call inside the current write transaction. Ids of committed rows
/// are remembered for the ledger's lifetime (a row is never deleted, so such an id stays valid); ids added in this
/// transaction join them only through <see cref="Committed"/>, since a rollback takes their rows away.
/// </summary>
internal sealed class ContextWriter : IDisposable
{
    private const string Columns =
        "source, session_id, parent_session_id, project, git_branch, person, tool, provider, model, speed, "
        + "service_tier, local, sidechain";

    private const string FindSql = """
        SELECT id FROM usage_context
        WHERE session_id = $session AND source = $source AND parent_session_id IS $parent AND project IS $project
          AND git_branch IS $branch AND person IS $person AND tool IS $tool AND provider IS $provider
          AND model IS $model AND speed IS $speed AND service_tier IS $tier AND local = $local
          AND sidechain = $sidechain;
        """;

    private static readonly string AddSql = $"""
        INSERT INTO usage_context ({Columns})
        VALUES ($source, $session, $parent, $project, $branch, $person, $tool, $provider, $model, $speed, $tier,
            $local, $sidechain)
        RETURNING id;
        """;

    private readonly Dictionary<UsageContext, long> _ids;
    private readonly Dictionary<UsageContext, long> _added = [];
    private readonly PreparedStatement _find;
    private readonly PreparedStatement _add;

    public ContextWriter(SqliteConnection connection, Dictionary<UsageContext, long> ids)
    {
        _ids = ids;
        _find = new PreparedStatement(connection, FindSql);
        _add = new PreparedStatement(connection, AddSql);
    }

    public long IdOf(Frugal.Domain.Usage.UsageRecord record)
    {
        var context = UsageContext.Of(record);
        if (_ids.TryGetValue(context, out var id) || _added.TryGetValue(context, out id))
        {
            return id;
        }

        Bind(_find, context);
        id = _find.Scalar() is long found ? found : Add(context);
        _added[context] = id;
        return id;
    }

    /// <summary>Remembers the ids found or added in this transaction, once it has committed.</summary>
    public void Committed()
    {
        foreach (var (context, id) in _added)
        {
            _ids[context] = id;
        }
    }

    public void Dispose()
    {
        _find.Dispose();
        _add.Dispose();
    }

    private long Add(UsageContext context)
    {
        Bind(_add, context);
        return Convert.ToInt64(_add.Scalar(), CultureInfo.InvariantCulture);
    }

    private static void Bind(PreparedStatement statement, UsageContext context)
    {
        statement["$source"] = context.Source;
        statement["$session"] = context.SessionId;
        statement["$parent"] = context.ParentSessionId;
        statement["$project"] = context.Project;
        statement["$branch"] = context.GitBranch;
        statement["$person"] = context.Person;
        statement["$tool"] = context.Tool;
        statement["$provider"] = context.Provider;
        statement["$model"] = context.Model;
        statement["$speed"] = context.Speed;
        statement["$tier"] = context.ServiceTier;
        statement["$local"] = context.Local ? 1 : 0;
        statement["$sidechain"] = context.Sidechain ? 1 : 0;
    }
}
