using Frugal.Domain.Outcomes;

namespace Frugal.Domain.Audit;

public sealed partial class AuditBuilder
{
    private RepositoryOutcome Outcome(RepositoryFacts repository)
    {
        var window = WindowMainline(repository).ToList();
        var marked = window.Where(c => c.Ai.IsMarked).ToList();
        // A commit counts under every tool whose marker it carries (a Codex and a Claude co-author both count).
        var byTool = marked
            .SelectMany(c => c.Ai.Evidence.Select(e => e.Tool).Distinct(StringComparer.Ordinal))
            .GroupBy(tool => tool, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new RepositoryOutcome(
            repository.Root,
            repository.DefaultBranch,
            window.Count,
            marked.Count,
            byTool,
            window.Count(c => c.Change.Kind == ChangeKind.Feature),
            marked.Count(c => c.Change.Kind == ChangeKind.Feature),
            window.Count(c => c.Change.Kind == ChangeKind.Fix),
            window.Count(c => c.Change.Kind == ChangeKind.Revert),
            window.Where(c => c.Commit.LineCountsKnown).Sum(c => c.Commit.LinesAdded),
            window.Count(c => !c.Commit.LineCountsKnown),
            Exposure(repository, window),
            Reviews(window),
            repository.Notes);
    }

    private BugExposure Exposure(RepositoryFacts repository, List<AuditedCommit> window)
    {
        var inWindow = window.ToDictionary(c => c.Commit.Sha, StringComparer.Ordinal);
        var later = repository.Commits
            .Where(c => c.Placement == CommitPlacement.Mainline && c.Commit.CommittedAt >= _options.To)
            .Select(c => c.Commit.Sha)
            .ToHashSet(StringComparer.Ordinal);
        int ai = 0, other = 0, older = 0, after = 0;
        foreach (var fix in repository.Fixes)
        {
            foreach (var introduced in fix.Candidates.Select(c => c.MainlineSha ?? c.Sha).Distinct())
            {
                if (later.Contains(introduced))
                {
                    after++;
                }
                else if (!inWindow.TryGetValue(introduced, out var commit))
                {
                    older++;
                }
                else if (commit.Ai.IsMarked)
                {
                    ai++;
                }
                else
                {
                    other++;
                }
            }
        }

        var known = window.Where(c => c.Commit.LineCountsKnown).ToList();
        return new BugExposure(
            repository.Fixes.Count,
            repository.Fixes.Count(f => f.Candidates.Count > 0),
            repository.Fixes.Count(f => f.OnlyAdded),
            repository.Fixes.Count(f => f.FromTrailer),
            repository.Fixes.Count(f => f.Problem is not null),
            known.Where(c => c.Ai.IsMarked).Sum(c => c.Commit.LinesAdded),
            known.Where(c => !c.Ai.IsMarked).Sum(c => c.Commit.LinesAdded),
            ai,
            other,
            older,
            after);
    }

    private static ReviewSummary Reviews(List<AuditedCommit> window)
    {
        var hours = window.Select(c => c.Review.ReviewHours).OfType<double>().ToList();
        var firsts = window.Select(c => c.Review.HoursToFirstReview).OfType<double>().ToList();
        return new ReviewSummary(
            window.Count,
            window.Count(c => c.Review.Kind == ReviewKind.Approved),
            window.Count(c => c.Review.Kind == ReviewKind.ReviewedNotApproved),
            window.Count(c => c.Review.Kind == ReviewKind.NotReviewed),
            window.Count(c => c.Review.Kind == ReviewKind.Unknown),
            hours.Count,
            hours.Sum(),
            Median(hours),
            Median(firsts));
    }

    private RepositoryOutcome Sum(List<RepositoryOutcome> all)
    {
        var byTool = all.SelectMany(r => r.AiMarkedByTool)
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(p => p.Value))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);
        var bugs = all.Select(r => r.Bugs).ToList();
        var reviews = all.Select(r => r.Reviews).ToList();
        return new RepositoryOutcome(
            "all", string.Empty, all.Sum(r => r.Commits), all.Sum(r => r.AiMarked), byTool, all.Sum(r => r.Features),
            all.Sum(r => r.AiMarkedFeatures), all.Sum(r => r.Fixes), all.Sum(r => r.Reverts),
            all.Sum(r => r.LinesAdded),
            all.Sum(r => r.CommitsWithoutLineCounts),
            new BugExposure(
                bugs.Sum(b => b.FixesAnalysed), bugs.Sum(b => b.FixesWithCandidates), bugs.Sum(b => b.FixesOnlyAdding),
                bugs.Sum(b => b.FixesFromTrailer), bugs.Sum(b => b.FixesWithProblems), bugs.Sum(b => b.AiLinesAdded),
                bugs.Sum(b => b.OtherLinesAdded), bugs.Sum(b => b.AiBugLinks), bugs.Sum(b => b.OtherBugLinks),
                bugs.Sum(b => b.OlderBugLinks), bugs.Sum(b => b.LaterBugLinks)),
            new ReviewSummary(
                reviews.Sum(r => r.Changes), reviews.Sum(r => r.Approved), reviews.Sum(r => r.ReviewedNotApproved),
                reviews.Sum(r => r.NotReviewed), reviews.Sum(r => r.Unknown), reviews.Sum(r => r.WithReviewTime),
                reviews.Sum(r => r.ReviewHours), AllMedian(c => c.Review.ReviewHours),
                AllMedian(c => c.Review.HoursToFirstReview)),
            [.. all.SelectMany(r => r.Notes.Select(n => all.Count > 1 ? $"{r.Repository}: {n}" : n))]);
    }

    private double? AllMedian(Func<AuditedCommit, double?> value) =>
        Median([.. _windowMainline.Values.Select(value).OfType<double>()]);

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
