using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GatewayBench;

/// <summary>Options of <c>mock</c>.</summary>
internal sealed record MockOptions(int Port, int PaceMs, int Chunks)
{
    public static MockOptions Parse(string[] args)
    {
        var reader = new ArgReader(args);
        int port = 0, paceMs = 0, chunks = 4;
        while (reader.NextName() is { } name)
        {
            switch (name)
            {
                case "--port": port = reader.Int(name, 1, 65535); break;
                case "--pace-ms": paceMs = reader.Int(name, 0, 60_000); break;
                case "--chunks": chunks = reader.Int(name, 1, 10_000); break;
                default: throw new UsageException($"unknown option {name} for mock");
            }
        }
        return port == 0 ? throw new UsageException("mock needs --port") : new MockOptions(port, paceMs, chunks);
    }
}

/// <summary>
/// A minimal OpenAI-compatible upstream on 127.0.0.1: every response is precomputed bytes. A stream sends
/// <c>Chunks</c> content chunks (the last one carries finish_reason), the usage chunk when the request asks for it
/// (<c>stream_options.include_usage</c>), then <c>data: [DONE]</c>. With <c>PaceMs</c> it waits that long before
/// each content chunk, as a model would (so time to first byte is one pace); without, the stream is one write.
/// </summary>
internal static class Mock
{
    private const string Model = "mock-model";
    private const int PromptTokens = 12;

    public static async Task<int> RunAsync(MockOptions options)
    {
        var body = new Bodies(options.Chunks);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        WebApplication app = builder.Build();
        app.Run(context => HandleAsync(context, body, options.PaceMs));
        await app.StartAsync().ConfigureAwait(false);
        Console.Error.WriteLine(
            $"mock: listening on 127.0.0.1:{options.Port} ({options.Chunks} chunks, pace {options.PaceMs} ms)");
        await app.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }

    private static async Task HandleAsync(HttpContext context, Bodies body, int paceMs)
    {
        HttpRequest request = context.Request;
        HttpResponse response = context.Response;
        if (HttpMethods.IsGet(request.Method) && request.Path == "/v1/models")
        {
            await WriteAsync(response, 200, "application/json", body.Models).ConfigureAwait(false);
            return;
        }
        if (!HttpMethods.IsPost(request.Method) || request.Path != "/v1/chat/completions")
        {
            await WriteAsync(response, 404, "application/json", body.NotFound).ConfigureAwait(false);
            return;
        }

        (bool stream, bool includeUsage, bool valid) = await ReadRequestAsync(request).ConfigureAwait(false);
        if (!valid)
        {
            await WriteAsync(response, 400, "application/json", body.BadRequest).ConfigureAwait(false);
            return;
        }
        if (!stream)
        {
            await WriteAsync(response, 200, "application/json", body.Completion).ConfigureAwait(false);
            return;
        }

        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        Stream output = response.Body;
        CancellationToken aborted = context.RequestAborted;
        if (paceMs == 0)
        {
            byte[] whole = includeUsage ? body.StreamWithUsage : body.StreamWithoutUsage;
            await output.WriteAsync(whole, aborted).ConfigureAwait(false);
            return;
        }
        await response.StartAsync(aborted).ConfigureAwait(false);
        foreach (byte[] chunk in body.Chunks)
        {
            await Task.Delay(paceMs, aborted).ConfigureAwait(false);
            await output.WriteAsync(chunk, aborted).ConfigureAwait(false);
            await output.FlushAsync(aborted).ConfigureAwait(false);
        }
        if (includeUsage)
        {
            await output.WriteAsync(body.UsageChunk, aborted).ConfigureAwait(false);
        }
        await output.WriteAsync(Bodies.Done, aborted).ConfigureAwait(false);
    }

    private static Task WriteAsync(HttpResponse response, int status, string contentType, byte[] bytes)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes, 0, bytes.Length);
    }

    /// <summary>Reads <c>stream</c> and <c>stream_options.include_usage</c>; invalid unless a JSON object.</summary>
    private static async Task<(bool Stream, bool IncludeUsage, bool Valid)> ReadRequestAsync(HttpRequest request)
    {
        try
        {
            using JsonDocument document = await JsonDocument.ParseAsync(request.Body).ConfigureAwait(false);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (false, false, false);
            }
            bool stream = root.TryGetProperty("stream", out JsonElement s) && s.ValueKind == JsonValueKind.True;
            bool includeUsage = root.TryGetProperty("stream_options", out JsonElement o)
                && o.ValueKind == JsonValueKind.Object
                && o.TryGetProperty("include_usage", out JsonElement u) && u.ValueKind == JsonValueKind.True;
            return (stream, includeUsage, true);
        }
        catch (JsonException)
        {
            return (false, false, false);
        }
    }

    /// <summary>Every response body, computed once.</summary>
    private sealed class Bodies
    {
        public static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();

        public Bodies(int chunks)
        {
            const string Head = "\"id\":\"chatcmpl-mock\",\"created\":1700000000,\"model\":\"" + Model + "\"";
            string usage = $"\"usage\":{{\"prompt_tokens\":{PromptTokens},\"completion_tokens\":{chunks},"
                + $"\"total_tokens\":{PromptTokens + chunks}}}";
            string text = string.Concat(Enumerable.Range(0, chunks).Select(i => i == 0 ? "Hello" : " world"));
            Completion = Utf8("{" + Head + ",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                + $"\"message\":{{\"role\":\"assistant\",\"content\":\"{text}\"}},\"finish_reason\":\"stop\"}}],"
                + usage + "}");
            Chunks = Enumerable.Range(0, chunks).Select(i =>
            {
                string delta = i == 0 ? "{\"role\":\"assistant\",\"content\":\"Hello\"}" : "{\"content\":\" world\"}";
                string finish = i == chunks - 1 ? "\"stop\"" : "null";
                return Utf8("data: {" + Head + ",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                    + $"\"delta\":{delta},\"finish_reason\":{finish}}}]}}\n\n");
            }).ToArray();
            UsageChunk = Utf8("data: {" + Head + ",\"object\":\"chat.completion.chunk\",\"choices\":[]," + usage
                + "}\n\n");
            StreamWithoutUsage = [.. Chunks.SelectMany(c => c), .. Done];
            StreamWithUsage = [.. Chunks.SelectMany(c => c), .. UsageChunk, .. Done];
            Models = Utf8("{\"object\":\"list\",\"data\":[{\"id\":\"" + Model
                + "\",\"object\":\"model\",\"created\":1700000000,\"owned_by\":\"mock\"}]}");
        }

        public byte[] Completion { get; }
        public byte[][] Chunks { get; }
        public byte[] UsageChunk { get; }
        public byte[] StreamWithUsage { get; }
        public byte[] StreamWithoutUsage { get; }
        public byte[] Models { get; }
        public byte[] NotFound { get; } =
            Utf8("{\"error\":{\"message\":\"not found\",\"type\":\"invalid_request_error\"}}");
        public byte[] BadRequest { get; } =
            Utf8("{\"error\":{\"message\":\"the body is not a JSON object\",\"type\":\"invalid_request_error\"}}");

        private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
    }
}
