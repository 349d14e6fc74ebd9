using System.Globalization;
using Frugal.Domain.Budgets;
using Frugal.Domain.Usage;

namespace Frugal.Storage.Ledger;

public sealed partial class UsageLedger
{
    /// <summary>
    /// Writes the gateway's calls in one transaction: each as a usage record (so reports and audits count it) with
    /// its gateway facts beside it. Writing a call again replaces it.
    /// </summary>
    public void WriteGatewayCalls(IReadOnlyList<(UsageRecord Record, GatewayCallFacts Facts)> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        using var transaction = _connection.BeginTransaction(deferred: false);
        using var contexts = new ContextWriter(_connection, _contextIds);
        using (var upsert = new UsageUpsert(_connection, UpsertUsageSql))
        using (var facts = new GatewayFactsInsert(_connection))
        {
            foreach (var (record, fact) in calls)
            {
                upsert.Write(record, contexts.IdOf(record));
                facts.Write(record.Source, record.SourceKey, fact);
            }
        }

        transaction.Commit();
        contexts.Committed();
    }

    /// <summary>
    /// The gateway's calls from <paramref name="since"/> on, as budgets count them: project, key, time, cost, tokens
    /// and the high end of the energy estimate.
    /// </summary>
    public IReadOnlyList<(string Project, string? KeyId, DateTimeOffset At, BudgetAmount Amount)> GatewaySpending(
        DateTimeOffset since)
    {
        using var read = new PreparedStatement(_connection, """
            SELECT c.project, g.key_id, u.ts_ms, g.cost_usd, u.total_tokens, g.energy_max_wh
            FROM gateway_call g JOIN usage u ON u.id = g.usage_id JOIN usage_context c ON c.id = u.context_id
            WHERE u.ts_ms >= $since;
            """);
        read["$since"] = since.ToUnixTimeMilliseconds();
        using var reader = read.Reader();
        var rows = new List<(string, string?, DateTimeOffset, BudgetAmount)>();
        while (reader.Read())
        {
            var cost = reader.IsDBNull(3) ? 0m : decimal.Parse(reader.GetString(3), CultureInfo.InvariantCulture);
            rows.Add((
                reader.IsDBNull(0) ? string.Empty : reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                new BudgetAmount(cost, reader.GetInt64(4), reader.IsDBNull(5) ? 0 : reader.GetDouble(5))));
        }

        return rows;
    }

    /// <summary>Stores a new virtual key.</summary>
    public void AddKey(GatewayKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var add = new PreparedStatement(_connection, """
            INSERT INTO gateway_key (id, project, name, secret_sha256, created_ms) VALUES ($id, $project, $name,
                $hash, $created);
            """);
        add["$id"] = key.Id;
        add["$project"] = key.Project;
        add["$name"] = key.Name;
        add["$hash"] = key.SecretSha256;
        add["$created"] = key.Created.ToUnixTimeMilliseconds();
        add.Execute();
    }

    /// <summary>Marks a key revoked; false when there is no such key or it was already revoked.</summary>
    public bool RevokeKey(string id, DateTimeOffset at)
    {
        using var revoke = new PreparedStatement(_connection,
            "UPDATE gateway_key SET revoked_ms = $at WHERE id = $id AND revoked_ms IS NULL;");
        revoke["$id"] = id;
        revoke["$at"] = at.ToUnixTimeMilliseconds();
        return revoke.Execute() == 1;
    }

    /// <summary>Every key, revoked ones included, oldest first.</summary>
    public IReadOnlyList<GatewayKey> Keys()
    {
        using var read = new PreparedStatement(_connection,
            """
            SELECT id, project, name, secret_sha256, created_ms, revoked_ms FROM gateway_key ORDER BY created_ms, id;
            """);
        using var reader = read.Reader();
        var keys = new List<GatewayKey>();
        while (reader.Read())
        {
            keys.Add(new GatewayKey(
                reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                (byte[])reader.GetValue(3), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return keys;
    }

    /// <summary>Sets (adds or replaces) a budget.</summary>
    public void SetBudget(BudgetCap cap)
    {
        ArgumentNullException.ThrowIfNull(cap);
        using var set = new PreparedStatement(_connection, """
            INSERT OR REPLACE INTO budget (scope_kind, scope_name, period, zone, usd, tokens, wh)
            VALUES ($kind, $name, $period, $zone, $usd, $tokens, $wh);
            """);
        set["$kind"] = cap.Scope.Kind.ToString().ToLowerInvariant();
        set["$name"] = cap.Scope.Name;
        set["$period"] = cap.Period.ToString().ToLowerInvariant();
        set["$zone"] = cap.Zone.Id;
        set["$usd"] = cap.Usd?.ToString(CultureInfo.InvariantCulture);
        set["$tokens"] = cap.Tokens;
        set["$wh"] = cap.Wh;
        set.Execute();
    }

    /// <summary>Removes a budget; false when there was none.</summary>
    public bool RemoveBudget(BudgetScope scope, BudgetPeriod period)
    {
        using var remove = new PreparedStatement(_connection,
            "DELETE FROM budget WHERE scope_kind = $kind AND scope_name = $name AND period = $period;");
        remove["$kind"] = scope.Kind.ToString().ToLowerInvariant();
        remove["$name"] = scope.Name;
        remove["$period"] = period.ToString().ToLowerInvariant();
        return remove.Execute() == 1;
    }

    /// <summary>Every budget. A stored zone this system does not know is an error naming it.</summary>
    public IReadOnlyList<BudgetCap> Budgets()
    {
        using var read = new PreparedStatement(_connection,
            "SELECT scope_kind, scope_name, period, zone, usd, tokens, wh FROM budget ORDER BY 1, 2, 3;");
        using var reader = read.Reader();
        var caps = new List<BudgetCap>();
        while (reader.Read())
        {
            var scope = new BudgetScope(
                Enum.Parse<BudgetScopeKind>(reader.GetString(0), ignoreCase: true), reader.GetString(1));
            caps.Add(new BudgetCap(
                scope, Enum.Parse<BudgetPeriod>(reader.GetString(2), ignoreCase: true),
                TimeZoneInfo.FindSystemTimeZoneById(reader.GetString(3)),
                reader.IsDBNull(4) ? null : decimal.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                reader.IsDBNull(5) ? null : reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetDouble(6)));
        }

        return caps;
    }

    /// <summary>Every gateway call, oldest first: its usage numbers and the gateway's facts.</summary>
    public IReadOnlyList<GatewayCallRow> GatewayCalls()
    {
        using var read = new PreparedStatement(_connection, """
            SELECT u.source_key, u.ts_ms, c.project, c.session_id, c.provider, c.model, c.local, u.input_tokens,
                u.cache_write_5m_tokens, u.cache_write_1h_tokens, u.cache_read_tokens, u.output_tokens,
                u.reasoning_tokens, u.latency_ms, g.key_id, g.route, g.upstream, g.status, g.ttfb_ms, g.cost_usd,
                g.energy_min_wh, g.energy_max_wh, g.energy_method, g.prefill_s, g.decode_s, g.load_s,
                g.tokens_estimated, g.cached, g.escalated
            FROM gateway_call g JOIN usage u ON u.id = g.usage_id JOIN usage_context c ON c.id = u.context_id
            ORDER BY u.ts_ms, u.id;
            """);
        using var reader = read.Reader();
        var rows = new List<GatewayCallRow>();
        while (reader.Read())
        {
            double? Real(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            rows.Add(new GatewayCallRow(
                reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), Text(2) ?? "",
                reader.GetString(3), Text(4), Text(5), reader.GetInt64(6) == 1,
                new TokenCounts(reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10),
                    reader.GetInt64(11), reader.GetInt64(12)),
                reader.IsDBNull(13) ? null : reader.GetInt64(13),
                new GatewayCallFacts(
                    Text(14), Text(15), reader.GetString(16), reader.GetString(17), Real(18),
                    Text(19) is { } cost ? decimal.Parse(cost, CultureInfo.InvariantCulture) : null, Real(20), Real(21),
                    Text(22), Real(23), Real(24), Real(25), reader.GetInt64(26) == 1, reader.GetInt64(27) == 1,
                    reader.GetInt64(28) == 1)));
        }

        return rows;
    }
}
