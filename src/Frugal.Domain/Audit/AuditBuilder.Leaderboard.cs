using Frugal.Domain.Outcomes;
using Frugal.Domain.Scoring;

namespace Frugal.Domain.Audit;

public sealed partial class AuditBuilder
{
    /// <summary>
    /// The leaderboard. Per project, a repository's own outcomes against the sessions run in it. Otherwise the
    /// sessions are grouped (by the person who authored the commits they link to, by tool or by model) and each
    /// feature, fix and review counts for the group whose sessions spent most on it. Ranked by the scale-invariant
    /// score; rows without a score come last, in name order.
    /// </summary>
    private List<LeaderRow> Leaderboard()
    {
        var rows = _options.By == AuditGrouping.Project ? ProjectRows() : SessionGroupRows();

        // A row with no session, feature or fix says nothing; rows without a score follow, most features first;
        // the groups that are no one ("(no session)", "(unattributed)") come last.
        return
        [
            .. rows.Where(r => r.Sessions > 0 || r.Features > 0 || r.Bugs > 0)
                .OrderBy(r => r.Name.StartsWith('(') ? 1 : 0)
                .ThenBy(r => r.Score.Value is null ? 1 : 0)
                .ThenByDescending(r => r.Score.Value ?? 0)
                .ThenByDescending(r => r.Features)
                .ThenByDescending(r => r.Sessions)
                .ThenBy(r => r.Name, StringComparer.Ordinal),
        ];
    }

    private IEnumerable<LeaderRow> ProjectRows()
    {
        foreach (var repository in _repositories)
        {
            var window = WindowMainline(repository).ToList();
            var sessions = _sessions.Where(s => s.Repository == repository.Root).ToList();
            yield return Row(repository.Root, sessions, window);
        }
    }

    private IEnumerable<LeaderRow> SessionGroupRows()
    {
        var groupOf = _links.ToDictionary(l => l.Session, GroupKey);
        var landedBy = _links.SelectMany(l => l.Mainline.Select(m => (m.Commit.Sha, Link: l)))
            .ToLookup(p => p.Sha, p => p.Link, StringComparer.Ordinal);
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var change in _windowMainline.Values)
        {
            var spenders = landedBy[change.Commit.Sha]
                .GroupBy(l => groupOf[l.Session], StringComparer.Ordinal)
                .Select(g => (
                    g.Key, Cost: g.Sum(l => l.Session.CostUsd), Tokens: g.Sum(l => l.Session.Tokens.TotalTokens)))
                .OrderByDescending(g => g.Cost)
                .ThenByDescending(g => g.Tokens)
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .FirstOrDefault();
            owner[change.Commit.Sha] = spenders.Key ?? (_options.By == AuditGrouping.Person
                ? PersonName(change.Commit.Author.Email, change.Commit.Author.Name)
                : "(no session)");
        }

        var sessionsOf = groupOf.ToLookup(p => p.Value, p => p.Key, StringComparer.Ordinal);
        var changesOf = _windowMainline.Values.ToLookup(c => owner[c.Commit.Sha], StringComparer.Ordinal);
        foreach (var name in groupOf.Values.Concat(owner.Values).Distinct(StringComparer.Ordinal))
        {
            yield return Row(name, [.. sessionsOf[name]], [.. changesOf[name]]);
        }
    }

    private static LeaderRow Row(string name, List<AuditSession> sessions, List<AuditedCommit> changes)
    {
        var features = changes.Count(c => c.Change.Kind == ChangeKind.Feature);
        var bugs = changes.Count(c => c.Change.Kind == ChangeKind.Fix);
        var hours = changes.Select(c => c.Review.ReviewHours).OfType<double>().ToList();
        double? reviewHours = hours.Count == 0 ? null : hours.Sum();
        var tokens = sessions.Aggregate(0L, (sum, s) => checked(sum + s.Tokens.TotalTokens));
        var energy = SumEnergy(sessions);
        var inputs = new ScoreInputs(
            features, bugs, reviewHours is { } h && h < ScoreInputs.MinPositiveReviewHours ? 0 : reviewHours, tokens,
            ScoreKWh(energy));
        return new LeaderRow(
            name, sessions.Count, features, bugs, reviewHours, tokens, sessions.Sum(s => s.CostUsd), energy,
            ScaleInvariantScore.Compute(inputs));
    }

    private string GroupKey(SessionLink link) => _options.By switch
    {
        AuditGrouping.Tool => link.Session.Tool,
        AuditGrouping.Model => link.Session.Models.MaxBy(m => m.CostUsd)?.Model ?? "(none)",
        _ => link.Commits
            .GroupBy(c => c.Commit.Author.Email, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => PersonName(g.Key, g.First().Commit.Author.Name))
            .FirstOrDefault() ?? "(unattributed)",
    };

    private string PersonName(string email, string name) => _options.Names ? name : Pseudonym.Of(email);
}
