using System.CommandLine;

namespace Frugal.Cli.Infrastructure;

/// <summary>The options several commands share, defined once.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Ledger = new("--ledger")
    {
        Description = "The ledger file (default: $XDG_DATA_HOME/frugal/ledger.db or ~/.local/share/frugal/ledger.db).",
        HelpName = "PATH",
    };

    public static readonly Option<string[]> Source = new("--source")
    {
        Description = "Read this tool's logs from PATH instead of the default places; repeatable. "
            + "SOURCE is claude-code or codex.",
        HelpName = "SOURCE=PATH",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static readonly Option<string?> Prices = new("--prices")
    {
        Description = "A price file whose entries replace or add to the shipped prices "
            + "(default: $XDG_CONFIG_HOME/frugal/prices.json when it exists).",
        HelpName = "FILE",
    };

    public static readonly Option<string?> ModelFacts = new("--model-facts")
    {
        Description = "A JSON file of model sizes that add to or override the built-in ones (default: "
            + "$XDG_CONFIG_HOME/frugal/model-facts.json when it exists).",
        HelpName = "FILE",
    };

    public static readonly Option<string?> GridZone = new("--zone")
    {
        Description = "The grid carbon is counted at: an ISO 3166 alpha-3 code (WOR for the world average) or the "
            + "grid's gCO2e/kWh (default: $FRUGAL_GRID_ZONE, else gridZone in $XDG_CONFIG_HOME/frugal/config.json, "
            + "else WOR).",
        HelpName = "CODE",
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print only JSON on stdout; progress and warnings go to stderr.",
    };

    public static readonly Option<bool> Debug = new("--debug")
    {
        Description = "Show the full error, stack trace included, when something fails.",
        Recursive = true,
    };
}
