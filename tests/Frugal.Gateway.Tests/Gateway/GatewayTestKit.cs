using System.Net;
using System.Text.Json;
using Frugal.Gateway.Security;
using Frugal.Storage.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace Frugal.Gateway.Tests.Gateway;

/// <summary>Small helpers the gateway tests share: keys, error shapes, the ledger's bytes.</summary>
internal static class GatewayTestKit
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Makes a virtual key for <paramref name="project"/> in the ledger; returns its secret.</summary>
    public static string AddKey(UsageLedger ledger, string project, out string id)
    {
        var (key, secret) = VirtualKeys.Create(project, null, TimeProvider.System.GetUtcNow());
        ledger.AddKey(key);
        id = key.Id;
        return secret;
    }

    /// <summary>Checks an OpenAI-shaped error body and returns its message.</summary>
    public static async Task<string> OpenAIErrorAsync(HttpResponseMessage response, HttpStatusCode status,
        string? code = null)
    {
        response.StatusCode.ShouldBe(status);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var error = body.RootElement.GetProperty("error");
        error.GetProperty("type").ValueKind.ShouldBe(JsonValueKind.String);
        error.GetProperty("param").ValueKind.ShouldBe(JsonValueKind.Null);
        if (code is not null)
        {
            error.GetProperty("code").GetString().ShouldBe(code);
        }
        else
        {
            error.TryGetProperty("code", out _).ShouldBeTrue();
        }

        return error.GetProperty("message").GetString()!;
    }

    /// <summary>Every byte of a SQLite ledger: the database, its write-ahead log and shared memory file.</summary>
    public static byte[] LedgerBytes(string path)
    {
        using var all = new MemoryStream();
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            if (!File.Exists(file))
            {
                continue;
            }

            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read,
                FileShare.ReadWrite | FileShare.Delete);
            stream.CopyTo(all);
        }

        return all.ToArray();
    }

    /// <summary>Whether <paramref name="haystack"/> holds <paramref name="text"/> as UTF-8 or UTF-16 bytes.</summary>
    public static bool Holds(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0
        || haystack.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes(text)) >= 0;
}

/// <summary>A bare Kestrel server on 127.0.0.1 that answers with a delegate and counts what it gets.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private LoopbackServer(WebApplication app) => _app = app;

    /// <summary>Its base address, such as <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Requests received so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<LoopbackServer> StartAsync(RequestDelegate answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(context =>
        {
            Interlocked.Increment(ref server._requests);
            return answer(context);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(patience.Token);
        await _app.DisposeAsync();
    }
}
