namespace Frugal.Cli.Infrastructure;

/// <summary>Where the ledger and the user's price file live unless an option says otherwise.</summary>
internal static class LedgerLocation
{
    /// <summary><c>$XDG_DATA_HOME/frugal/ledger.db</c>, else <c>~/.local/share/frugal/ledger.db</c>.</summary>
    public static string DefaultLedger()
    {
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome))
        {
            dataHome = Path.Combine(Home(), ".local", "share");
        }

        return Path.Combine(dataHome, "frugal", "ledger.db");
    }

    /// <summary>
    /// <c>$XDG_CONFIG_HOME/frugal/prices.json</c> (else <c>~/.config/frugal/prices.json</c>) when it exists.
    /// </summary>
    public static string? DefaultPriceOverride()
    {
        var configHome = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrWhiteSpace(configHome))
        {
            configHome = Path.Combine(Home(), ".config");
        }

        var path = Path.Combine(configHome, "frugal", "prices.json");
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// <c>$XDG_CONFIG_HOME/frugal/model-facts.json</c> (else <c>~/.config/frugal/model-facts.json</c>) when it exists.
    /// </summary>
    public static string? DefaultModelFacts()
    {
        var configHome = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrWhiteSpace(configHome))
        {
            configHome = Path.Combine(Home(), ".config");
        }

        var path = Path.Combine(configHome, "frugal", "model-facts.json");
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// <c>$XDG_CONFIG_HOME/frugal/config.json</c> (else <c>~/.config/frugal/config.json</c>) when it exists.
    /// </summary>
    public static string? DefaultConfig()
    {
        var path = Path.Combine(ConfigHome(), "frugal", "config.json");
        return File.Exists(path) ? path : null;
    }

    /// <summary><c>$XDG_CONFIG_HOME/frugal/gateway.yml</c> (else <c>~/.config/frugal/gateway.yml</c>).</summary>
    public static string DefaultGatewayConfig() => Path.Combine(ConfigHome(), "frugal", "gateway.yml");

    private static string ConfigHome()
    {
        var configHome = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        return string.IsNullOrWhiteSpace(configHome) ? Path.Combine(Home(), ".config") : configHome;
    }

    private static string Home() => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
