using Frugal.Domain.Audit;
using Frugal.Domain.Pricing;
using Frugal.Storage.Ledger;

namespace Frugal.Cli.Audit;

/// <summary>
/// Reads the window's sessions from the ledger, priced, with each session's working folder mapped to the git
/// repository it is in, and the output price of each model used.
/// </summary>
internal static class SessionReader
{
    public static (List<AuditSession> Sessions, Dictionary<string, decimal> OutputPrices) Read(
        UsageLedger ledger, PriceTable prices, AuditOptions options)
    {
        var pricer = new GroupPricer(prices);
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
            session.Add(group, cost, date);
            if (group.Group.Model is { } model && !outputPrices.ContainsKey(model)
                && pricer.PriceOf(model, DateOnly.FromDateTime(group.Group.First.UtcDateTime)) is { } price)
            {
                outputPrices[model] = price.Rates.OutputPerMTok;
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
