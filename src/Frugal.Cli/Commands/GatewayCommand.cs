using System.CommandLine;
using Frugal.Cli.Infrastructure;
using Frugal.Gateway;
using Frugal.Gateway.Configuration;
using Microsoft.Extensions.Hosting;

namespace Frugal.Cli.Commands;

/// <summary>
/// <c>frugal gateway</c>: one OpenAI- and Anthropic-compatible endpoint that prefers local models, holds budgets and
/// meters every call into the ledger.
/// </summary>
internal static class GatewayCommand
{
    private static readonly Option<string?> Config = new("--config")
    {
        Description = "The gateway configuration, YAML or JSON (default: $XDG_CONFIG_HOME/frugal/gateway.yml).",
        HelpName = "FILE",
    };

    private static readonly Option<string?> Urls = new("--urls")
    {
        Description = $"Where to listen (default: listen in the configuration, else {GatewaySetup.DefaultUrls}).",
        HelpName = "URL",
    };

    public static Command Create()
    {
        var command = new Command(
            "gateway",
            "Run the local-first gateway: OpenAI- and Anthropic-compatible, budget caps, cache, every call metered.")
        {
            Config, Urls, CommonOptions.Ledger, CommonOptions.Prices, CommonOptions.ModelFacts, CommonOptions.GridZone,
        };
        command.SetAction((parse, cancel) => RunAsync(parse, cancel));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var problems = new UsageProblems();
        var configPath = parse.GetValue(Config) ?? LedgerLocation.DefaultGatewayConfig();
        var options = problems.Check(() => LoadConfig(configPath));
        var prices = problems.Check(() => LedgerSession.LoadPrices(parse.GetValue(CommonOptions.Prices)));
        var facts = problems.Check(() => LedgerSession.LoadModelFacts(parse.GetValue(CommonOptions.ModelFacts)));
        var grid = problems.Check(() => GridZones.Resolve(parse.GetValue(CommonOptions.GridZone)));
        var urls = parse.GetValue(Urls) ?? options?.Listen ?? GatewaySetup.DefaultUrls;
        problems.Check(() => CheckUrls(urls));
        problems.ThrowIfAny();

        // Opening it here maps a bad ledger to one clear message before the server starts.
        var ledgerPath = parse.GetValue(CommonOptions.Ledger) ?? LedgerLocation.DefaultLedger();
        LedgerSession.OpenLedger(ledgerPath).Dispose();
        var app = GatewayApp.Build(new GatewaySetup(options!, ledgerPath, prices!, facts!, grid!, urls));
        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.StartAsync(cancel).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw CliError.Usage($"--urls {urls}: cannot listen there ({e.Message.TrimEnd('.')}): choose another "
                    + "port, or stop what is using it.");
            }
            catch (InvalidOperationException e) when (urls.Contains("https", StringComparison.OrdinalIgnoreCase))
            {
                throw CliError.Usage($"--urls {urls}: https needs a certificate the gateway is not given ("
                    + $"{e.Message.TrimEnd('.')}); listen on http on 127.0.0.1 and put TLS in front if needed.");
            }

            foreach (var address in app.Urls.Where(u => !IsLoopback(u)))
            {
                var who = options!.AnonymousProject is null
                    ? " with a key."
                    : " without a key (anonymousProject is set).";
                await Console.Error.WriteLineAsync($"frugal gateway: warning: {address} is reachable beyond this "
                    + "machine: anyone who can reach it can use the gateway" + who).ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync(
                $"frugal gateway on {string.Join(", ", app.Urls)}: {Upstreams(options!.Upstreams.Count)}, ledger "
                + $"{ledgerPath}. Stop with Ctrl+C.").ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancel).ConfigureAwait(false);
        }

        return 0;
    }

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase));

    private static GatewayOptions LoadConfig(string path)
    {
        if (Directory.Exists(path))
        {
            throw CliError.Usage($"--config {path} is a folder: name the configuration file in it.");
        }

        if (!File.Exists(path))
        {
            throw CliError.Usage($"--config {path} does not exist: write one (see the README's gateway section), or "
                + "name it with --config FILE.");
        }

        try
        {
            return GatewayConfigFile.Load(path);
        }
        catch (GatewayConfigException e)
        {
            throw CliError.Usage($"{path}: {string.Join("; ", e.Problems)}.");
        }
    }

    private static bool CheckUrls(string urls)
    {
        if (string.IsNullOrWhiteSpace(urls))
        {
            throw CliError.Usage($"--urls is empty: give an address such as {GatewaySetup.DefaultUrls}.");
        }

        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw CliError.Usage($"--urls '{url}' is not an address such as {GatewaySetup.DefaultUrls}.");
            }
        }

        return true;
    }

    private static string Upstreams(int count) => count == 1 ? "1 upstream" : $"{count} upstreams";
}
