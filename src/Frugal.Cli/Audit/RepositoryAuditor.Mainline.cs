using Frugal.Domain.Audit;
using Frugal.Domain.Outcomes;
using Frugal.Sources.Git;

namespace Frugal.Cli.Audit;

internal sealed partial class RepositoryAuditor
{
    private AuditedCommit Mainline(
        CommitInfo commit, Dictionary<string, LineCounts> counts, Dictionary<string, List<CommitInfo>> broughtIn,
        Dictionary<string, AiAttribution> attributions)
    {
        if (counts.TryGetValue(commit.Sha, out var count))
        {
            commit = commit with
            {
                LinesAdded = count.Added, LinesDeleted = count.Deleted, FilesChanged = count.Files,
                LineCountsKnown = count.Known,
            };
        }

        var change = CommitClassifier.Classify(commit);
        var pullRequest = pullRequests.Find(change.PullRequest, commit.Sha);
        if (pullRequest is not null && change.PullRequest is null)
        {
            // A rebase merge names no pull request; the export knows it by the commit it merged as.
            change = change with { PullRequest = pullRequest.Number };
        }

        var branches = new List<string>();
        AddBranch(branches, change.MergedBranch);
        AddBranch(branches, pullRequest?.HeadRef);
        var titled = pullRequest is null
            ? null
            : CommitClassifier.Classify(commit with { Message = pullRequest.Title });
        if (change.Kind == ChangeKind.Other && titled is { Kind: not ChangeKind.Other })
        {
            // A rebase merge or an unconventional subject: the pull request's own title says what the change is.
            change = titled with { PullRequest = pullRequest!.Number, MergedBranch = change.MergedBranch };
        }

        var brought = broughtIn.GetValueOrDefault(commit.Sha) ?? [];
        var ai = Attribution(commit, branches, brought, attributions);
        var review = Review(commit, change, pullRequest, brought);
        return new AuditedCommit(commit, change, ai, CommitPlacement.Mainline, commit.Sha, branches, review);
    }

    private static void AddBranch(List<string> branches, string? branch)
    {
        if (branch is { Length: > 0 } && !branches.Contains(branch))
        {
            branches.Add(branch);
        }
    }

    /// <summary>
    /// A mainline commit's markers: its own (with the branch it merged), or for a merge whose message carries none,
    /// the first marked commit it brought in — in merge-commit workflows the markers live on the pull request's
    /// commits.
    /// </summary>
    private static AiAttribution Attribution(
        CommitInfo commit, List<string> branches, List<CommitInfo> brought,
        Dictionary<string, AiAttribution> attributions)
    {
        var own = AiAttributor.Attribute(commit, branches.FirstOrDefault());
        if (own.IsMarked || brought.Count == 0)
        {
            return own;
        }

        return brought.Select(c => attributions[c.Sha]).FirstOrDefault(a => a.IsMarked) ?? own;
    }

    /// <summary>
    /// The review of a mainline change: from its pull request when the export has it; else an approving
    /// <c>Reviewed-by:</c> trailer naming someone other than the author, or a pull request's merge commit made by
    /// someone other than the authors of what it merged; else unknown, never "not reviewed".
    /// </summary>
    private static CommitReview Review(
        CommitInfo commit, ChangeClass change, PullRequest? pullRequest, List<CommitInfo> brought)
    {
        if (pullRequest is not null)
        {
            var facts = ReviewFacts.Of(pullRequest);
            var kind = facts.Approved ? ReviewKind.Approved
                : facts.HumanReviewed ? ReviewKind.ReviewedNotApproved
                : ReviewKind.NotReviewed;
            // An export whose merge comes before its creation contradicts itself: that time is unknown, not negative.
            return new CommitReview(
                kind, "pull request", NonNegative(facts.ReviewTime), NonNegative(facts.TimeToFirstReview));
        }

        if (ReviewedBy(commit))
        {
            return new CommitReview(ReviewKind.Approved, "Reviewed-by trailer", null, null);
        }

        // Only the merge of a pull request: merging the default branch into local work reviews nothing.
        if (change.PullRequest is not null && brought.Count > 0
            && brought.All(c => !SamePerson(c.Author, commit.Author)))
        {
            return new CommitReview(ReviewKind.Approved, "merged by another person", null, null);
        }

        return CommitReview.Unknown;
    }

    private static double? NonNegative(TimeSpan? time) => time is { } t && t >= TimeSpan.Zero ? t.TotalHours : null;

    private static bool ReviewedBy(CommitInfo commit)
    {
        foreach (var line in commit.Message.Split('\n'))
        {
            var text = line.Trim();
            var reviewer = text.Length > "Reviewed-by:".Length ? text["Reviewed-by:".Length..].Trim() : string.Empty;
            if (text.StartsWith("Reviewed-by:", StringComparison.OrdinalIgnoreCase) && reviewer.Length > 0
                && !reviewer.Contains(commit.Author.Email, StringComparison.OrdinalIgnoreCase)
                && !reviewer.StartsWith(commit.Author.Name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SamePerson(GitIdentity a, GitIdentity b) =>
        string.Equals(a.Email, b.Email, StringComparison.OrdinalIgnoreCase)
        || string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
}
