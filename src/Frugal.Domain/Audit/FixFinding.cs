namespace Frugal.Domain.Audit;

/// <summary>
/// One fix on the mainline and the commits SZZ (or its own trailer) names as having introduced the bug.
/// </summary>
/// <param name="FixSha">The fix commit.</param>
/// <param name="Candidates">Bug-introducing candidates with the number of blamed lines each wrote.</param>
/// <param name="FromTrailer">
/// Whether a <c>Fixes: &lt;sha&gt;</c> trailer named the candidates (no blame needed).
/// </param>
/// <param name="OnlyAdded">Whether the fix changed no earlier code line, so blame had nothing to follow.</param>
/// <param name="Problem">Why blame was incomplete (a blob missing from the clone), or null.</param>
public sealed record FixFinding(
    string FixSha,
    IReadOnlyList<BugCandidate> Candidates,
    bool FromTrailer,
    bool OnlyAdded,
    string? Problem);
