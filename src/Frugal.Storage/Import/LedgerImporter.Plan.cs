using Frugal.Sources.Discovery;
using Frugal.Storage.Ledger;
using Microsoft.Win32.SafeHandles;

namespace Frugal.Storage.Import;

public sealed partial class LedgerImporter
{
    private ImportPlan Plan(IReadOnlyList<SourceRoot> roots)
    {
        var jobs = new List<FileJob>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var checkBytes = 0L;
        var found = 0L;
        var checkpointsBySource = new Dictionary<string, Dictionary<string, FileCheckpoint>>(StringComparer.Ordinal);

        foreach (var root in roots)
        {
            if (!checkpointsBySource.TryGetValue(root.Source, out var checkpoints))
            {
                checkpointsBySource[root.Source] = checkpoints = _ledger.LoadCheckpoints(root.Source);
            }

            foreach (var path in root.Files())
            {
                if (!seen.Add(path))
                {
                    continue;
                }

                found++;
                if (PlanFile(root.Source, path, checkpoints.GetValueOrDefault(path), ref checkBytes) is { } job)
                {
                    jobs.Add(job);
                }
            }
        }

        jobs.Sort((a, b) => b.BytesToRead.CompareTo(a.BytesToRead));
        return new ImportPlan(roots, jobs, found, checkBytes);
    }

    /// <summary>
    /// Decides how to read one file: not at all when its size and write time match the checkpoint; from the
    /// checkpoint when the line that ended there is still the same; from the start otherwise.
    /// </summary>
    private static FileJob? PlanFile(string source, string path, FileCheckpoint? checkpoint, ref long checkBytes)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return null;
        }

        var size = info.Length;
        var ticks = info.LastWriteTimeUtc.Ticks;
        if (checkpoint is not null && checkpoint.SizeBytes == size && checkpoint.LastWriteUtcTicks == ticks)
        {
            return null;
        }

        if (checkpoint is not null && size >= checkpoint.EndOffset && TailMatches(path, checkpoint, ref checkBytes))
        {
            return new FileJob(source, path, size, ticks, checkpoint.EndOffset, checkpoint.EndLineNumber,
                checkpoint.ReaderState, Restarted: false, checkpoint.LastLineHash, checkpoint.LastLineLength);
        }

        return new FileJob(source, path, size, ticks, 0, 0, null, Restarted: checkpoint is not null, 0, 0);
    }

    private static bool TailMatches(string path, FileCheckpoint checkpoint, ref long checkBytes)
    {
        if (checkpoint.EndOffset == 0 || checkpoint.LastLineLength == 0)
        {
            return checkpoint.EndOffset == 0;
        }

        var tail = new byte[checkpoint.LastLineLength];
        try
        {
            using SafeFileHandle handle = File.OpenHandle(
                path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var read = RandomAccess.Read(handle, tail, checkpoint.EndOffset - checkpoint.LastLineLength);
            checkBytes += read;
            return read == tail.Length && HashOf(tail) == checkpoint.LastLineHash;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private sealed record ImportPlan(
        IReadOnlyList<SourceRoot> Roots, List<FileJob> Jobs, long FilesFound, long CheckBytes);

    private sealed record FileJob(
        string Source,
        string Path,
        long SizeBytes,
        long LastWriteUtcTicks,
        long StartOffset,
        long StartLine,
        string? ReaderState,
        bool Restarted,
        ulong PreviousHash,
        int PreviousHashLength)
    {
        public long BytesToRead => Math.Max(0, SizeBytes - StartOffset);
    }
}
