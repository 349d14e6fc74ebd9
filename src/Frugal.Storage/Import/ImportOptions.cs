namespace Frugal.Storage.Import;

/// <summary>How an import reads and commits.</summary>
public sealed record ImportOptions
{
    /// <summary>
    /// Bytes of one file read before its records are handed to the ledger; bounds memory on huge files.
    /// </summary>
    public long ChunkBytes { get; init; } = 32L << 20;

    /// <summary>Records gathered before a transaction commits them with their files' checkpoints.</summary>
    public int BatchRecords { get; init; } = 10000;

    /// <summary>Files read at the same time.</summary>
    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>
    /// Called inside each transaction just before it commits, with the batch number; for fault injection.
    /// </summary>
    public Action<int>? BeforeCommit { get; init; }
}
