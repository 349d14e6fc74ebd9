using System.Collections.Concurrent;
using System.IO.Hashing;
using Frugal.Domain.Usage;
using Frugal.Sources.ClaudeCode;
using Frugal.Sources.Codex;
using Frugal.Sources.Discovery;
using Frugal.Sources.Jsonl;
using Frugal.Storage.Ledger;

namespace Frugal.Storage.Import;

/// <summary>
/// Brings the ledger up to date with the log files under a set of folders: unchanged files are not read at all,
/// grown files are read from their checkpoint, truncated or replaced files are read again from the start. Files are
/// read in parallel; one writer commits their records and checkpoints in batches, each batch one transaction, so an
/// import stopped at any point leaves the ledger as it was after its last whole batch.
/// </summary>
public sealed partial class LedgerImporter
{
    private readonly UsageLedger _ledger;
    private readonly ImportOptions _options;

    /// <summary>Creates an importer writing to <paramref name="ledger"/>.</summary>
    public LedgerImporter(UsageLedger ledger, ImportOptions? options = null)
    {
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _options = options ?? new ImportOptions();
    }

    /// <summary>Imports every new line under <paramref name="roots"/>.</summary>
    public ImportSummary Run(
        IReadOnlyList<SourceRoot> roots, IProgress<ImportProgress>? progress = null, CancellationToken cancel = default)
        => Run(Plan(roots), progress, cancel);

    /// <summary>Imports what <paramref name="plan"/> found new.</summary>
    public ImportSummary Run(ImportPlan plan, IProgress<ImportProgress>? progress, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var tally = new Tally { BytesRead = plan.CheckBytes, BytesTotal = plan.BytesToRead };
        using var queue = new BlockingCollection<ReadChunk>(boundedCapacity: 256);
        using var readers = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var producer = Task.Run(() => Produce(plan.Jobs, queue, tally, readers.Token), readers.Token);
        try
        {
            Consume(queue, tally, progress);
        }
        catch
        {
            // The writer failed: stop the readers and wait for them before the queue they fill is disposed.
            readers.Cancel();
            producer.ContinueWith(_ => { }, TaskScheduler.Default).GetAwaiter().GetResult();
            throw;
        }

        producer.GetAwaiter().GetResult();

        return new ImportSummary
        {
            Roots = plan.Roots,
            FilesFound = plan.FilesFound,
            FilesRead = plan.Jobs.Count,
            FilesRestarted = plan.Jobs.Count(j => j.Restarted),
            BytesRead = tally.BytesRead,
            Lines = tally.Lines,
            UsageLines = tally.UsageLines,
            CallsAdded = tally.CallsAdded,
            ReplaysRemoved = tally.ReplaysRemoved,
            Diagnostics = tally.Diagnostics.Counts,
            FileErrors = [.. tally.FileErrors.Concat(plan.Errors).OrderBy(e => e.Path, StringComparer.Ordinal)],
            UnfinishedLines = [.. tally.Unfinished.OrderBy(u => u.Path, StringComparer.Ordinal)],
        };
    }

    private void Produce(
        IReadOnlyList<FileJob> jobs, BlockingCollection<ReadChunk> queue, Tally tally, CancellationToken cancel)
    {
        try
        {
            var options = new ParallelOptions
            {
                MaxDegreeOfParallelism = _options.Parallelism,
                CancellationToken = cancel,
            };
            // One file at a time per worker: the jobs are sorted largest first, and chunked partitioning could hand
            // one worker several of the largest files while the other sits idle.
            var oneByOne = Partitioner.Create(jobs, EnumerablePartitionerOptions.NoBuffering);
            Parallel.ForEach(oneByOne, options, job => ReadFile(job, queue, tally, cancel));
        }
        finally
        {
            queue.CompleteAdding();
        }
    }

    private void ReadFile(FileJob job, BlockingCollection<ReadChunk> queue, Tally tally, CancellationToken cancel)
    {
        UsageLineReader reader = job.Source == SourceNames.Codex
            ? new CodexRolloutLineReader(job.Path, job.ReaderState)
            : new ClaudeCodeLineReader(ClaudeFileContext.FromPath(job.Path));
        var offset = job.StartOffset;
        var line = job.StartLine;
        var first = true;
        try
        {
            while (true)
            {
                cancel.ThrowIfCancellationRequested();
                var result = JsonlFileReader.Read(job.Path, offset, line, reader, _options.ChunkBytes);
                queue.Add(ToChunk(job, reader, offset, first, result), cancel);
                if (result.ReachedEnd && result.PendingTailBytes > 0)
                {
                    tally.Unfinished.Add(new UnfinishedLine(job.Path, result.PendingTailBytes));
                }

                offset = result.EndOffset;
                line = result.EndLineNumber;
                first = false;
                if (result.ReachedEnd)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One file that cannot be read (gone, unreadable, a line too long to hold) must not stop the others;
            // what was committed of it stands, and the error is reported with its path.
            tally.FileErrors.Add(new FileError(job.Path, e.Message));
        }
    }

    private static ReadChunk ToChunk(
        FileJob job, UsageLineReader reader, long offset, bool first, JsonlReadResult result)
    {
        var records = reader.TakeRecords();
        var (headHash, headLength) = job.Previous is { } previous && offset > 0
            ? (previous.HeadHash, previous.HeadLength)
            : HashHead(job.Path, result.EndOffset);

        // A pass that stopped short of the end records no size, so the next import carries on from its offset
        // even when the file has not changed since.
        var checkpoint = new FileCheckpoint(
            job.Source, job.Path, result.ReachedEnd ? job.SizeBytes : -1, job.LastWriteUtcTicks, result.EndOffset,
            result.EndLineNumber,
            result.LastLineHash, result.LastLineLength, headHash, headLength, reader.SaveState());
        var chunk = new FileChunk(
            offset, job.Restarted && first, checkpoint, reader.TakeDiagnostics(), reader.TakeLineCount(),
            records.Count);
        return new ReadChunk(chunk, records, result.BytesRead, result.EndOffset - offset);
    }

    private void Consume(BlockingCollection<ReadChunk> queue, Tally tally, IProgress<ImportProgress>? progress)
    {
        var batch = new Batch();
        var batches = 0;
        foreach (var read in queue.GetConsumingEnumerable())
        {
            batch.Add(read);
            tally.Take(read);
            if (batch.Records.Count >= _options.BatchRecords || batch.Chunks.Count >= 128)
            {
                Commit(batch, ++batches, tally);
                batch = new Batch();
                progress?.Report(new ImportProgress(tally.BytesDone, tally.BytesTotal));
            }
        }

        if (batch.Chunks.Count > 0)
        {
            Commit(batch, ++batches, tally);
        }

        progress?.Report(new ImportProgress(tally.BytesTotal, tally.BytesTotal));
    }

    private void Commit(Batch batch, int number, Tally tally)
    {
        var hook = _options.BeforeCommit;
        var outcome = _ledger.Commit(batch.Records.Values, batch.Chunks, hook is null ? null : () => hook(number));
        tally.CallsAdded += outcome.CallsAdded;
        tally.ReplaysRemoved += outcome.ReplaysRemoved;
        tally.BytesDone += batch.Bytes;
    }

    private static ulong HashOf(ReadOnlySpan<byte> data) => XxHash64.HashToUInt64(data);

    /// <summary>Hashes up to the first 4 KiB of what has been read of a file, to notice it being rewritten.</summary>
    private static (ulong Hash, int Length) HashHead(string path, long readUpTo)
    {
        var head = new byte[(int)Math.Min(4096, readUpTo)];
        using var handle = File.OpenHandle(
            path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var read = RandomAccess.Read(handle, head, 0);
        return (HashOf(head.AsSpan(0, read)), read);
    }
}
