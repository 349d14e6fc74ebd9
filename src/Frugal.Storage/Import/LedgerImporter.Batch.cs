using System.Collections.Concurrent;
using Frugal.Domain.Usage;
using Frugal.Storage.Ledger;

namespace Frugal.Storage.Import;

public sealed partial class LedgerImporter
{
    /// <summary>One chunk as read, with the records that go with it and its byte counts.</summary>
    private sealed record ReadChunk(
        FileChunk Chunk, IReadOnlyList<UsageRecord> Records, long BytesRead, long BytesConsumed);

    /// <summary>Chunks gathered for one transaction, their records already merged by key.</summary>
    private sealed class Batch
    {
        public List<FileChunk> Chunks { get; } = [];

        public Dictionary<(string, string), UsageRecord> Records { get; } = [];

        public long Bytes { get; private set; }

        public void Add(ReadChunk read)
        {
            Chunks.Add(read.Chunk);
            Bytes += read.BytesConsumed;
            foreach (var record in read.Records)
            {
                var key = (record.Source, record.SourceKey);
                if (!Records.TryGetValue(key, out var kept) || UsageMerge.Replaces(record, kept))
                {
                    Records[key] = record;
                }
            }
        }
    }

    /// <summary>Running counts of an import; written by the one consumer, file errors by any reader.</summary>
    private sealed class Tally
    {
        public long BytesRead { get; set; }

        public long BytesTotal { get; init; }

        public long BytesDone { get; set; }

        public long Lines { get; private set; }

        public long UsageLines { get; private set; }

        public long CallsAdded { get; set; }

        public long ReplaysRemoved { get; set; }

        public LineDiagnostics Diagnostics { get; } = new();

        public ConcurrentBag<FileError> FileErrors { get; } = [];

        public ConcurrentBag<UnfinishedLine> Unfinished { get; } = [];

        public void Take(ReadChunk read)
        {
            BytesRead += read.BytesRead;
            Lines += read.Chunk.Lines;
            UsageLines += read.Chunk.UsageLines;
            Diagnostics.AddAll(read.Chunk.Diagnostics);
        }
    }
}
