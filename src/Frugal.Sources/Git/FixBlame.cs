namespace Frugal.Sources.Git;

/// <summary>
/// What blaming one fix found (the SZZ step): the commits that last touched the lines the fix deleted or changed,
/// each with how many of those lines it wrote.
/// </summary>
/// <param name="FixSha">The fix commit.</param>
/// <param name="Candidates">Bug-introducing candidates and the number of blamed lines each wrote.</param>
/// <param name="BlamedLines">Lines of the fix's parent that were blamed.</param>
/// <param name="Problem">
/// Why the fix could not be blamed completely (a blob missing from the clone), or null; what was found is kept.
/// </param>
public sealed record FixBlame(
    string FixSha, IReadOnlyDictionary<string, int> Candidates, int BlamedLines, string? Problem)
{
    /// <summary>
    /// Whether the fix deleted and changed no code line, so blame has nothing to follow (it only added lines).
    /// </summary>
    public bool OnlyAdded => BlamedLines == 0 && Problem is null;
}
