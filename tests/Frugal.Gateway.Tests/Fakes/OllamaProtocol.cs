using System.Text.Json.Nodes;

namespace Frugal.Gateway.Tests.Fakes;

/// <summary>
/// Ollama's native API: /api/chat and /api/generate stream NDJSON unless <c>"stream": false</c>; the last
/// object (<c>done: true</c>) carries the counts and the durations in nanoseconds.
/// </summary>
internal static class OllamaProtocol
{
    private const long NanosecondsPerTick = 100;

    /// <summary>POST /api/chat.</summary>
    public static Task ChatAsync(FakeExchange exchange) => AnswerAsync(exchange, chat: true);

    /// <summary>POST /api/generate.</summary>
    public static Task GenerateAsync(FakeExchange exchange) => AnswerAsync(exchange, chat: false);

    /// <summary>GET /api/tags: the local models.</summary>
    public static Task TagsAsync(FakeExchange exchange)
    {
        var ids = exchange.Script.Models ?? [OpenAiDialect.DefaultModel(FakeKind.Ollama)];
        var models = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject
        {
            ["name"] = id,
            ["model"] = id,
            ["modified_at"] = "2025-06-01T10:00:00.000000000Z",
            ["size"] = 2019393189,
            ["digest"] = "a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72",
            ["details"] = new JsonObject
            {
                ["parent_model"] = "",
                ["format"] = "gguf",
                ["family"] = "llama",
                ["families"] = new JsonArray("llama"),
                ["parameter_size"] = "3.2B",
                ["quantization_level"] = "Q4_K_M",
            },
        })]);
        return exchange.ReplyAsync(new JsonObject { ["models"] = models });
    }

    private static Task AnswerAsync(FakeExchange exchange, bool chat)
    {
        var script = exchange.Script;
        if (!exchange.Streams(byDefault: true))
        {
            return exchange.ReplyAsync(Final(exchange, chat, script.ReplyText));
        }

        var stream = WireStream.Ndjson(script);
        foreach (var piece in TextChunks.Split(script.ReplyText, script.ChunkCount))
        {
            var line = Head(exchange, chat, piece);
            line["done"] = false;
            stream.Text(line);
        }

        stream.Closing(Final(exchange, chat, ""));
        stream.ErrorFrame = stream.Frame(new JsonObject { ["error"] = script.ErrorMessage });
        return stream.SendAsync(exchange.Http);
    }

    private static JsonObject Head(FakeExchange exchange, bool chat, string text)
    {
        var head = new JsonObject { ["model"] = exchange.Model, ["created_at"] = exchange.Rfc3339Now };
        if (chat)
        {
            head["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text };
        }
        else
        {
            head["response"] = text;
        }

        return head;
    }

    // prompt_eval_count is the whole prompt; newer servers add prompt_eval_cached_count for the cached part.
    private static JsonObject Final(FakeExchange exchange, bool chat, string text)
    {
        var script = exchange.Script;
        var final = Head(exchange, chat, text);
        final["done"] = true;
        final["done_reason"] = "stop";
        final["total_duration"] = Nanoseconds(script.LoadDuration + script.PromptDuration + script.GenerationDuration);
        final["load_duration"] = Nanoseconds(script.LoadDuration);
        if (script.ReportUsage)
        {
            final["prompt_eval_count"] = script.PromptTokens;
            if (script.CachedTokens > 0)
            {
                final["prompt_eval_cached_count"] = script.CachedTokens;
            }
        }

        final["prompt_eval_duration"] = Nanoseconds(script.PromptDuration);
        if (script.ReportUsage)
        {
            final["eval_count"] = script.CompletionTokens;
        }

        final["eval_duration"] = Nanoseconds(script.GenerationDuration);
        return final;
    }

    private static long Nanoseconds(TimeSpan duration) => checked(duration.Ticks * NanosecondsPerTick);
}
