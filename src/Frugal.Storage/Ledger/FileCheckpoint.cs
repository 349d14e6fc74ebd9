namespace Frugal.Storage.Ledger;

/// <summary>
/// How far the ledger has read one source file: enough to read only appended bytes next time, and to notice a file
/// that was truncated or replaced (its size shrank below the offset, or its first bytes or last read line changed).
/// </summary>
/// <param name="Source">The source the file belongs to.</param>
/// <param name="Path">The file's full path.</param>
/// <param name="SizeBytes">
/// The file's size when it was last read to its end; -1 while a pass stopped short of the end (a large file read in
/// chunks, or an import stopped midway), so that the next import carries on.
/// </param>
/// <param name="LastWriteUtcTicks">The file's last-write time (UTC ticks) when it was last read.</param>
/// <param name="EndOffset">The offset after the last whole line read.</param>
/// <param name="EndLineNumber">The number of that line.</param>
/// <param name="LastLineHash">XxHash64 of the last 4 KiB (at most) before <paramref name="EndOffset"/>.</param>
/// <param name="LastLineLength">How many bytes ending at <paramref name="EndOffset"/> were hashed.</param>
/// <param name="HeadHash">XxHash64 of the file's first <paramref name="HeadLength"/> bytes.</param>
/// <param name="HeadLength">How many of the file's first bytes are hashed: up to 4 KiB of what was read.</param>
/// <param name="ReaderState">The reader's own state at that offset (Codex thread baselines), or null.</param>
public sealed record FileCheckpoint(
    string Source,
    string Path,
    long SizeBytes,
    long LastWriteUtcTicks,
    long EndOffset,
    long EndLineNumber,
    ulong LastLineHash,
    int LastLineLength,
    ulong HeadHash,
    int HeadLength,
    string? ReaderState);
