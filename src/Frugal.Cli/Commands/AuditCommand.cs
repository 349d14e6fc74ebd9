using System.CommandLine;
using Frugal.Cli.Audit;
using Frugal.Cli.Infrastructure;
using Frugal.Cli.Rendering;
using Frugal.Cli.Rendering.Audit;
using Spectre.Console;
using Frugal.Domain.Audit;

namespace Frugal.Cli.Commands;

/// <summary>
/// <c>frugal audit</c>: imports new log lines, links the window's sessions to the commits of their repositories,
/// and reports what share of the spend shipped, and shipped reviewed, what each feature cost, bugs with their
/// exposure, both efficiency scores, findings and the leaderboard.
/// </summary>
internal static class AuditCommand
{
    private const int DefaultDays = 30;

    private static readonly Option<string[]> Repos = new("--repo")
    {
        Description = "Audit this repository; repeatable (default: every repository the window's sessions ran in).",
        HelpName = "PATH",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<string?> Since = new("--since")
    {
        Description = $"First date (YYYY-MM-DD or YYYYMMDD; default: {DefaultDays - 1} days before --until).",
        HelpName = "DATE",
    };

    private static readonly Option<string?> Until = new("--until")
    {
        Description = "Last date, inclusive (default: today).",
        HelpName = "DATE",
    };

    private static readonly Option<string?> TimeZone = new("--timezone")
    {
        Description = "IANA time zone that dates are taken in (default: the system's zone).",
        HelpName = "ZONE",
    };

    private static readonly Option<string[]> Prs = new("--prs")
    {
        Description = "A pull-request export (gh pr list … --json, or GitLab merge requests JSON); repeatable.",
        HelpName = "FILE",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<string> By = new("--by")
    {
        Description = "What the leaderboard groups by.",
        DefaultValueFactory = _ => "project",
    };

    private static readonly Option<bool> Names = new("--names")
    {
        Description = "Show people by name in the leaderboard instead of stable pseudonyms.",
    };

    private static readonly Option<string> Grace = new("--grace")
    {
        Description = "How long after a session's last call its commits still link to it (m, h or d).",
        DefaultValueFactory = _ => "2h",
        HelpName = "DURATION",
    };

    private static readonly Option<bool> Markdown = new("--markdown")
    {
        Description = "Print the audit as Markdown (for a pull request or a wiki).",
    };

    private static readonly Option<string?> Html = new("--html")
    {
        Description = "Also write the audit as one self-contained HTML file with charts.",
        HelpName = "FILE",
    };

    private static readonly Option<bool> NoImport = new("--no-import")
    {
        Description = "Audit what the ledger holds without reading new log lines first.",
    };

    public static Command Create(TimeProvider clock)
    {
        By.AcceptOnlyFromAmong("project", "person", "tool", "model");
        var command = new Command("audit", "What the AI spend shipped: outcomes, cost per feature, scores, findings.")
        {
            Repos, Since, Until, TimeZone, Prs, By, Names, Grace, CommonOptions.Json, Markdown, Html,
            CommonOptions.Ledger, CommonOptions.Source, CommonOptions.Prices, CommonOptions.ModelFacts,
            CommonOptions.GridZone,
            NoImport,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Run(parse, clock, cancel)));
        return command;
    }

    private static int Run(ParseResult parse, TimeProvider clock, CancellationToken cancel)
    {
        var json = parse.GetValue(CommonOptions.Json);
        var markdown = parse.GetValue(Markdown);
        var problems = new UsageProblems();
        if (json && markdown)
        {
            problems.Check<bool>(() => throw CliError.Usage("--json and --markdown both print the audit: pick one."));
        }

        var zone = problems.Check(() => Zones.Resolve(parse.GetValue(TimeZone)));
        var range = problems.Check(() => DateRange.Parse(parse.GetValue(Since), parse.GetValue(Until)));
        var grace = problems.Check(() => ParseDuration("--grace", parse.GetValue(Grace)!));
        var grid = problems.Check(() => GridZones.Resolve(parse.GetValue(CommonOptions.GridZone)));
        var sources = parse.GetValue(NoImport)
            ? null
            : problems.Check(() => SourceOptions.Resolve(parse.GetValue(CommonOptions.Source)));
        var prices = problems.Check(() => LedgerSession.LoadPrices(parse.GetValue(CommonOptions.Prices)));
        var facts = problems.Check(() => LedgerSession.LoadModelFacts(parse.GetValue(CommonOptions.ModelFacts)));
        var repositories = problems.Check(() => AuditRunner.OpenRepositories(parse.GetValue(Repos) ?? []));
        var pullRequests = problems.Check(() => AuditRunner.ReadPullRequests(parse.GetValue(Prs) ?? []));
        var html = problems.Check(() => CheckHtml(
            parse.GetValue(Html), parse.GetValue(CommonOptions.Ledger) ?? LedgerLocation.DefaultLedger(),
            parse.GetValue(Prs) ?? []));
        problems.ThrowIfAny();

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone!).DateTime);
        var until = range!.Until ?? (range.Since is { } s && s > today ? s : today);
        var since = range.Since ?? until.AddDays(-(DefaultDays - 1));

        // git keeps no commit before 1970, and the last day of year 9999 has no day after it.
        (since, until) = (Clamp(since), Clamp(until));
        var options = new AuditOptions(
            since, until, zone!, grace, Enum.Parse<AuditGrouping>(parse.GetValue(By)!, ignoreCase: true),
            parse.GetValue(Names), PullRequestExport: (parse.GetValue(Prs) ?? []).Length > 0, Grid: grid);

        using var ledger = LedgerSession.OpenLedger(parse.GetValue(CommonOptions.Ledger));
        if (sources is not null)
        {
            var (import, elapsed) = ImportRunner.Run(ledger, sources, cancel);
            if (!json && !markdown || import.FileErrors.Count > 0 || import.UnfinishedLines.Count > 0)
            {
                ImportView.Render(Consoles.Error(), import, elapsed);
            }
        }

        var run = AuditRunner.Run(ledger, prices!, facts!, options, repositories!, pullRequests!);
        foreach (var warning in run.Warnings)
        {
            Consoles.Error().MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        return AuditOutput.Write(run.Report, json, markdown, html);
    }

    private static DateOnly Clamp(DateOnly date) =>
        date < new DateOnly(1970, 1, 1) ? new DateOnly(1970, 1, 1)
        : date > new DateOnly(9999, 12, 30) ? new DateOnly(9999, 12, 30)
        : date;

    /// <summary>
    /// The <c>--html</c> path, checked before any work: its folder exists, and it is not the ledger or an export
    /// (writing the page over them would lose what they hold).
    /// </summary>
    private static string? CheckHtml(string? path, string ledger, string[] exports)
    {
        if (path is null)
        {
            return null;
        }

        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw CliError.Usage($"--html {path} is a folder: give the path of the HTML file to write.");
        }

        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
        {
            throw CliError.Usage($"--html {path}: the folder {folder} does not exist; create it or write elsewhere.");
        }

        if (full == Path.GetFullPath(ledger) || exports.Any(e => Path.GetFullPath(e) == full))
        {
            throw CliError.Usage($"--html {path} is an input of this audit (the ledger or an export): write the page "
                + "to another file.");
        }

        return path;
    }

    private static TimeSpan ParseDuration(string option, string text)
    {
        var value = text.Trim();
        if (value == "0")
        {
            return TimeSpan.Zero;
        }

        if (value.Length >= 2 && double.TryParse(
            value.AsSpan(0, value.Length - 1), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= 0 && number < 1e6)
        {
            switch (char.ToLowerInvariant(value[^1]))
            {
                case 'm':
                    return TimeSpan.FromMinutes(number);
                case 'h':
                    return TimeSpan.FromHours(number);
                case 'd':
                    return TimeSpan.FromDays(number);
            }
        }

        throw CliError.BadDuration(option, text);
    }
}
