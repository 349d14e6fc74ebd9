using System.CommandLine;
using Frugal.Cli.Commands;
using Frugal.Cli.Infrastructure;

namespace Frugal.Cli;

/// <summary>
/// The <c>frugal</c> executable: parses the command line and maps every failure to one line and an exit code.
/// </summary>
public static class Program
{
    /// <summary>Runs a command line and returns the process exit code.</summary>
    public static int Main(string[] args)
    {
        var debug = args.Contains("--debug");
        try
        {
            return Run(args);
        }
        catch (CliError e)
        {
            return Fail(e.Message, e.ExitCode, debug ? e : null);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            // Opening the ledger maps its own failures; this is one while reading or writing it (busy, full, …).
            return Fail(
                $"the ledger could not be read or written ({e.Message.TrimEnd('.')}). Check free disk space and that "
                + "no other program holds it, or choose another with --ledger.",
                CliError.FailureExitCode,
                debug ? e : null);
        }
        catch (IOException e) when (IsBrokenPipe(e))
        {
            return 0;
        }
        catch (OperationCanceledException)
        {
            return Fail(
                "cancelled; nothing half-written was kept (the next run continues from the last whole batch).",
                130, null);
        }
        catch (Exception e)
        {
            return Fail(
                $"unexpected error: {e.Message} (run again with --debug for details).",
                CliError.FailureExitCode, debug ? e : null);
        }
    }

    private static int Run(string[] args)
    {
        var root = new RootCommand(
            "Frugal: did the tokens you spent on AI coding turn into shipped work, and how do you spend fewer?")
        {
            ImportCommand.Create(), ReportCommand.Create(), PricesCommand.Create(TimeProvider.System),
            AdviseCommand.Create(),
            AuditCommand.Create(TimeProvider.System), GatewayCommand.Create(), KeyCommand.Create(TimeProvider.System),
            BudgetCommand.Create(TimeProvider.System), PromptCommand.Create(TimeProvider.System),
        };
        root.Options.Add(CommonOptions.Debug);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // The whole path of the command, so a subcommand's hint names it (frugal prompt diff, not frugal diff).
            var names = new List<string>();
            for (var result = parse.CommandResult; result.Command != root;)
            {
                names.Insert(0, result.Command.Name);
                if (result.Parent is not System.CommandLine.Parsing.CommandResult parent)
                {
                    break;
                }

                result = parent;
            }

            var command = string.Join(" ", ["frugal", .. names]);
            // "Required command was not provided" comes with the error that names the unknown word; show that one.
            var error = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal))
                ?? parse.Errors[0];
            // The parser lists choices one per line; on one line they read as a list.
            var lines = error.Message.Split(
                '\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var message = (lines.Length > 1 ? $"{lines[0]} {string.Join(", ", lines[1..])}" : lines[0]).TrimEnd('.')
                .Replace("expected type 'System.Nullable`1[System.Int32]'", "a whole number", StringComparison.Ordinal)
                .Replace("expected type 'System.Int32'", "a whole number", StringComparison.Ordinal)
                .Replace("expected type 'System.Nullable`1[System.Double]'", "a number", StringComparison.Ordinal)
                .Replace("expected type 'System.Double'", "a number", StringComparison.Ordinal);
            throw CliError.Usage($"{message}. Run '{command} --help' for usage.");
        }

        return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    private static int Fail(string message, int exitCode, Exception? detail)
    {
        try
        {
            Console.Error.WriteLine($"frugal: {message}");
            if (detail is not null)
            {
                Console.Error.WriteLine(detail.ToString());
            }
        }
        catch (IOException)
        {
            // stderr is gone too; the exit code still says what happened.
        }

        return exitCode;
    }

    private static bool IsBrokenPipe(IOException e) =>
        e.HResult == 32 || e.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);
}
