using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Frugal.Gateway.Tests.Fakes;

/// <summary>
/// An in-process HTTP server on 127.0.0.1 that speaks one upstream's protocol (OpenAI, Anthropic, Ollama,
/// llama.cpp, vLLM or LoLLMs) and answers what its <see cref="Script"/> says, recording every request.
/// </summary>
public sealed class FakeUpstream : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private readonly List<RecordedRequest> requests = [];
    private int calls;
    private int ids;

    private FakeUpstream(WebApplication app, FakeKind kind, FakeScript script, TimeProvider clock)
    {
        this.app = app;
        this.clock = clock;
        Kind = kind;
        Script = script;
    }

    /// <summary>The server being imitated.</summary>
    public FakeKind Kind { get; }

    /// <summary>Where the fake listens, such as <c>http://127.0.0.1:41234/</c> (no <c>/v1</c>).</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The script for every call <see cref="ScriptForCall"/> does not answer; tests may replace it.</summary>
    public FakeScript Script { get; set; }

    /// <summary>
    /// Per-call scripts: given the call number (1 for the first POST to a model endpoint, counting every kind of
    /// call), the script for that call, or null to use <see cref="Script"/>. Listings and health checks are not
    /// calls and always use <see cref="Script"/>.
    /// </summary>
    public Func<int, FakeScript?>? ScriptForCall { get; set; }

    /// <summary>The number of calls (POSTs to model endpoints) received so far.</summary>
    public int CallCount => Volatile.Read(ref calls);

    /// <summary>Every request received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Starts a fake on a free loopback port.</summary>
    /// <param name="kind">The server to imitate.</param>
    /// <param name="script">The script in force (default: a plain successful reply).</param>
    /// <param name="clock">The clock for <c>created</c> fields (default: the system's).</param>
    public static async Task<FakeUpstream> StartAsync(
        FakeKind kind, FakeScript? script = null, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeUpstream(app, kind, script ?? new FakeScript(), clock ?? TimeProvider.System);
        app.Run(fake.HandleAsync);

        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        var address = addresses.Addresses.Single();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Stops the server, cutting off within a second any request still being answered.</summary>
    public async ValueTask DisposeAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await app.StopAsync(patience.Token);
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        Record(http.Request, body);

        var method = http.Request.Method;
        var path = http.Request.Path.Value ?? "/";
        var handler = FakeRoutes.Find(Kind, method, path);
        var isCall = handler is not null && HttpMethods.IsPost(method);
        var callNumber = isCall ? Interlocked.Increment(ref calls) : 0;
        var script = isCall ? ScriptForCall?.Invoke(callNumber) ?? Script : Script;
        var request = ParseObject(body);
        var exchange = new FakeExchange(http, Kind, script, request ?? [], clock, NewId);

        try
        {
            await AnswerAsync(exchange, handler, isCall && request is null);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-reply; a real server just stops too.
        }
    }

    private async Task AnswerAsync(FakeExchange exchange, Func<FakeExchange, Task>? handler, bool badBody)
    {
        var http = exchange.Http;
        var script = exchange.Script;
        if (handler is null)
        {
            var message = $"Unknown request {http.Request.Method} {exchange.Path}";
            await exchange.WriteJsonAsync(404, WireErrors.Http(Kind, exchange.Path, 404, message));
            return;
        }

        if (!await AuthorizeAsync(exchange) || !await HasAnthropicVersionAsync(exchange))
        {
            return;
        }

        if (script.FirstByteDelay > TimeSpan.Zero)
        {
            await Task.Delay(script.FirstByteDelay, http.RequestAborted);
        }

        if (script.ErrorStatus is int status)
        {
            if (script.RetryAfter is TimeSpan wait)
            {
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
            }

            await exchange.WriteJsonAsync(status, WireErrors.Http(Kind, exchange.Path, status, script.ErrorMessage));
            return;
        }

        if (badBody)
        {
            var error = WireErrors.Http(Kind, exchange.Path, 400, "The request body is not a JSON object.");
            await exchange.WriteJsonAsync(400, error);
            return;
        }

        AddRequestIdHeader(exchange);
        await handler(exchange);
    }

    private async Task<bool> AuthorizeAsync(FakeExchange exchange)
    {
        var required = exchange.Script.RequiredKey;
        var headers = exchange.Http.Request.Headers;
        var authorization = headers.Authorization.ToString();
        var presented = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : null;
        if (Kind == FakeKind.Anthropic && headers.TryGetValue("x-api-key", out var apiKey))
        {
            presented = apiKey.ToString();
        }

        if (required is null || presented == required)
        {
            return true;
        }

        if (Kind == FakeKind.LoLLMs && presented is null)
        {
            exchange.Http.Response.Headers.WWWAuthenticate = "Bearer";
        }

        await exchange.WriteJsonAsync(401, WireErrors.Unauthorized(Kind, exchange.Path, presented is null));
        return false;
    }

    // The real Messages API refuses a request without the anthropic-version header.
    private async Task<bool> HasAnthropicVersionAsync(FakeExchange exchange)
    {
        if (Kind != FakeKind.Anthropic || exchange.Http.Request.Headers.ContainsKey("anthropic-version"))
        {
            return true;
        }

        var error = WireErrors.Anthropic("invalid_request_error", "anthropic-version: header is required");
        await exchange.WriteJsonAsync(400, error);
        return false;
    }

    private void AddRequestIdHeader(FakeExchange exchange)
    {
        var headers = exchange.Http.Response.Headers;
        if (Kind == FakeKind.Anthropic)
        {
            headers["request-id"] = NewId("req_fake");
        }
        else if (Kind == FakeKind.OpenAI)
        {
            headers["x-request-id"] = NewId("req_fake");
        }
    }

    private void Record(HttpRequest request, string body)
    {
        var headers = request.Headers.ToDictionary(
            h => h.Key, h => string.Join(", ", h.Value.ToArray()), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(
            request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", headers, body);
        lock (gate)
        {
            requests.Add(recorded);
        }
    }

    private string NewId(string prefix) => $"{prefix}{Interlocked.Increment(ref ids):D6}";

    private static JsonObject? ParseObject(string body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
