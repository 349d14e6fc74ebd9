using Frugal.Domain.Energy;
using Frugal.Domain.Outcomes;

namespace Frugal.Domain.Audit;

public sealed partial class AuditBuilder
{
    private AuditAnswer Answer(RepositoryOutcome outcomes, IReadOnlyList<FeatureCost> features)
    {
        var totalCost = _sessions.Sum(s => s.CostUsd);
        var totalTokens = TotalTokens();
        var shares = Enum.GetValues<ShipStatus>().Select(status =>
        {
            var sessions = _links.Where(l => l.Status == status).Select(l => l.Session).ToList();
            var tokens = SumTokens(sessions);
            var cost = sessions.Sum(s => s.CostUsd);
            return new SpendShare(
                status, sessions.Count, tokens, cost, Share(cost, totalCost), Share(tokens.TotalTokens, totalTokens));
        }).ToList();

        var shipped = shares.Where(s => s.Status is ShipStatus.Shipped or ShipStatus.ShippedReviewed).ToList();
        var reviewed = shares.Single(s => s.Status == ShipStatus.ShippedReviewed);
        var linkedFeatures = features.Where(f => f.Sessions > 0).ToList();
        var reviewedFeatures = features.Where(f => f.ReviewHours is not null).ToList();
        return new AuditAnswer(
            shares,
            Share(shipped.Sum(s => s.CostUsd), totalCost),
            Share(shipped.Sum(s => s.Tokens.TotalTokens), totalTokens),
            reviewed.CostShare,
            reviewed.TokenShare,
            outcomes.Features,
            linkedFeatures.Count,
            linkedFeatures.Count == 0 ? null : linkedFeatures.Sum(f => f.Tokens) / linkedFeatures.Count,
            linkedFeatures.Count == 0 ? null : linkedFeatures.Sum(f => f.CostUsd) / linkedFeatures.Count,
            linkedFeatures.Count == 0
                ? null
                : linkedFeatures.Aggregate(EnergyRange.Zero, (sum, f) => sum + f.Energy)
                    .Scale(1.0 / linkedFeatures.Count),
            outcomes.Features == 0 ? null : (double)totalTokens / outcomes.Features,
            outcomes.Features == 0 ? null : totalCost / outcomes.Features,
            outcomes.Features == 0 ? null : (double)outcomes.Fixes / outcomes.Features,
            reviewedFeatures.Count == 0
                ? null
                : reviewedFeatures.Sum(f => f.ReviewHours!.Value) / reviewedFeatures.Count);
    }

    /// <summary>
    /// Every feature of the window with the sessions that landed in it. A session that landed in several changes
    /// has its tokens, cost and energy split evenly over them, so no spend is counted twice.
    /// </summary>
    private List<FeatureCost> FeatureCosts()
    {
        var sessions = new Dictionary<string, (int Sessions, double Tokens, decimal Cost, EnergyRange Energy)>(
            StringComparer.Ordinal);
        foreach (var link in _links.Where(l => l.Mainline.Count > 0))
        {
            var parts = link.Mainline.Count;
            foreach (var landed in link.Mainline)
            {
                var (count, tokens, cost, energy) = sessions.GetValueOrDefault(landed.Commit.Sha);
                sessions[landed.Commit.Sha] = (count + 1, tokens + (double)link.Session.Tokens.TotalTokens / parts,
                    cost + link.Session.CostUsd / parts, energy + link.Session.Energy.Scale(1.0 / parts));
            }
        }

        var laterFixes = _repositories.SelectMany(r => r.Fixes)
            .SelectMany(f => f.Candidates.Select(c => c.MainlineSha ?? c.Sha).Distinct())
            .GroupBy(sha => sha, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return
        [
            .. _windowMainline.Values
                .Where(c => c.Change.Kind == ChangeKind.Feature)
                .Select(c =>
                {
                    var (count, tokens, cost, energy) = sessions.GetValueOrDefault(c.Commit.Sha);
                    return new FeatureCost(
                        c.Commit.Sha, c.Change.Title, c.Change.PullRequest, _repositoryOf[c.Commit.Sha], c.Ai.IsMarked,
                        count, tokens, cost, energy, c.Review.ReviewHours, laterFixes.GetValueOrDefault(c.Commit.Sha));
                })
                .OrderByDescending(f => f.CostUsd)
                .ThenByDescending(f => f.Tokens)
                .ThenBy(f => f.Sha, StringComparer.Ordinal),
        ];
    }
}
