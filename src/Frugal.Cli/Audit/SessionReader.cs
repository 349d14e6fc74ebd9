using Frugal.Domain.Audit;
using Frugal.Domain.Energy;
using Frugal.Domain.Pricing;
using Frugal.Storage.Ledger;

namespace Frugal.Cli.Audit;

/// <summary>
/// Reads the window's sessions from the ledger, priced, with each session's working folder mapped to the git
/// repository it is in, and the output price of each model used. Each group's energy is estimated with the
/// built-in model sizes, at the PUE of the provider whose price applies; calls to a local model server cost $0 and have
/// the energy the gateway recorded for them (or an unknown one), as in reports.
/// </summary>
internal static class SessionReader
{
    public static (List<AuditSession> Sessions, Dictionary<string, decimal> OutputPrices) Read(
        UsageLedger ledger, PriceTable prices, ModelFactsTable facts, AuditOptions options)
    {
        var pricer = new GroupPricer(prices);
        var energy = new UsageEnergy(facts, options.GridZone);
        var sessions = new Dictionary<(string, string), AuditSession>();
        var outputPrices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        ledger.ReadSessionActivity(options.From, options.To, prices.PromptTier, group =>
        {
            var cost = pricer.Cost(group.Group);
            var key = (group.Source, group.SessionKey);
            if (!sessions.TryGetValue(key, out var session))
            {
                sessions[key] = session = new AuditSession(group.Source, group.SessionKey);
            }

            var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(group.Group.First, options.Zone).DateTime);
            var utcDate = DateOnly.FromDateTime(group.Group.First.UtcDateTime);
            var price = group.Group.Model is { } model && !group.Group.Local ? pricer.PriceOf(model, utcDate) : null;
            var estimate = energy.Estimate(group.Group, price?.Provider);
            session.Add(group, cost, date, estimate);
            if (price is not null && !outputPrices.ContainsKey(group.Group.Model!))
            {
                outputPrices[group.Group.Model!] = price.Rates.OutputPerMTok;
            }
        }, trend =>
        {
            if (sessions.TryGetValue((trend.Source, trend.SessionKey), out var session))
            {
                session.Trend = trend;
            }
        });

        var roots = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var session in sessions.Values)
        {
            if (session.Project is { } project)
            {
                if (!roots.TryGetValue(project, out var root))
                {
                    roots[project] = root = Sources.Git.GitRepository.FindRoot(project);
                }

                session.Repository = root;
            }
        }

        return ([.. sessions.Values.OrderBy(s => s.First).ThenBy(s => s.Key, StringComparer.Ordinal)], outputPrices);
    }
}
