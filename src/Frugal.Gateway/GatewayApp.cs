using System.Net;
using System.Text.Json;
using Frugal.Domain.Energy;
using Frugal.Gateway.Caching;
using Frugal.Gateway.Configuration;
using Frugal.Gateway.Metering;
using Frugal.Gateway.Proxy;
using Frugal.Gateway.Routing;
using Frugal.Gateway.Security;
using Frugal.Storage.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Frugal.Gateway;

/// <summary>
/// Builds the gateway: Kestrel on the given address, the OpenAI- and Anthropic-compatible endpoints, metrics at
/// <c>/metrics</c>, and the ledger writer.
/// </summary>
public static class GatewayApp
{
    /// <summary>Builds the application; start it with <c>RunAsync</c> or <c>StartAsync</c>.</summary>
    public static WebApplication Build(GatewaySetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(setup.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = setup.Options.MaxRequestBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        var ledger = UsageLedger.Open(setup.LedgerPath);
        builder.Services.AddSingleton(ledger);
        builder.Services.AddSingleton(setup.Time);
        builder.Services.AddSingleton<LedgerWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LedgerWriter>());
        builder.Services.AddSingleton<GatewayMetrics>();
        var telemetry = builder.Services.AddOpenTelemetry();
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME")))
        {
            // Named, unless the operator names it: otherwise exporters report "unknown_service:dotnet".
            telemetry.ConfigureResource(resource => resource.AddService("frugal-gateway"));
        }

        var metrics = telemetry.WithMetrics(m =>
        {
            m.AddMeter(GatewayMetrics.MeterName);
            m.AddPrometheusExporter();
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")))
            {
                m.AddOtlpExporter();
            }
        });
        _ = metrics;
        builder.Services.AddSingleton(sp => Services(setup, sp));

        var app = builder.Build();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapGet("/", (RequestDelegate)(context => context.Response.WriteAsync("frugal gateway\n")));
        app.MapGet("/v1/models", (RequestDelegate)(context =>
        {
            var body = ModelList(context.RequestServices.GetRequiredService<GatewayServices>().Router);
            context.Response.ContentType = "application/json";
            return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
        }));
        Map(app, "/v1/chat/completions", ApiProtocol.OpenAI, "chat");
        Map(app, "/v1/completions", ApiProtocol.OpenAI, "text_completion");
        Map(app, "/v1/embeddings", ApiProtocol.OpenAI, "embeddings");
        Map(app, "/v1/messages", ApiProtocol.Anthropic, "chat");
        app.MapPost("/v1/messages/count_tokens", (RequestDelegate)(context =>
            new PassThrough(context.RequestServices.GetRequiredService<GatewayServices>(), context)
                .RunAsync("/v1/messages/count_tokens")));
        app.Lifetime.ApplicationStopped.Register(ledger.Dispose);
        return app;
    }

    private static void Map(WebApplication app, string path, ApiProtocol protocol, string operation) =>
        app.MapPost(path, (RequestDelegate)(context =>
            new CallHandler(context.RequestServices.GetRequiredService<GatewayServices>(), context, protocol, path,
                operation).RunAsync()));

    private static GatewayServices Services(GatewaySetup setup, IServiceProvider provider)
    {
        var path = setup.LedgerPath;
        var time = setup.Time;
        var keys = new KeyStore(() => Read(path, l => l.Keys()), time);
        var budgets = new BudgetCenter(
            () => Read(path, l => l.Budgets()), since => Read(path, l => l.GatewaySpending(since)), time);
        var cache = setup.Options.Cache;
        var http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            // A compressed answer is read decompressed and passed on plain (the caller's encodings are not sent).
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            MaxConnectionsPerServer = 1024,
            EnableMultipleHttp2Connections = true,
        })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        return new GatewayServices(
            setup.Options, new Router(setup.Options), keys, budgets,
            new ResponseCache(cache.MaxEntries, cache.MaxBytes),
            new CallPricing(setup.Prices, new UsageEnergy(setup.Facts, setup.Grid), setup.Grid),
            provider.GetRequiredService<LedgerWriter>(), provider.GetRequiredService<GatewayMetrics>(), http, time);
    }

    private static T Read<T>(string path, Func<UsageLedger, T> read)
    {
        using var ledger = UsageLedger.Open(path);
        return read(ledger);
    }

    private static byte[] ModelList(Router router)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("object", "list");
            json.WriteStartArray("data");
            foreach (var (id, owner) in router.Models())
            {
                json.WriteStartObject();
                json.WriteString("id", id);
                json.WriteString("object", "model");
                json.WriteNumber("created", 0);
                json.WriteString("owned_by", owner);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
