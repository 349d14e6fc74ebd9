using System.CommandLine;
using Frugal.Cli.Infrastructure;
using Frugal.Cli.Rendering;
using Frugal.Domain.Energy;
using Frugal.Domain.Reporting;
using Frugal.Storage.Import;

namespace Frugal.Cli.Commands;

/// <summary>
/// <c>frugal report PERIOD</c>: imports new log lines, then reports usage and cost grouped by PERIOD.
/// </summary>
internal static class ReportCommand
{
    private static readonly Argument<string> Period = new("period")
    {
        Description = "How to group: daily, weekly, monthly, session, model or project.",
    };

    private static readonly Option<string?> Since = new("--since")
    {
        Description = "First date to include (YYYY-MM-DD or YYYYMMDD), in the report's time zone.",
        HelpName = "DATE",
    };

    private static readonly Option<string?> Until = new("--until")
    {
        Description = "Last date to include (YYYY-MM-DD or YYYYMMDD), in the report's time zone.",
        HelpName = "DATE",
    };

    private static readonly Option<string?> TimeZone = new("--timezone")
    {
        Description = "IANA time zone that dates are taken in (default: the system's zone).",
        HelpName = "ZONE",
    };

    private static readonly Option<string> WeekStart = new("--start-of-week")
    {
        Description = "First day of a week for weekly reports.",
        DefaultValueFactory = _ => "monday",
    };

    private static readonly Option<bool> NoImport = new("--no-import")
    {
        Description = "Report what the ledger holds without reading new log lines first.",
    };

    public static Command Create()
    {
        Period.AcceptOnlyFromAmong("daily", "weekly", "monthly", "session", "model", "project");
        WeekStart.AcceptOnlyFromAmong("monday", "sunday");
        var command = new Command("report", "Usage and cost by day, week, month, session, model or project.")
        {
            Period, Since, Until, TimeZone, WeekStart, CommonOptions.Json, CommonOptions.Ledger, CommonOptions.Source,
            CommonOptions.Prices, CommonOptions.ModelFacts, CommonOptions.GridZone, NoImport,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Run(parse, cancel)));
        return command;
    }

    private static int Run(ParseResult parse, CancellationToken cancel)
    {
        var period = Enum.Parse<ReportPeriod>(parse.GetValue(Period)!, ignoreCase: true);
        var json = parse.GetValue(CommonOptions.Json);

        // Every option is checked before any is refused, so one run names every problem.
        var problems = new UsageProblems();
        var range = problems.Check(() => DateRange.Parse(parse.GetValue(Since), parse.GetValue(Until)));
        var zone = problems.Check(() => Zones.Resolve(parse.GetValue(TimeZone)));
        var grid = problems.Check(() => GridZones.Resolve(parse.GetValue(CommonOptions.GridZone)));
        var sources = parse.GetValue(NoImport)
            ? null
            : problems.Check(() => SourceOptions.Resolve(parse.GetValue(CommonOptions.Source)));
        var prices = problems.Check(() => LedgerSession.LoadPrices(parse.GetValue(CommonOptions.Prices)));
        var facts = problems.Check(() => LedgerSession.LoadModelFacts(parse.GetValue(CommonOptions.ModelFacts)));
        problems.ThrowIfAny();
        using var ledger = LedgerSession.OpenLedger(parse.GetValue(CommonOptions.Ledger));

        ImportSummary? import = null;
        if (sources is not null)
        {
            (import, var elapsed) = ImportRunner.Run(ledger, sources, cancel);
            RenderImportNotes(import, elapsed, json);
        }

        var weekStart = parse.GetValue(WeekStart) == "sunday" ? DayOfWeek.Sunday : DayOfWeek.Monday;
        var energy = new UsageEnergy(facts!, grid!);
        var builder = new ReportBuilder(period, zone!, prices!, weekStart, energy);
        ledger.ReadUsageGroups(period, range!.From(zone!), range.To(zone!), prices!.PromptTier, builder.Add);
        var report = builder.Build();

        if (json)
        {
            using var stdout = Console.OpenStandardOutput();
            ReportJson.Write(stdout, report, range!.Since, range.Until, ledger.DiagnosticTotals(), import);
            stdout.WriteByte((byte)'\n');
        }
        else
        {
            ReportTable.Render(Consoles.Out(), report);
        }

        return 0;
    }

    /// <summary>What the import before a report read, on stderr: quiet when nothing new was read.</summary>
    internal static void RenderImportNotes(ImportSummary import, TimeSpan elapsed, bool json)
    {
        var error = Consoles.Error();
        if (import.FilesFound == 0 || import.FilesRead > 0 && !json)
        {
            ImportView.Render(error, import, elapsed);
        }
        else if (import.Diagnostics.Any(d => d.Kind == Domain.Usage.DiagnosticKind.Skipped)
            || import.FileErrors.Count > 0 || import.UnfinishedLines.Count > 0)
        {
            ImportView.Render(error, import, elapsed);
        }
    }
}
