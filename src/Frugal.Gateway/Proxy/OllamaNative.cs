using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Frugal.Domain.Energy;
using Frugal.Domain.Usage;
using Frugal.Gateway.Configuration;
using Frugal.Gateway.Protocols;

namespace Frugal.Gateway.Proxy;

/// <summary>
/// Sends an OpenAI chat completion to Ollama's native <c>/api/chat</c> and turns its answer back into OpenAI's
/// shape: the native answer carries the prompt, generation and load times in nanoseconds, which its OpenAI-compatible
/// <c>/v1</c> answer leaves out, and local energy is estimated from them. Used for plain text chats; calls with
/// tools, images or a response format go to <c>/v1</c> unchanged.
/// </summary>
internal static class OllamaNative
{
    /// <summary>The native chat path.</summary>
    public const string Path = "/api/chat";

    /// <summary>Whether a call to <paramref name="upstream"/> is sent through the native API.</summary>
    public static bool Applies(UpstreamOptions upstream, ApiProtocol protocol, string path, RequestTraits traits,
        JsonObject request) =>
        upstream.Kind == UpstreamKind.Ollama && protocol == ApiProtocol.OpenAI && path == "/v1/chat/completions"
        && !traits.Tools && !traits.Images && request["response_format"] is null && request["n"] is null
        && request["logprobs"] is null;

    /// <summary>The native request for an OpenAI chat request.</summary>
    public static byte[] Request(JsonObject request, string model, bool stream)
    {
        var messages = new JsonArray();
        if (request["messages"] is JsonArray list)
        {
            foreach (var message in list.OfType<JsonObject>())
            {
                JsonNode entry = new JsonObject
                {
                    ["role"] = message["role"]?.DeepClone(),
                    ["content"] = Text(message["content"]),
                };
                messages.Add(entry);
            }
        }

        var options = new JsonObject();
        Copy(request, "temperature", options, "temperature");
        Copy(request, "top_p", options, "top_p");
        Copy(request, "seed", options, "seed");
        Copy(request, "presence_penalty", options, "presence_penalty");
        Copy(request, "frequency_penalty", options, "frequency_penalty");
        Copy(request, request["max_completion_tokens"] is null ? "max_tokens" : "max_completion_tokens", options,
            "num_predict");
        if (request["stop"] is JsonValue stop)
        {
            options["stop"] = new JsonArray(stop.DeepClone());
        }
        else if (request["stop"] is JsonArray stops)
        {
            options["stop"] = stops.DeepClone();
        }

        var native = new JsonObject { ["model"] = model, ["messages"] = messages, ["stream"] = stream };
        if (options.Count > 0)
        {
            native["options"] = options;
        }

        return JsonSerializer.SerializeToUtf8Bytes(native, GatewayJson.Default.JsonObject);
    }

    /// <summary>The OpenAI answer for a native one, with its usage and timings; null when it is not one.</summary>
    public static (byte[] Body, ReportedUsage? Usage, string Text)? Response(ReadOnlySpan<byte> native, string id)
    {
        JsonObject? line;
        try
        {
            line = JsonNode.Parse(native) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }

        if (line is null || line["message"] is not JsonObject message)
        {
            return null;
        }

        var text = Str(message["content"]) ?? string.Empty;
        var usage = UsageOf(line);
        var answer = new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion",
            ["created"] = Created(line),
            ["model"] = Str(line["model"]),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
                ["finish_reason"] = Finish(line),
            }),
        };
        if (usage is { TokensMissing: false })
        {
            answer["usage"] = UsageJson(usage.Tokens);
        }

        return (JsonSerializer.SerializeToUtf8Bytes(answer, GatewayJson.Default.JsonObject), usage, text);
    }

    /// <summary>Reads the usage and the nanosecond timings of a final native line.</summary>
    private static ReportedUsage? UsageOf(JsonObject line)
    {
        if (line["done"] is not JsonValue done || !done.TryGetValue(out bool isDone) || !isDone)
        {
            return null;
        }

        var timings = Long(line["eval_duration"]) is { } eval
            ? LocalTimings.FromOllamaNanoseconds(Long(line["prompt_eval_duration"]) ?? 0, eval,
                Long(line["load_duration"]) ?? 0)
            : null;
        var prompt = Long(line["prompt_eval_count"]);
        var output = Long(line["eval_count"]);
        if (prompt is null && output is null)
        {
            return timings is null ? null : new ReportedUsage(TokenCounts.Zero, timings) { TokensMissing = true };
        }

        var cached = Math.Clamp(Long(line["prompt_eval_cached_count"]) ?? 0, 0, prompt ?? 0);
        return new ReportedUsage(new TokenCounts((prompt ?? 0) - cached, 0, 0, cached, output ?? 0), timings);
    }

    private static JsonObject UsageJson(TokenCounts tokens) => new()
    {
        ["prompt_tokens"] = tokens.PromptTokens,
        ["completion_tokens"] = tokens.OutputTokens,
        ["total_tokens"] = tokens.TotalTokens,
        ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = tokens.CacheReadTokens },
    };

    private static string Finish(JsonObject line) => Str(line["done_reason"]) == "length" ? "length" : "stop";

    private static long Created(JsonObject line) =>
        Str(line["created_at"]) is { } at && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var when)
            ? when.ToUnixTimeSeconds()
            : 0;

    private static string Text(JsonNode? content)
    {
        switch (content)
        {
            case JsonValue value when value.TryGetValue(out string? s):
                return s;
            case JsonArray parts:
                var text = new StringBuilder();
                foreach (var part in parts.OfType<JsonObject>())
                {
                    text.Append(Str(part["text"]));
                }

                return text.ToString();
            default:
                return string.Empty;
        }
    }

    private static void Copy(JsonObject from, string name, JsonObject to, string as_)
    {
        if (from[name] is { } value)
        {
            to[as_] = value.DeepClone();
        }
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private static long? Long(JsonNode? node) => node is JsonValue v && v.TryGetValue(out long l) ? l : null;

    /// <summary>Turns Ollama's NDJSON stream into OpenAI's server-sent events as each line arrives.</summary>
    internal sealed class Stream(string id, bool clientWantsUsage) : IStreamRelay
    {
        private readonly ArrayBufferWriter<byte> _pending = new(4096);
        private readonly StringBuilder _text = new();
        private bool _started;

        public ReportedUsage? Usage { get; private set; }

        public string Text => _text.ToString();

        public bool Completed { get; private set; }

        public void Push(ReadOnlySpan<byte> bytes, IBufferWriter<byte> output)
        {
            _pending.Write(bytes);
            var data = _pending.WrittenSpan;
            var consumed = 0;
            int end;
            while ((end = data[consumed..].IndexOf((byte)'\n')) >= 0)
            {
                Line(data.Slice(consumed, end), output);
                consumed += end + 1;
            }

            if (consumed > 0)
            {
                var left = data[consumed..].ToArray();
                _pending.Clear();
                _pending.Write(left);
            }
        }

        public void End(IBufferWriter<byte> output)
        {
            if (_pending.WrittenCount > 0)
            {
                Line(_pending.WrittenSpan, output);
                _pending.Clear();
            }
        }

        private void Line(ReadOnlySpan<byte> line, IBufferWriter<byte> output)
        {
            if (line.Trim((byte)'\r').IsEmpty)
            {
                return;
            }

            JsonObject? native;
            try
            {
                native = JsonNode.Parse(line) as JsonObject;
            }
            catch (JsonException)
            {
                return;
            }

            if (native is null)
            {
                return;
            }

            if (Str(native["error"]) is { } error)
            {
                Event(output, new JsonObject { ["error"] = new JsonObject { ["message"] = error } });
                return;
            }

            var model = Str(native["model"]);
            var created = Created(native);
            var content = Str(native["message"]?["content"]) ?? string.Empty;
            _text.Append(content);
            var delta = new JsonObject { ["content"] = content };
            if (!_started)
            {
                delta["role"] = "assistant";
                _started = true;
            }

            var isDone = native["done"] is JsonValue d && d.TryGetValue(out bool b) && b;
            Event(output, Chunk(model, created, delta, isDone ? Finish(native) : null));
            if (!isDone)
            {
                return;
            }

            Usage = UsageOf(native);
            if (clientWantsUsage && Usage is { TokensMissing: false } usage)
            {
                var chunk = Chunk(model, created, null, null);
                chunk["choices"] = new JsonArray();
                chunk["usage"] = UsageJson(usage.Tokens);
                Event(output, chunk);
            }

            output.Write("data: [DONE]\n\n"u8);
            Completed = true;
        }

        private JsonObject Chunk(string? model, long created, JsonObject? delta, string? finish) => new()
        {
            ["id"] = id,
            ["object"] = "chat.completion.chunk",
            ["created"] = created,
            ["model"] = model,
            ["choices"] = delta is null
                ? new JsonArray()
                : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        };

        private static void Event(IBufferWriter<byte> output, JsonObject payload)
        {
            output.Write("data: "u8);
            output.Write(JsonSerializer.SerializeToUtf8Bytes(payload, GatewayJson.Default.JsonObject));
            output.Write("\n\n"u8);
        }
    }
}
