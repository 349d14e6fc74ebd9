using System.Net.Http.Headers;
using System.Text;
using Frugal.Domain.Energy;
using Frugal.Gateway.Configuration;
using Frugal.Gateway.Metering;
using Frugal.Gateway.Proxy;
using Frugal.Sources.Prices;
using Frugal.Storage.Ledger;
using Frugal.Storage.Tests.TestData;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Frugal.Gateway.Tests.Gateway;

/// <summary>A real gateway on a free loopback port, with its own ledger, configured from YAML text.</summary>
public sealed class GatewayHarness : IAsyncDisposable
{
    private readonly TempFolder _folder;
    private readonly WebApplication _app;

    private GatewayHarness(TempFolder folder, WebApplication app, Uri address)
    {
        _folder = folder;
        _app = app;
        Address = address;
        // No draining of an answer left unread: a caller that stops reading closes the connection, as a real one
        // that goes away does.
        Client = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 })
        {
            BaseAddress = address, Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>The gateway's address, such as <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Address { get; }

    /// <summary>A client for the gateway.</summary>
    public HttpClient Client { get; }

    /// <summary>The ledger's path.</summary>
    public string LedgerPath => _folder.Combine("ledger.db");

    /// <summary>What the gateway's handlers use (budgets, cache…).</summary>
    public GatewayServices Services => _app.Services.GetRequiredService<GatewayServices>();

    /// <summary>Starts a gateway configured by <paramref name="yaml"/>, after <paramref name="prepare"/> fills its
    /// ledger.</summary>
    public static async Task<GatewayHarness> StartAsync(
        string yaml, Action<UsageLedger>? prepare = null, string urls = "http://127.0.0.1:0")
    {
        var folder = new TempFolder();
        var options = GatewayConfigFile.Parse("gateway.yml", yaml);
        var ledgerPath = folder.Combine("ledger.db");
        using (var ledger = UsageLedger.Open(ledgerPath))
        {
            prepare?.Invoke(ledger);
        }

        var app = GatewayApp.Build(new GatewaySetup(
            options, ledgerPath, PriceCatalog.Load(), ModelFactsTable.BuiltIn, GridIntensity.World, urls));
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new GatewayHarness(folder, app, new Uri(app.Urls.First() + "/"));
    }

    /// <summary>POSTs JSON to <paramref name="path"/>, with a bearer key when given.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string json, string? key = null,
        IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(path, json, key, headers, HttpCompletionOption.ResponseContentRead,
            TestContext.Current.CancellationToken);

    /// <summary>POSTs JSON, returning when <paramref name="completion"/> says, cancelled by <paramref
    /// name="cancel"/>.</summary>
    public Task<HttpResponseMessage> SendAsync(string path, string json, string? key,
        IReadOnlyDictionary<string, string>? headers, HttpCompletionOption completion, CancellationToken cancel)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return Client.SendAsync(request, completion, cancel);
    }

    /// <summary>Every call the gateway has written, after what it still had queued is written.</summary>
    private async Task<IReadOnlyList<GatewayCallRow>> WrittenAsync()
    {
        await _app.Services.GetRequiredService<LedgerWriter>().FlushAsync(TestContext.Current.CancellationToken);
        using var ledger = UsageLedger.Open(LedgerPath);
        return ledger.GatewayCalls();
    }

    /// <summary>
    /// The calls in the ledger once it holds at least <paramref name="count"/> (a call is metered just after its
    /// caller has the answer, so the test waits for it, up to five seconds).
    /// </summary>
    public async Task<IReadOnlyList<GatewayCallRow>> CallsAsync(int count = 1)
    {
        for (var i = 0; i < 100; i++)
        {
            var calls = await WrittenAsync();
            if (calls.Count >= count)
            {
                return calls;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return await WrittenAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}
