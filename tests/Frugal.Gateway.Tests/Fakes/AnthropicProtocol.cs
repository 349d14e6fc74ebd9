using System.Text.Json.Nodes;

namespace Frugal.Gateway.Tests.Fakes;

/// <summary>
/// Anthropic's Messages API: a message object, or the event stream message_start, content_block_start, ping,
/// content_block_delta…, content_block_stop, message_delta (cumulative usage), message_stop.
/// </summary>
internal static class AnthropicProtocol
{
    /// <summary>POST /v1/messages.</summary>
    public static Task MessagesAsync(FakeExchange exchange) =>
        exchange.Streams() ? StreamAsync(exchange) : exchange.ReplyAsync(Message(exchange));

    /// <summary>GET /v1/models.</summary>
    public static Task ModelsAsync(FakeExchange exchange)
    {
        var ids = exchange.Script.Models ?? [OpenAiDialect.DefaultModel(FakeKind.Anthropic)];
        var data = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject
        {
            ["type"] = "model",
            ["id"] = id,
            ["display_name"] = id,
            ["created_at"] = "2025-09-29T00:00:00Z",
        })]);
        return exchange.ReplyAsync(new JsonObject
        {
            ["data"] = data,
            ["has_more"] = false,
            ["first_id"] = ids.Count > 0 ? ids[0] : null,
            ["last_id"] = ids.Count > 0 ? ids[^1] : null,
        });
    }

    private static JsonObject Message(FakeExchange exchange)
    {
        var script = exchange.Script;
        var content = new JsonArray();
        if (script.ReplyText.Length > 0)
        {
            content.Add(new JsonObject { ["type"] = "text", ["text"] = script.ReplyText });
        }

        var message = Skeleton(exchange, exchange.NewId("msg_fake"), content, StopReason(script));
        if (script.ReportUsage)
        {
            message["usage"] = Usage(script, script.CompletionTokens);
        }

        return message;
    }

    private static Task StreamAsync(FakeExchange exchange)
    {
        var script = exchange.Script;
        var stream = WireStream.Sse(script);
        var start = Skeleton(exchange, exchange.NewId("msg_fake"), [], stopReason: null);
        if (script.ReportUsage)
        {
            // The real API reports the whole input side up front with a placeholder output count.
            start["usage"] = Usage(script, outputTokens: 1);
        }

        stream.Opening(Event("message_start", new JsonObject { ["message"] = start }), "message_start");
        stream.Opening(ContentBlockStart(), "content_block_start");
        stream.Opening(Event("ping"), "ping");
        foreach (var piece in TextChunks.Split(script.ReplyText, script.ChunkCount))
        {
            var delta = new JsonObject { ["type"] = "text_delta", ["text"] = piece };
            var body = new JsonObject { ["index"] = 0, ["delta"] = delta };
            stream.Text(Event("content_block_delta", body), "content_block_delta");
        }

        stream.Closing(Event("content_block_stop", new JsonObject { ["index"] = 0 }), "content_block_stop");
        AddMessageDeltas(stream, script);
        stream.Closing(Event("message_stop"), "message_stop");

        var error = Event("error", WireErrors.Anthropic("overloaded_error", script.ErrorMessage));
        stream.ErrorFrame = stream.Frame(error, "error");
        return stream.SendAsync(exchange.Http);
    }

    // Each message_delta carries the cumulative output count; only the last one says why the message stopped.
    private static void AddMessageDeltas(WireStream stream, FakeScript script)
    {
        var steps = script.OutputTokenSteps ?? [script.CompletionTokens];
        for (var i = 0; i < steps.Count; i++)
        {
            var last = i == steps.Count - 1;
            var delta = new JsonObject
            {
                ["stop_reason"] = last ? StopReason(script) : null,
                ["stop_sequence"] = null,
            };
            var body = new JsonObject { ["delta"] = delta };
            if (script.ReportUsage)
            {
                body["usage"] = new JsonObject { ["output_tokens"] = steps[i] };
            }

            stream.Closing(Event("message_delta", body), "message_delta");
        }
    }

    private static JsonObject Skeleton(FakeExchange exchange, string id, JsonArray content, string? stopReason) => new()
    {
        ["id"] = id,
        ["type"] = "message",
        ["role"] = "assistant",
        ["model"] = exchange.Model,
        ["content"] = content,
        ["stop_reason"] = stopReason,
        ["stop_sequence"] = null,
    };

    // input_tokens excludes the tokens read from or written to the cache: the three add up to the whole prompt.
    private static JsonObject Usage(FakeScript script, int outputTokens) => new()
    {
        ["input_tokens"] = Math.Max(0, script.PromptTokens - script.CachedTokens - script.CacheCreationTokens),
        ["cache_creation_input_tokens"] = script.CacheCreationTokens,
        ["cache_read_input_tokens"] = script.CachedTokens,
        ["cache_creation"] = new JsonObject
        {
            ["ephemeral_5m_input_tokens"] = script.CacheCreationTokens,
            ["ephemeral_1h_input_tokens"] = 0,
        },
        ["output_tokens"] = outputTokens,
        ["service_tier"] = "standard",
    };

    private static string StopReason(FakeScript script) => script.Refuse ? "refusal" : "end_turn";

    private static JsonObject ContentBlockStart() => Event("content_block_start", new JsonObject
    {
        ["index"] = 0,
        ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = "" },
    });

    private static JsonObject Event(string type, JsonObject? fields = null)
    {
        var result = new JsonObject { ["type"] = type };
        foreach (var (name, value) in fields ?? [])
        {
            result[name] = value?.DeepClone();
        }

        return result;
    }
}
