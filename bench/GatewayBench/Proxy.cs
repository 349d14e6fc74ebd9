using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GatewayBench;

/// <summary>Options of <c>proxy</c>.</summary>
internal sealed record ProxyOptions(int Port, string Upstream)
{
    public static ProxyOptions Parse(string[] args)
    {
        var reader = new ArgReader(args);
        int port = 0;
        string? upstream = null;
        while (reader.NextName() is { } name)
        {
            switch (name)
            {
                case "--port": port = reader.Int(name, 1, 65535); break;
                case "--upstream": upstream = reader.Value(name).TrimEnd('/'); break;
                default: throw new UsageException($"unknown option {name} for proxy");
            }
        }

        if (port == 0 || upstream is null || !upstream.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
        {
            throw new UsageException("proxy needs --port and --upstream http://127.0.0.1:PORT");
        }

        return new ProxyOptions(port, upstream);
    }
}

/// <summary>
/// The least a .NET proxy does, as a yardstick for the gateway: Kestrel takes the POST, one shared HttpClient sends
/// its body on to the upstream, and the answer is copied back as it arrives. No parsing, routing, budgets, metering.
/// </summary>
internal static class Proxy
{
    public static async Task<int> RunAsync(ProxyOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 1024,
        });
        app.MapPost("/v1/chat/completions", (RequestDelegate)(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Post, options.Upstream + "/v1/chat/completions")
            {
                Content = new ByteArrayContent(body.ToArray()),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.SendAsync(
                request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await using var stream = await response.Content.ReadAsStreamAsync(context.RequestAborted)
                .ConfigureAwait(false);
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }));
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
