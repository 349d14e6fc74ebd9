using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Frugal.Gateway.Tests.Fakes;

/// <summary>One request being answered: the script in force, the parsed body and the means to reply.</summary>
internal sealed class FakeExchange(
    HttpContext http,
    FakeKind kind,
    FakeScript script,
    JsonObject request,
    TimeProvider clock,
    Func<string, string> newId)
{
    /// <summary>The ASP.NET Core context of the request.</summary>
    public HttpContext Http { get; } = http;

    /// <summary>The server being imitated.</summary>
    public FakeKind Kind { get; } = kind;

    /// <summary>The script for this call.</summary>
    public FakeScript Script { get; } = script;

    /// <summary>The request body (an empty object for a request without one).</summary>
    public JsonObject Request { get; } = request;

    /// <summary>The request path.</summary>
    public string Path => Http.Request.Path.Value ?? "/";

    /// <summary>The model the reply names: <see cref="FakeScript.ResponseModel"/>, else the request's.</summary>
    public string Model => Script.ResponseModel ?? (Request["model"] as JsonValue)?.ToString() ?? "unknown";

    /// <summary>The request's <c>stream</c> flag, or <paramref name="byDefault"/> when it is absent.</summary>
    public bool Streams(bool byDefault = false) =>
        Request["stream"] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? value.GetValue<bool>()
            : byDefault;

    /// <summary>Seconds since the Unix epoch, as the <c>created</c> fields carry them.</summary>
    public long UnixSeconds => clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>The time in RFC 3339 with seven fractional digits, as Ollama's <c>created_at</c>.</summary>
    public string Rfc3339Now =>
        clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A fresh id with the given prefix, deterministic within one fake.</summary>
    public string NewId(string prefix) => newId(prefix);

    /// <summary>True when the node is the JSON literal <c>true</c>.</summary>
    public static bool IsTrue(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    /// <summary>Replies 200 with the body, cut short when the script asks for invalid JSON.</summary>
    public Task ReplyAsync(JsonNode body)
    {
        var json = body.ToJsonString(WireStream.JsonOptions);
        if (Script.InvalidJson)
        {
            json = json[..(json.Length / 2)];
        }

        return WriteAsync(StatusCodes.Status200OK, json);
    }

    /// <summary>Writes a JSON body with the given status.</summary>
    public Task WriteJsonAsync(int status, JsonNode body) =>
        WriteAsync(status, body.ToJsonString(WireStream.JsonOptions));

    private async Task WriteAsync(int status, string json)
    {
        Http.Response.StatusCode = status;
        Http.Response.ContentType = "application/json";
        await Http.Response.WriteAsync(json, Http.RequestAborted);
    }
}
