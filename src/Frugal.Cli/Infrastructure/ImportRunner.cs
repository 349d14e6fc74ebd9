using Frugal.Sources.Discovery;
using Frugal.Storage.Import;
using Frugal.Storage.Ledger;
using Spectre.Console;

namespace Frugal.Cli.Infrastructure;

/// <summary>Runs an import, with a progress bar on stderr when a person is watching a long one.</summary>
internal static class ImportRunner
{
    private const long ProgressThresholdBytes = 64L << 20;

    public static (ImportSummary Summary, TimeSpan Elapsed) Run(
        UsageLedger ledger, IReadOnlyList<SourceRoot> roots, CancellationToken cancel)
    {
        var started = TimeProvider.System.GetTimestamp();
        var importer = new LedgerImporter(ledger);
        ImportSummary summary;
        if (Console.IsErrorRedirected || EstimateBytes(roots) < ProgressThresholdBytes)
        {
            summary = importer.Run(roots, null, cancel);
        }
        else
        {
            summary = WithProgress(importer, roots, cancel);
        }

        return (summary, TimeProvider.System.GetElapsedTime(started));
    }

    private static ImportSummary WithProgress(
        LedgerImporter importer, IReadOnlyList<SourceRoot> roots, CancellationToken cancel)
    {
        ImportSummary? summary = null;
        Consoles.Error().Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask("Importing logs");
            var progress = new Progress<ImportProgress>(p =>
            {
                task.MaxValue = Math.Max(1, p.BytesTotal);
                task.Value = p.BytesDone;
            });
            summary = importer.Run(roots, progress, cancel);
        });
        return summary!;
    }

    private static long EstimateBytes(IReadOnlyList<SourceRoot> roots)
    {
        long total = 0;
        foreach (var root in roots)
        {
            foreach (var file in root.Files())
            {
                total += file.Length;
                if (total >= ProgressThresholdBytes)
                {
                    return total;
                }
            }
        }

        return total;
    }
}
