namespace Frugal.Domain.Audit;

public sealed partial class AuditBuilder
{
    private static UsageRow UsageOf(string key, IEnumerable<AuditSession> sessions)
    {
        var list = sessions as IReadOnlyCollection<AuditSession> ?? [.. sessions];
        return new UsageRow(
            key, list.Count, list.Sum(s => s.Calls), SumTokens(list), list.Sum(s => s.CostUsd),
            list.Sum(s => s.UnpricedTokens));
    }

    private List<UsageRow> UsageBy(Func<AuditSession, string> key) =>
    [
        .. _sessions.GroupBy(key, StringComparer.Ordinal)
            .Select(g => UsageOf(g.Key, g))
            .OrderByDescending(r => r.CostUsd)
            .ThenByDescending(r => r.Tokens.TotalTokens)
            .ThenBy(r => r.Key, StringComparer.Ordinal),
    ];

    private List<UsageRow> UsageByModel() =>
    [
        .. _sessions.SelectMany(s => s.Models.Select(m => (Session: s, Use: m)))
            .GroupBy(p => p.Use.Model, StringComparer.Ordinal)
            .Select(g => new UsageRow(
                g.Key, g.Select(p => p.Session).Distinct().Count(), g.Sum(p => p.Use.Calls),
                g.Aggregate(Usage.TokenCounts.Zero, (sum, p) => sum + p.Use.Tokens), g.Sum(p => p.Use.CostUsd),
                g.Sum(p => p.Use.UnpricedTokens)))
            .OrderByDescending(r => r.CostUsd)
            .ThenByDescending(r => r.Tokens.TotalTokens)
            .ThenBy(r => r.Key, StringComparer.Ordinal),
    ];
}
