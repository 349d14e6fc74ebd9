namespace Frugal.Storage.Import;

/// <summary>An unfinished last line of a file, left for a later import.</summary>
/// <param name="Path">The file.</param>
/// <param name="Bytes">The length of the unfinished line.</param>
public sealed record UnfinishedLine(string Path, long Bytes);
