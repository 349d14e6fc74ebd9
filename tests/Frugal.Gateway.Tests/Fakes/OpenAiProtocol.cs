using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Frugal.Gateway.Tests.Fakes;

/// <summary>
/// The OpenAI API as OpenAI, Ollama's /v1, llama.cpp, vLLM and LoLLMs serve it: chat completions (JSON or
/// server-sent events ending in <c>data: [DONE]</c>), legacy completions, embeddings and the model list.
/// </summary>
internal static class OpenAiProtocol
{
    private const int EmbeddingDimensions = 8;

    /// <summary>POST /v1/chat/completions.</summary>
    public static Task ChatAsync(FakeExchange exchange) =>
        exchange.Streams() ? StreamChatAsync(exchange) : exchange.ReplyAsync(ChatBody(exchange));

    /// <summary>POST /v1/completions (legacy text completions).</summary>
    public static Task CompletionsAsync(FakeExchange exchange) =>
        exchange.Streams() ? StreamCompletionAsync(exchange) : exchange.ReplyAsync(CompletionBody(exchange));

    /// <summary>POST /v1/embeddings: one vector per input, as floats or base64 little-endian float32.</summary>
    public static Task EmbeddingsAsync(FakeExchange exchange)
    {
        var inputCount = exchange.Request["input"] switch
        {
            JsonArray items when items.All(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.Number) => 1,
            JsonArray items => items.Count,
            _ => 1,
        };
        var base64 = (exchange.Request["encoding_format"] as JsonValue)?.ToString() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputCount; i++)
        {
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = Vector(i, base64) });
        }

        var body = new JsonObject { ["object"] = "list", ["data"] = data, ["model"] = exchange.Model };
        if (exchange.Script.ReportUsage)
        {
            var tokens = exchange.Script.PromptTokens;
            body["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens };
        }

        return exchange.ReplyAsync(body);
    }

    /// <summary>GET /v1/models.</summary>
    public static Task ModelsAsync(FakeExchange exchange)
    {
        var ids = exchange.Script.Models ?? [OpenAiDialect.DefaultModel(exchange.Kind)];
        var created = exchange.UnixSeconds;
        var data = new JsonArray([.. ids.Select(id => OpenAiDialect.ModelEntry(exchange.Kind, id, created))]);
        return exchange.ReplyAsync(new JsonObject { ["object"] = "list", ["data"] = data });
    }

    private static JsonObject ChatBody(FakeExchange exchange)
    {
        var kind = exchange.Kind;
        var script = exchange.Script;
        var refuses = script.Refuse && kind == FakeKind.OpenAI;
        var message = new JsonObject { ["role"] = "assistant", ["content"] = refuses ? null : script.ReplyText };
        if (kind == FakeKind.OpenAI)
        {
            message["refusal"] = refuses ? script.ReplyText : null;
            message["annotations"] = new JsonArray();
        }
        else if (kind == FakeKind.LoLLMs)
        {
            AddLoLLMsNulls(message, "tool_calls", "tool_call_id", "name", "reasoning_content", "refusal");
        }

        var body = Envelope(exchange, exchange.NewId("chatcmpl-fake"), "chat.completion", exchange.UnixSeconds);
        body["choices"] = new JsonArray(Choice(kind, "message", message, "stop"));
        return WithUsageAndTimings(exchange, body, OpenAiDialect.Usage(exchange));
    }

    private static JsonObject CompletionBody(FakeExchange exchange)
    {
        var body = Envelope(exchange, exchange.NewId("cmpl-fake"), "text_completion", exchange.UnixSeconds);
        body["choices"] = new JsonArray(TextChoice(exchange.Script.ReplyText, "stop"));
        return WithUsageAndTimings(exchange, body, OpenAiDialect.Usage(exchange));
    }

    private static async Task StreamChatAsync(FakeExchange exchange)
    {
        var kind = exchange.Kind;
        var refuses = exchange.Script.Refuse && kind == FakeKind.OpenAI;
        var id = exchange.NewId("chatcmpl-fake");
        var created = exchange.UnixSeconds;
        var withUsage = OpenAiDialect.StreamCarriesUsage(exchange);
        JsonObject Chunk(JsonObject delta, string? finish)
        {
            var chunk = Envelope(exchange, id, "chat.completion.chunk", created);
            chunk["choices"] = new JsonArray(Choice(kind, "delta", delta, finish));
            if (withUsage && OpenAiDialect.NullUsageOnChunks(kind))
            {
                chunk["usage"] = null;
            }

            return chunk;
        }

        var stream = WireStream.Sse(exchange.Script);
        if (OpenAiDialect.OpensWithRoleChunk(kind))
        {
            stream.Opening(Chunk(RoleDelta(kind, refuses), null));
        }

        foreach (var piece in TextChunks.Split(exchange.Script.ReplyText, exchange.Script.ChunkCount))
        {
            stream.Text(Chunk(TextDelta(kind, piece, refuses), null));
        }

        var closing = Chunk(FinalDelta(kind), "stop");
        await SendClosingAsync(exchange, stream, closing, withUsage ? Envelope(exchange, id, closing) : null);
    }

    private static async Task StreamCompletionAsync(FakeExchange exchange)
    {
        var id = exchange.NewId("cmpl-fake");
        var created = exchange.UnixSeconds;
        JsonObject Chunk(string text, string? finish)
        {
            var chunk = Envelope(exchange, id, "text_completion", created);
            chunk["choices"] = new JsonArray(TextChoice(text, finish));
            return chunk;
        }

        var stream = WireStream.Sse(exchange.Script);
        foreach (var piece in TextChunks.Split(exchange.Script.ReplyText, exchange.Script.ChunkCount))
        {
            stream.Text(Chunk(piece, null));
        }

        var closing = Chunk("", "stop");
        var withUsage = OpenAiDialect.StreamCarriesUsage(exchange);
        await SendClosingAsync(exchange, stream, closing, withUsage ? Envelope(exchange, id, closing) : null);
    }

    // The finish chunk, then the usage chunk (choices: []) when asked; llama.cpp adds timings to the last of them.
    private static Task SendClosingAsync(FakeExchange exchange, WireStream stream, JsonObject finish, JsonObject? usage)
    {
        if (usage is not null)
        {
            usage["choices"] = new JsonArray();
            usage["usage"] = OpenAiDialect.Usage(exchange);
        }

        var last = usage ?? finish;
        if (exchange.Kind == FakeKind.LlamaCpp)
        {
            last["timings"] = OpenAiDialect.Timings(exchange.Script);
        }

        stream.Closing(finish);
        if (usage is not null)
        {
            stream.Closing(usage);
        }

        stream.ClosingRaw("data: [DONE]\n\n");
        stream.ErrorFrame = StreamErrorFrame(exchange, stream);
        return stream.SendAsync(exchange.Http);
    }

    private static string StreamErrorFrame(FakeExchange exchange, WireStream stream)
    {
        var message = exchange.Script.ErrorMessage;
        return exchange.Kind switch
        {
            // llama-server writes its error object on an "error:" line, not as data.
            FakeKind.LlamaCpp =>
                $"error: {WireErrors.LlamaCpp(500, message)["error"]!.ToJsonString(WireStream.JsonOptions)}\n\n",
            FakeKind.LoLLMs => stream.Frame(new JsonObject
            {
                ["error"] = new JsonObject { ["message"] = message, ["type"] = "server_error" },
            }) + "data: [DONE]\n\n",
            FakeKind.Vllm =>
                stream.Frame(WireErrors.Http(FakeKind.Vllm, exchange.Path, 500, message)) + "data: [DONE]\n\n",
            _ => stream.Frame(WireErrors.Http(exchange.Kind, exchange.Path, 500, message)),
        };
    }

    private static JsonObject Envelope(FakeExchange exchange, string id, string objectType, long created)
    {
        var envelope = new JsonObject
        {
            ["id"] = id,
            ["object"] = objectType,
            ["created"] = created,
            ["model"] = exchange.Model,
        };
        if (exchange.Kind == FakeKind.OpenAI)
        {
            envelope["service_tier"] = "default";
        }

        if (OpenAiDialect.Fingerprint(exchange.Kind) is string fingerprint)
        {
            envelope["system_fingerprint"] = fingerprint;
        }

        return envelope;
    }

    private static JsonObject Envelope(FakeExchange exchange, string id, JsonObject like) =>
        Envelope(exchange, id, like["object"]!.ToString(), like["created"]!.GetValue<long>());

    private static JsonObject WithUsageAndTimings(FakeExchange exchange, JsonObject body, JsonObject? usage)
    {
        if (usage is not null)
        {
            body["usage"] = usage;
        }

        if (exchange.Kind == FakeKind.LlamaCpp)
        {
            body["timings"] = OpenAiDialect.Timings(exchange.Script);
        }

        return body;
    }

    private static JsonObject Choice(FakeKind kind, string field, JsonObject content, string? finish)
    {
        var choice = new JsonObject { ["index"] = 0, [field] = content };
        if (OpenAiDialect.LogprobsInChoices(kind))
        {
            choice["logprobs"] = null;
        }

        choice["finish_reason"] = finish;
        return choice;
    }

    private static JsonObject TextChoice(string text, string? finish) => new()
    {
        ["text"] = text,
        ["index"] = 0,
        ["logprobs"] = null,
        ["finish_reason"] = finish,
    };

    private static JsonObject RoleDelta(FakeKind kind, bool refuses) => kind switch
    {
        FakeKind.OpenAI => new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = refuses ? null : "",
            ["refusal"] = refuses ? "" : null,
        },
        FakeKind.Vllm => new JsonObject { ["role"] = "assistant", ["content"] = "" },
        FakeKind.LoLLMs => LoLLMsDelta("assistant", null),
        _ => new JsonObject { ["role"] = "assistant", ["content"] = null },
    };

    private static JsonObject TextDelta(FakeKind kind, string piece, bool refuses) => kind switch
    {
        FakeKind.OpenAI when refuses => new JsonObject { ["refusal"] = piece },
        FakeKind.Ollama => new JsonObject { ["role"] = "assistant", ["content"] = piece },
        FakeKind.LoLLMs => LoLLMsDelta(null, piece),
        _ => new JsonObject { ["content"] = piece },
    };

    private static JsonObject FinalDelta(FakeKind kind) => kind switch
    {
        FakeKind.Ollama => new JsonObject { ["role"] = "assistant", ["content"] = "" },
        FakeKind.LoLLMs => LoLLMsDelta(null, null),
        _ => [],
    };

    // LoLLMs serialises its pydantic models whole, so every optional field is present, null when unset.
    private static JsonObject LoLLMsDelta(string? role, string? content)
    {
        var delta = new JsonObject { ["role"] = role, ["content"] = content };
        AddLoLLMsNulls(delta, "tool_calls", "reasoning_content", "refusal");
        return delta;
    }

    private static void AddLoLLMsNulls(JsonObject target, params string[] fields)
    {
        foreach (var field in fields)
        {
            target[field] = null;
        }
    }

    private static JsonNode Vector(int index, bool base64)
    {
        var values = new float[EmbeddingDimensions];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (index + 1) * 0.01f + i * 0.1f;
        }

        if (!base64)
        {
            return new JsonArray([.. values.Select(v => (JsonNode)v)]);
        }

        var bytes = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }

        return Convert.ToBase64String(bytes);
    }
}
