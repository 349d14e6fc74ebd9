using System.Threading.Channels;
using Frugal.Domain.Usage;
using Frugal.Storage.Ledger;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Frugal.Gateway.Metering;

/// <summary>
/// Writes ended calls to the ledger off the request path: calls queue in memory and a background task writes them
/// in batches, one transaction each. On shutdown every queued call is written before the gateway stops.
/// </summary>
public sealed partial class LedgerWriter(UsageLedger ledger, ILogger<LedgerWriter> logger) : BackgroundService
{
    private readonly Channel<CallOutcome> _queue = Channel.CreateUnbounded<CallOutcome>(
        new UnboundedChannelOptions { SingleReader = true });

    private long _written;

    /// <summary>Calls written so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Queues an ended call.</summary>
    public void Enqueue(CallOutcome call) => _queue.Writer.TryWrite(call);

    /// <summary>Waits until every call queued before now is written (for tests and shutdown).</summary>
    public async Task FlushAsync(CancellationToken cancel)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _flushes.Enqueue(done);
        _queue.Writer.TryWrite(FlushMarker);
        await done.Task.WaitAsync(cancel).ConfigureAwait(false);
    }

    private readonly System.Collections.Concurrent.ConcurrentQueue<TaskCompletionSource> _flushes = new();

    private static readonly CallOutcome FlushMarker = new()
    {
        RequestId = string.Empty, Started = default, Project = string.Empty, Upstream = string.Empty,
        Provider = string.Empty, Model = string.Empty, Operation = string.Empty, Status = string.Empty,
    };

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(UsageRecord, GatewayCallFacts)>();
        var reader = _queue.Reader;
        // Stopping completes the queue; the loop still drains what was queued before it.
        while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            var flush = false;
            while (batch.Count < 1000 && reader.TryRead(out var call))
            {
                if (ReferenceEquals(call, FlushMarker))
                {
                    flush = true;
                    continue;
                }

                batch.Add(Records.Of(call));
            }

            Write(batch);
            if (flush)
            {
                while (_flushes.TryDequeue(out var done))
                {
                    done.TrySetResult();
                }
            }
        }

        Write(batch);
    }

    private void Write(List<(UsageRecord, GatewayCallFacts)> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            ledger.WriteGatewayCalls(batch);
            Interlocked.Add(ref _written, batch.Count);
        }
        catch (Exception e) when (e is LedgerException or Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            LogWriteFailed(logger, batch.Count, e.Message);
        }

        batch.Clear();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Count} calls to the ledger: {Reason}")]
    private static partial void LogWriteFailed(ILogger logger, int count, string reason);
}
