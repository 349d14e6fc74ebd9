namespace Frugal.Sources.Jsonl;

/// <summary>What one pass of <see cref="JsonlFileReader"/> read.</summary>
/// <param name="EndOffset">The byte offset just after the last whole line consumed.</param>
/// <param name="EndLineNumber">The number of the last line consumed (0 when none ever was).</param>
/// <param name="BytesRead">Bytes read from the file by this pass.</param>
/// <param name="LastLineHash">A hash of the last 4 KiB (at most) before <paramref name="EndOffset"/>, or 0.</param>
/// <param name="LastLineLength">How many bytes ending at <paramref name="EndOffset"/> that hash covers.</param>
/// <param name="PendingTailBytes">
/// Bytes after <paramref name="EndOffset"/> left for a later pass: an unfinished line.
/// </param>
/// <param name="ReachedEnd">Whether the pass stopped at the end of the file rather than at its byte budget.</param>
public readonly record struct JsonlReadResult(
    long EndOffset,
    long EndLineNumber,
    long BytesRead,
    ulong LastLineHash,
    int LastLineLength,
    long PendingTailBytes,
    bool ReachedEnd);
