namespace Frugal.Storage.Ledger;

/// <summary>What the ledger holds, in counts.</summary>
/// <param name="Files">Source files read.</param>
/// <param name="Lines">Lines read from them.</param>
/// <param name="Calls">Model calls recorded (after deduplication).</param>
public readonly record struct LedgerStats(long Files, long Lines, long Calls);
