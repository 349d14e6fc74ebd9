namespace Frugal.Storage.Ledger;

/// <summary>What committing a batch changed in the ledger.</summary>
/// <param name="CallsAdded">New calls: records whose key the ledger did not hold.</param>
/// <param name="ReplaysRemoved">Subagent replays of a parent call that were collapsed into it.</param>
/// <param name="StaleChunks">
/// Chunks another import had already committed; their records were merged idempotently.
/// </param>
public readonly record struct CommitOutcome(long CallsAdded, long ReplaysRemoved, int StaleChunks);
