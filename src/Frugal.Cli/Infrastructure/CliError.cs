namespace Frugal.Cli.Infrastructure;

/// <summary>
/// The one error type of the command line: a message that says what is wrong and what to do, and the exit code it
/// maps to (2 for a usage error, 1 for a failure). <see cref="Program"/> turns it into one line on stderr.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Naming", "CA1710", Justification = "The CLI's one error type reads as a noun at every throw site.")]
public sealed class CliError : Exception
{
    /// <summary>The exit code of a command used wrongly.</summary>
    public const int UsageExitCode = 2;

    /// <summary>The exit code of a command that could not do its job.</summary>
    public const int FailureExitCode = 1;

    private CliError(string message, int exitCode, Exception? inner = null)
        : base(message, inner) => ExitCode = exitCode;

    /// <summary>Creates a failure without details.</summary>
    public CliError() : this("The command failed.", FailureExitCode)
    {
    }

    /// <summary>Creates a failure with a message.</summary>
    public CliError(string message) : this(message, FailureExitCode)
    {
    }

    /// <summary>Creates a failure with a message and its cause.</summary>
    public CliError(string message, Exception innerException) : this(message, FailureExitCode, innerException)
    {
    }

    /// <summary>The process exit code.</summary>
    public int ExitCode { get; }

    /// <summary>An argument or option was given a value the command cannot use.</summary>
    public static CliError Usage(string message) => new(message, UsageExitCode);

    /// <summary>A date option was not a date.</summary>
    public static CliError BadDate(string option, string value) =>
        Usage($"{option} '{value}' is not a date: write it as YYYY-MM-DD or YYYYMMDD.");

    /// <summary>A time zone option named no known zone.</summary>
    public static CliError BadTimeZone(string value) =>
        Usage($"--timezone '{value}' is not a time zone this system knows: "
            + "give an IANA name such as Europe/Paris or UTC.");

    /// <summary>A grid zone option named no known zone.</summary>
    public static CliError BadGridZone(string value, string origin, IEnumerable<string> known) =>
        Usage($"{origin} '{value}' is not a grid zone: name one by its ISO 3166 alpha-3 country code "
            + $"(e.g. FRA, USA) or WOR for the world average, or give the grid's gCO2e/kWh as a number; known zones: "
            + $"{string.Join(", ", known)}.");

    /// <summary>A <c>--source</c> value was not <c>NAME=PATH</c> with a known name.</summary>
    public static CliError BadSource(string value) =>
        Usage($"--source '{value}' is not SOURCE=PATH: use claude-code=PATH or codex=PATH.");

    /// <summary>A <c>--source</c> name is not a source Frugal reads.</summary>
    public static CliError UnknownSource(string name) =>
        Usage($"--source names '{name}', which Frugal does not read: use claude-code=PATH or codex=PATH.");

    /// <summary>A <c>--source</c> path is a file, not a folder.</summary>
    public static CliError SourceIsAFile(string source, string path) =>
        Usage($"--source {source}={path} is a file: give the folder that holds the tool's .jsonl logs.");

    /// <summary>A <c>--source</c> folder does not exist.</summary>
    public static CliError MissingSourceFolder(string source, string path) =>
        Usage($"--source {source}={path}: no such folder; point it at a folder that holds the tool's .jsonl logs.");

    /// <summary>The since date is after the until date.</summary>
    public static CliError EmptyRange(DateOnly since, DateOnly until) =>
        Usage($"--since {since:yyyy-MM-dd} is after --until {until:yyyy-MM-dd}: swap them or widen the range.");

    /// <summary>The ledger could not be opened or written.</summary>
    public static CliError Ledger(string path, string reason, Exception? inner = null) =>
        new($"cannot use the ledger at {path}: {reason.TrimEnd('.', ' ')}. Check the path and its permissions, "
            + "or choose another with --ledger.",
            FailureExitCode, inner);

    /// <summary>The ledger file is something else, or from a newer Frugal.</summary>
    public static CliError NotALedger(string path, string reason, Exception? inner = null) =>
        new($"cannot use the ledger at {path}: {reason}. Choose another with --ledger.", FailureExitCode, inner);

    /// <summary>The SQLite library that ships beside the binary is missing.</summary>
    public static CliError SqliteMissing(Exception inner) =>
        new("cannot load SQLite (libe_sqlite3): keep the library that dotnet publish writes next to the frugal "
            + "binary in the same folder.", FailureExitCode, inner);

    /// <summary>A model asked about has no price.</summary>
    public static CliError Unpriced(string model) =>
        new($"{model} has no price: its calls are reported unpriced; add a price with --prices FILE.");

    /// <summary>A price file could not be used.</summary>
    public static CliError PriceFile(string message, bool given, Exception? inner = null) =>
        new($"price file {message}", given ? UsageExitCode : FailureExitCode, inner);

    /// <summary>The ledger path given is empty.</summary>
    public static CliError EmptyLedgerPath() =>
        Usage("--ledger is empty: give the path of a ledger file, or leave the option out for the default.");

    /// <summary>A duration option was not a duration.</summary>
    public static CliError BadDuration(string option, string value) =>
        Usage($"{option} '{value}' is not a duration: write it as a number with m, h or d, such as 90m, 2h or 1d.");

    /// <summary>A <c>--repo</c> path is not a git repository.</summary>
    public static CliError NotARepository(string message, Exception inner) =>
        new(message, UsageExitCode, inner);

    /// <summary>git failed while the audit read a repository.</summary>
    public static CliError Git(string message, Exception inner) => new(message, FailureExitCode, inner);

    /// <summary>A pull-request export could not be read.</summary>
    public static CliError PullRequestExport(string message, Exception inner) => new(message, UsageExitCode, inner);
}
