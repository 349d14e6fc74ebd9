using Frugal.Sources.Discovery;
using Frugal.Storage.Ledger;
using Microsoft.Win32.SafeHandles;

namespace Frugal.Storage.Import;

public sealed partial class LedgerImporter
{
    /// <summary>
    /// Lists the log files under <paramref name="roots"/> and decides how each is to be read; reads nothing but
    /// the few bytes that tell an appended file from a rewritten one.
    /// </summary>
    public ImportPlan Plan(IReadOnlyList<SourceRoot> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var jobs = new List<FileJob>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tally = new PlanTally();
        var found = 0L;
        var checkpointsBySource = new Dictionary<string, Dictionary<string, FileCheckpoint>>(StringComparer.Ordinal);

        foreach (var root in roots)
        {
            if (!checkpointsBySource.TryGetValue(root.Source, out var checkpoints))
            {
                checkpointsBySource[root.Source] = checkpoints = _ledger.LoadCheckpoints(root.Source);
            }

            foreach (var file in root.Files(skip => tally.Errors.Add(new FileError(skip.Path, skip.Reason))))
            {
                if (!seen.Add(file.FullName))
                {
                    continue;
                }

                found++;
                if (PlanFile(root.Source, file, checkpoints.GetValueOrDefault(file.FullName), tally) is { } job)
                {
                    jobs.Add(job);
                }
            }
        }

        jobs.Sort((a, b) => b.BytesToRead.CompareTo(a.BytesToRead));
        return new ImportPlan(roots, jobs, found, tally.CheckBytes, tally.Errors);
    }

    /// <summary>
    /// Decides how to read one file: not at all when its size and write time match the checkpoint; from the
    /// checkpoint when its first bytes and the line that ended there are still the same; from the start otherwise.
    /// </summary>
    private static FileJob? PlanFile(string source, FileInfo info, FileCheckpoint? checkpoint, PlanTally tally)
    {
        if (!info.Exists)
        {
            return null;
        }

        var path = info.FullName;
        var size = info.Length;
        var ticks = info.LastWriteTimeUtc.Ticks;
        if (checkpoint is not null && checkpoint.SizeBytes == size && checkpoint.LastWriteUtcTicks == ticks)
        {
            return null;
        }

        try
        {
            if (checkpoint is not null && size >= checkpoint.EndOffset && Unchanged(path, checkpoint, tally))
            {
                return new FileJob(source, path, size, ticks, checkpoint.EndOffset, checkpoint.EndLineNumber,
                    checkpoint.ReaderState, Restarted: false, checkpoint);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            tally.Errors.Add(new FileError(path, e.Message));
            return null;
        }

        return new FileJob(source, path, size, ticks, 0, 0, null, Restarted: checkpoint is not null, null);
    }

    /// <summary>Whether the bytes the checkpoint hashed (the file's head, the last line read) are unchanged.</summary>
    private static bool Unchanged(string path, FileCheckpoint checkpoint, PlanTally tally)
    {
        if (checkpoint.EndOffset == 0)
        {
            return true;
        }

        using SafeFileHandle handle = File.OpenHandle(
            path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return Matches(handle, 0, checkpoint.HeadLength, checkpoint.HeadHash, tally)
            && Matches(handle, checkpoint.EndOffset - checkpoint.LastLineLength, checkpoint.LastLineLength,
                checkpoint.LastLineHash, tally);
    }

    private static bool Matches(SafeFileHandle handle, long offset, int length, ulong hash, PlanTally tally)
    {
        var bytes = new byte[length];
        var read = RandomAccess.Read(handle, bytes, offset);
        tally.CheckBytes += read;
        return read == length && HashOf(bytes) == hash;
    }

    /// <summary>What planning read and could not read.</summary>
    private sealed class PlanTally
    {
        public long CheckBytes { get; set; }

        public List<FileError> Errors { get; } = [];
    }

    /// <summary>How one file is to be read.</summary>
    internal sealed record FileJob(
        string Source,
        string Path,
        long SizeBytes,
        long LastWriteUtcTicks,
        long StartOffset,
        long StartLine,
        string? ReaderState,
        bool Restarted,
        FileCheckpoint? Previous)
    {
        public long BytesToRead => Math.Max(0, SizeBytes - StartOffset);
    }
}
