using Frugal.Sources.Discovery;
using Frugal.Storage.Import;
using Frugal.Storage.Ledger;
using Spectre.Console;

namespace Frugal.Cli.Infrastructure;

/// <summary>
/// Runs an import, with a progress bar on stderr when a person is watching and more than 64 MiB is new.
/// </summary>
internal static class ImportRunner
{
    private const long ProgressThresholdBytes = 64L << 20;

    public static (ImportSummary Summary, TimeSpan Elapsed) Run(
        UsageLedger ledger, IReadOnlyList<SourceRoot> roots, CancellationToken cancel)
    {
        var started = TimeProvider.System.GetTimestamp();
        var importer = new LedgerImporter(ledger);
        var plan = importer.Plan(roots);
        var summary = Console.IsErrorRedirected || plan.BytesToRead < ProgressThresholdBytes
            ? importer.Run(plan, null, cancel)
            : WithProgress(importer, plan, cancel);
        return (summary, TimeProvider.System.GetElapsedTime(started));
    }

    private static ImportSummary WithProgress(LedgerImporter importer, ImportPlan plan, CancellationToken cancel)
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
            summary = importer.Run(plan, progress, cancel);
        });
        return summary!;
    }
}
