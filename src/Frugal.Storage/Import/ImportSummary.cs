using Frugal.Domain.Usage;
using Frugal.Sources.Discovery;

namespace Frugal.Storage.Import;

/// <summary>What one import did.</summary>
public sealed record ImportSummary
{
    /// <summary>The folders looked in, each with whether it existed.</summary>
    public required IReadOnlyList<SourceRoot> Roots { get; init; }

    /// <summary>Log files found.</summary>
    public long FilesFound { get; init; }

    /// <summary>Files with new or changed content that were read.</summary>
    public long FilesRead { get; init; }

    /// <summary>Files read again from the start because they were truncated or replaced.</summary>
    public long FilesRestarted { get; init; }

    /// <summary>Bytes read from disk, checks of known files included.</summary>
    public long BytesRead { get; init; }

    /// <summary>Lines read.</summary>
    public long Lines { get; init; }

    /// <summary>Lines that carried usage.</summary>
    public long UsageLines { get; init; }

    /// <summary>
    /// How many more calls the ledger holds than before: new calls less the subagent replays merged into their
    /// parent's call in the same import.
    /// </summary>
    public long CallsAdded { get; init; }

    /// <summary>Subagent replays of a parent call that were collapsed into it.</summary>
    public long ReplaysRemoved { get; init; }

    /// <summary>
    /// Files whose last line has no line feed and is not complete JSON: a writer may still be writing it, so it is
    /// left for the next import, which takes it once it is whole.
    /// </summary>
    public IReadOnlyList<UnfinishedLine> UnfinishedLines { get; init; } = [];

    /// <summary>Files and folders that could not be read, or were passed over; earlier checkpoints stand.</summary>
    public IReadOnlyList<FileError> FileErrors { get; init; } = [];

    /// <summary>The diagnostics of the lines read by this import.</summary>
    public required IReadOnlyList<DiagnosticCount> Diagnostics { get; init; }
}
