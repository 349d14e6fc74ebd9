using Frugal.Domain.Outcomes;

namespace Frugal.Sources.Reviews;

/// <summary>What a pull-request export held.</summary>
/// <param name="PullRequests">
/// The usable pull requests, one per number (the later entry wins), in ascending order of number.
/// </param>
/// <param name="Diagnostics">Every skipped entry, in file order.</param>
/// <param name="EntryCount">
/// Entries read: the pull requests, plus those skipped, plus those replaced by a later entry of the same number.
/// </param>
/// <param name="DuplicateCount">Usable entries replaced by a later entry with the same number.</param>
public sealed record PullRequestExportResult(
    IReadOnlyList<PullRequest> PullRequests,
    IReadOnlyList<PullRequestExportDiagnostic> Diagnostics,
    int EntryCount,
    int DuplicateCount);
