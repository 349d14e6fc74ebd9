namespace Frugal.Sources.Git;

/// <summary>A commit's numstat against its first parent.</summary>
/// <param name="Added">Text lines added.</param>
/// <param name="Deleted">Text lines deleted.</param>
/// <param name="Files">Files changed, binary ones included.</param>
/// <param name="Known">False when git could not diff the commit (a blob is missing); the counts are then zero.</param>
public readonly record struct LineCounts(long Added, long Deleted, int Files, bool Known);
