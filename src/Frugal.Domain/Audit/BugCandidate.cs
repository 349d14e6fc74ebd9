namespace Frugal.Domain.Audit;

/// <summary>A commit blamed for lines a later fix changed.</summary>
/// <param name="Sha">The candidate commit.</param>
/// <param name="Lines">Blamed lines it wrote (zero when a trailer named it).</param>
/// <param name="MainlineSha">The mainline commit it landed with (itself when on the mainline), when known.</param>
public sealed record BugCandidate(string Sha, int Lines, string? MainlineSha);
