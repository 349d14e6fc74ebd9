using System.Globalization;

namespace GatewayBench;

/// <summary>
/// Entry point: <c>mock</c> runs the upstream, <c>proxy</c> the yardstick proxy, <c>load</c> measures a URL
/// (bench/gateway.sh).
/// </summary>
internal static class Program
{
    internal const string Usage = """
        usage:
          gatewaybench mock --port P [--pace-ms N] [--chunks N]
          gatewaybench proxy --port P --upstream http://127.0.0.1:PORT
          gatewaybench load --url URL (--requests N | --duration S) [--concurrency C] [--stream]
                            [--header K:V]... [--body FILE] [--warmup N] [--timeout-s S]
        mock: an OpenAI-compatible upstream on 127.0.0.1:P (POST /v1/chat/completions, GET /v1/models).
        proxy: the least a .NET proxy does (Kestrel and one HttpClient, nothing read), as a yardstick.
        load: POSTs the body (default: a small chat request for mock-model) and prints one JSON line:
              requests, errors, seconds, rps (successful requests), p50Ms, p90Ms, p99Ms, ttfbP50Ms, ttfbP99Ms.
        """;

    private static async Task<int> Main(string[] args)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "mock" => await Mock.RunAsync(MockOptions.Parse(args[1..])).ConfigureAwait(false),
                "proxy" => await Proxy.RunAsync(ProxyOptions.Parse(args[1..])).ConfigureAwait(false),
                "load" => await Load.RunAsync(LoadOptions.Parse(args[1..])).ConfigureAwait(false),
                _ => Fail("expected a subcommand, mock or load"),
            };
        }
        catch (UsageException e)
        {
            return Fail(e.Message);
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"gatewaybench: {message}");
        Console.Error.WriteLine(Usage);
        return 2;
    }
}

/// <summary>A command line that cannot be run.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>Reads options of the form <c>--name value</c> and <c>--flag</c>.</summary>
internal sealed class ArgReader(string[] args)
{
    private int _next;

    /// <summary>The next option name, or null at the end.</summary>
    public string? NextName() => _next < args.Length ? args[_next++] : null;

    /// <summary>The value after the option just read.</summary>
    public string Value(string name) =>
        _next < args.Length ? args[_next++] : throw new UsageException($"{name} needs a value");

    /// <summary>The value after the option just read, as a whole number within [min, max].</summary>
    public int Int(string name, int min, int max)
    {
        string text = Value(name);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            || value < min || value > max)
        {
            throw new UsageException($"{name} must be a whole number from {min} to {max}, not '{text}'");
        }
        return value;
    }
}
