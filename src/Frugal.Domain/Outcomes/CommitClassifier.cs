namespace Frugal.Domain.Outcomes;

/// <summary>
/// Classifies a commit as feature, fix, revert or other from its Conventional Commit type, read from the pull-request
/// title for merge commits (where the first-parent subject only says "Merge pull request"), and finds the pull
/// request, merged branch, reverted commits and <c>Fixes:</c> targets its message names.
/// </summary>
/// <remarks>
/// Types are case-insensitive: <c>feat</c> and <c>feature</c> are features; <c>fix</c>, <c>bugfix</c> and
/// <c>hotfix</c> fixes; <c>revert</c> and git's <c>Revert "…"</c> reverts; any other type is kept as
/// <see cref="ChangeClass.Type"/> with kind other. A merge whose title cannot be read is other.
/// </remarks>
public static class CommitClassifier
{
    /// <summary>Classifies one commit from its message.</summary>
    public static ChangeClass Classify(CommitInfo commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var message = commit.Message.AsSpan();
        var subjectEnd = message.IndexOf('\n');
        var subject = (subjectEnd < 0 ? message : message[..subjectEnd]).Trim();

        // A merge's title is its pull request's; null when the merge names none, and then the kind is other.
        var title = MergeSubject.TryParse(message, subject, out var merge) ? merge.Title : subject.ToString();
        var conventional = default(ConventionalSubject);
        var isConventional = title is not null && ConventionalSubject.TryParse(title, out conventional);

        return new ChangeClass
        {
            Kind = Kind(title, isConventional, conventional),
            Type = isConventional ? conventional.Type : null,
            Scope = isConventional ? conventional.Scope : null,
            Breaking = (isConventional && conventional.Breaking) || CommitReferences.HasBreakingFooter(message),
            Title = title ?? subject.ToString(),
            PullRequest = merge.PullRequest,
            MergedBranch = merge.Branch,
            RevertedShas = CommitReferences.RevertedShas(message),
            FixesShas = CommitReferences.FixesShas(message),
        };
    }

    private static ChangeKind Kind(string? title, bool isConventional, ConventionalSubject conventional)
    {
        if (isConventional)
        {
            return conventional.Kind;
        }

        return title is not null && title.StartsWith("Revert \"", StringComparison.Ordinal)
            ? ChangeKind.Revert
            : ChangeKind.Other;
    }
}
