using Frugal.Domain.Usage;

namespace Frugal.Storage.Ledger;

/// <summary>
/// What one pass over part of a source file changed, committed to the ledger atomically with the records read in
/// it: the diagnostics of the lines read, and the checkpoint after them.
/// </summary>
/// <param name="StartOffset">
/// The offset the pass started at; 0 with <paramref name="Restarted"/> for a full re-read.
/// </param>
/// <param name="Restarted">Whether the file was read again from its start, replacing its earlier diagnostics.</param>
/// <param name="Checkpoint">Where the next pass starts.</param>
/// <param name="Diagnostics">The lines counted under a reason.</param>
/// <param name="Lines">Lines read.</param>
/// <param name="UsageLines">Lines that produced a record.</param>
public sealed record FileChunk(
    long StartOffset,
    bool Restarted,
    FileCheckpoint Checkpoint,
    IReadOnlyList<DiagnosticCount> Diagnostics,
    long Lines,
    long UsageLines);
