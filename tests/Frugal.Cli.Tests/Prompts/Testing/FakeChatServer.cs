using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Frugal.Cli.Tests.Prompts.Testing;

/// <summary>How the fake answers one call.</summary>
/// <param name="Content">The reply's text.</param>
/// <param name="Usage">Whether the answer carries <c>usage</c>.</param>
/// <param name="Delay">How long to wait before answering (cancelled when the client gives up).</param>
/// <param name="CompletionTokens">The output tokens its usage reports (the prompt is always 40).</param>
public sealed record FakeAnswer(
    string Content, bool Usage = true, TimeSpan Delay = default, int CompletionTokens = 10)
{
    /// <summary>A usage object written as it is instead of the regular one, to send nonsense.</summary>
    public string? RawUsage { get; init; }
}

/// <summary>A request the fake received: its body and headers.</summary>
public sealed record FakeRequest(string Path, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonNode Json => JsonNode.Parse(Body)!;
}

/// <summary>
/// An OpenAI-compatible <c>/v1/chat/completions</c> server on 127.0.0.1, in process, answering what its script
/// says for each call (numbered from 1) and recording every request.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<int, JsonNode, FakeAnswer> _script;
    private readonly Lock _gate = new();
    private readonly List<FakeRequest> _requests = [];

    private FakeChatServer(WebApplication app, Func<int, JsonNode, FakeAnswer> script)
    {
        _app = app;
        _script = script;
    }

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeChatServer> StartAsync(Func<int, JsonNode, FakeAnswer> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeChatServer(app, script);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(
            h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        int call;
        lock (_gate)
        {
            _requests.Add(new FakeRequest(context.Request.Path, body, headers));
            call = _requests.Count;
        }

        var answer = _script(call, JsonNode.Parse(body)!);
        if (answer.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(answer.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Answer(call, answer).ToJsonString(), context.RequestAborted);
    }

    private static JsonObject Answer(int call, FakeAnswer answer)
    {
        var json = new JsonObject
        {
            ["id"] = $"chatcmpl-{call}",
            ["object"] = "chat.completion",
            ["created"] = 1_780_000_000,
            ["model"] = "fake-model",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer.Content },
                ["finish_reason"] = "stop",
            }),
        };
        if (answer.RawUsage is { } raw)
        {
            json["usage"] = JsonNode.Parse(raw);
        }
        else if (answer.Usage)
        {
            json["usage"] = new JsonObject
            {
                ["prompt_tokens"] = 40,
                ["completion_tokens"] = answer.CompletionTokens,
                ["total_tokens"] = 40 + answer.CompletionTokens,
            };
        }

        return json;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
