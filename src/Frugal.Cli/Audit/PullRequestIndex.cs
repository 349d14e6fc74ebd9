using Frugal.Domain.Outcomes;

namespace Frugal.Cli.Audit;

/// <summary>Pull requests from an export, found by number or by the commit they merged as.</summary>
internal sealed class PullRequestIndex
{
    private readonly Dictionary<int, PullRequest> _byNumber = [];
    private readonly Dictionary<string, PullRequest> _byMergeCommit = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<int> _used = [];

    /// <summary>Indexes <paramref name="pullRequests"/>; a later entry with the same number wins.</summary>
    public PullRequestIndex(IEnumerable<PullRequest> pullRequests)
    {
        ArgumentNullException.ThrowIfNull(pullRequests);
        foreach (var pullRequest in pullRequests)
        {
            _byNumber[pullRequest.Number] = pullRequest;
            if (pullRequest.MergeCommitSha is { Length: > 0 } sha)
            {
                _byMergeCommit[sha] = pullRequest;
            }
        }
    }

    /// <summary>No export: every review is found from history alone.</summary>
    public static PullRequestIndex None { get; } = new([]);

    /// <summary>Pull requests in the export.</summary>
    public int Count => _byNumber.Count;

    /// <summary>Pull requests some mainline commit was matched to.</summary>
    public int Matched => _used.Count;

    /// <summary>
    /// The pull request that merged as <paramref name="sha"/> (exact, so it wins), else the one numbered
    /// <paramref name="number"/> in the commit's message; null when the export has neither.
    /// </summary>
    public PullRequest? Find(int? number, string sha)
    {
        var found = _byMergeCommit.GetValueOrDefault(sha)
            ?? (number is { } n ? _byNumber.GetValueOrDefault(n) : null);
        if (found is not null)
        {
            _used.Add(found.Number);
        }

        return found;
    }
}
