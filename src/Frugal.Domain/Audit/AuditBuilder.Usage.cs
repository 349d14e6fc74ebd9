using Frugal.Domain.Energy;
using Frugal.Domain.Scoring;

namespace Frugal.Domain.Audit;

public sealed partial class AuditBuilder
{
    private static UsageRow UsageOf(string key, IEnumerable<AuditSession> sessions)
    {
        var list = sessions as IReadOnlyCollection<AuditSession> ?? [.. sessions];
        return new UsageRow(
            key, list.Count, list.Sum(s => s.Calls), SumTokens(list), list.Sum(s => s.CostUsd),
            list.Sum(s => s.UnpricedTokens), SumEnergy(list), list.Aggregate(CarbonRange.Zero, (c, s) => c + s.Carbon),
            list.Sum(s => s.UnknownSizeTokens))
        {
            EmbodiedCarbon = list.Aggregate(CarbonRange.Zero, (c, s) => c + s.EmbodiedCarbon),
        };
    }

    private static EnergyRange SumEnergy(IEnumerable<AuditSession> sessions) =>
        sessions.Aggregate(EnergyRange.Zero, (sum, s) => sum + s.Energy);

    /// <summary>
    /// The energy a score counts, in kWh: the middle of <paramref name="energy"/>'s range (the scores take one
    /// figure); null when nothing was estimated, 0 below the smallest energy a score accepts.
    /// </summary>
    internal static double? ScoreKWh(EnergyRange energy)
    {
        if (energy.MaxWh == 0)
        {
            return null;
        }

        var kWh = (energy.MinWh + energy.MaxWh) / 2 / 1000;
        return kWh < ScoreInputs.MinPositiveEnergyKWh ? 0 : Math.Min(kWh, ScoreInputs.MaxEnergyKWh);
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
                g.Sum(p => p.Use.UnpricedTokens), g.Aggregate(EnergyRange.Zero, (e, p) => e + p.Use.Energy),
                g.Aggregate(CarbonRange.Zero, (c, p) => c + p.Use.Carbon), g.Sum(p => p.Use.UnknownSizeTokens))
            {
                UnrecordedLocalTokens = g.Sum(p => p.Use.UnrecordedLocalTokens),
            })
            .OrderByDescending(r => r.CostUsd)
            .ThenByDescending(r => r.Tokens.TotalTokens)
            .ThenBy(r => r.Key, StringComparer.Ordinal),
    ];
}
