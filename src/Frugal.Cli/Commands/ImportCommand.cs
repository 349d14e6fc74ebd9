using System.CommandLine;
using System.Text.Json;
using Frugal.Cli.Infrastructure;
using Frugal.Cli.Rendering;

namespace Frugal.Cli.Commands;

/// <summary><c>frugal import</c>: brings the ledger up to date with the logs and says what it read.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var command = new Command("import", "Read new Claude Code and Codex log lines into the ledger.")
        {
            CommonOptions.Source, CommonOptions.Ledger, CommonOptions.Json,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Run(parse, cancel)));
        return command;
    }

    private static int Run(ParseResult parse, CancellationToken cancel)
    {
        var roots = SourceOptions.Resolve(parse.GetValue(CommonOptions.Source));
        using var ledger = LedgerSession.OpenLedger(parse.GetValue(CommonOptions.Ledger));
        var (summary, elapsed) = ImportRunner.Run(ledger, roots, cancel);
        if (parse.GetValue(CommonOptions.Json))
        {
            using var stdout = Console.OpenStandardOutput();
            using var json = new Utf8JsonWriter(stdout, ReportJson.Options);
            ReportJson.WriteImport(json, summary);
            json.Flush();
            stdout.WriteByte((byte)'\n');
        }
        else
        {
            ImportView.Render(Consoles.Out(), summary, elapsed);
        }

        return 0;
    }
}
