using System.Text.Json.Nodes;

namespace Frugal.Gateway.Tests.Fakes;

/// <summary>
/// How each OpenAI-compatible server (OpenAI itself, Ollama's /v1, llama.cpp, vLLM, LoLLMs) differs on the wire:
/// when a stream carries usage, the usage object's fields, the extra fields of chunks and choices.
/// </summary>
internal static class OpenAiDialect
{
    /// <summary>
    /// Whether a stream ends with a usage chunk (<c>choices: []</c>): OpenAI, llama.cpp and Ollama only when
    /// <c>stream_options.include_usage</c> is true; vLLM as soon as <c>stream_options</c> is present, unless
    /// <c>include_usage</c> is false; LoLLMs never (its request has no <c>stream_options</c>).
    /// </summary>
    public static bool StreamCarriesUsage(FakeExchange exchange)
    {
        if (!exchange.Script.ReportUsage)
        {
            return false;
        }

        var options = exchange.Request["stream_options"] as JsonObject;
        return exchange.Kind switch
        {
            FakeKind.LoLLMs => false,
            FakeKind.Vllm => options is not null && !IsFalse(options["include_usage"]),
            _ => FakeExchange.IsTrue(options?["include_usage"]),
        };
    }

    /// <summary>OpenAI writes <c>"usage": null</c> on every chunk of a stream that will end with usage.</summary>
    public static bool NullUsageOnChunks(FakeKind kind) => kind == FakeKind.OpenAI;

    /// <summary>Ollama sends no separate opening chunk: its first chunk already carries text.</summary>
    public static bool OpensWithRoleChunk(FakeKind kind) => kind != FakeKind.Ollama;

    /// <summary>OpenAI and vLLM write <c>"logprobs": null</c> in each choice; the others leave it out.</summary>
    public static bool LogprobsInChoices(FakeKind kind) => kind is FakeKind.OpenAI or FakeKind.Vllm;

    /// <summary>The <c>system_fingerprint</c> a server writes, or null when it writes none.</summary>
    public static string? Fingerprint(FakeKind kind) => kind switch
    {
        FakeKind.OpenAI => "fp_fake0001",
        FakeKind.LlamaCpp => "b6000-fake",
        FakeKind.Ollama => "fp_ollama",
        _ => null,
    };

    /// <summary>The usage object of a reply, or null when the script reports none.</summary>
    public static JsonObject? Usage(FakeExchange exchange)
    {
        var s = exchange.Script;
        if (!s.ReportUsage)
        {
            return null;
        }

        var total = checked(s.PromptTokens + s.CompletionTokens);
        var usage = new JsonObject
        {
            ["prompt_tokens"] = s.PromptTokens,
            ["completion_tokens"] = s.CompletionTokens,
            ["total_tokens"] = total,
        };
        switch (exchange.Kind)
        {
            case FakeKind.OpenAI:
                usage["prompt_tokens_details"] = new JsonObject
                {
                    ["cached_tokens"] = s.CachedTokens,
                    ["audio_tokens"] = 0,
                };
                usage["completion_tokens_details"] = CompletionDetails(s.ReasoningTokens, audio: true);
                break;
            case FakeKind.LlamaCpp:
                usage["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = s.CachedTokens };
                break;
            case FakeKind.Vllm:
                // Only with --enable-prompt-tokens-details; some versions leave it null when nothing was cached.
                usage["prompt_tokens_details"] =
                    s.CachedTokens > 0 ? new JsonObject { ["cached_tokens"] = s.CachedTokens } : null;
                break;
            case FakeKind.Ollama when s.CachedTokens > 0:
                usage["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = s.CachedTokens };
                break;
            case FakeKind.LoLLMs:
                // LoLLMs counts with its own tokenizer and never knows of a cache.
                usage["completion_tokens_details"] = CompletionDetails(s.ReasoningTokens, audio: false);
                usage["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 0 };
                break;
        }

        return usage;
    }

    /// <summary>llama-server's <c>timings</c>: <c>prompt_n</c> counts only the prompt tokens not cached.</summary>
    public static JsonObject Timings(FakeScript script)
    {
        var promptN = Math.Max(0, script.PromptTokens - script.CachedTokens);
        var promptMs = script.PromptDuration.TotalMilliseconds;
        var predictedMs = script.GenerationDuration.TotalMilliseconds;
        return new JsonObject
        {
            ["cache_n"] = script.CachedTokens,
            ["prompt_n"] = promptN,
            ["prompt_ms"] = promptMs,
            ["prompt_per_token_ms"] = Ratio(promptMs, promptN),
            ["prompt_per_second"] = Ratio(promptN * 1000.0, promptMs),
            ["predicted_n"] = script.CompletionTokens,
            ["predicted_ms"] = predictedMs,
            ["predicted_per_token_ms"] = Ratio(predictedMs, script.CompletionTokens),
            ["predicted_per_second"] = Ratio(script.CompletionTokens * 1000.0, predictedMs),
        };
    }

    /// <summary>The model list of <c>GET /v1/models</c> in the server's own shape.</summary>
    public static JsonObject ModelEntry(FakeKind kind, string id, long created)
    {
        var entry = new JsonObject { ["id"] = id, ["object"] = "model", ["created"] = created };
        switch (kind)
        {
            case FakeKind.Vllm:
                entry["owned_by"] = "vllm";
                entry["root"] = id;
                entry["parent"] = null;
                entry["max_model_len"] = 32768;
                break;
            case FakeKind.LoLLMs:
                entry["name"] = id;
                var slash = id.IndexOf('/', StringComparison.Ordinal);
                entry["owned_by"] = slash > 0 ? id[..slash] : "lollms";
                break;
            default:
                entry["owned_by"] = kind switch
                {
                    FakeKind.LlamaCpp => "llamacpp",
                    FakeKind.Ollama => "library",
                    _ => "system",
                };
                break;
        }

        return entry;
    }

    /// <summary>A typical model id for each kind, named by the model lists when the script names none.</summary>
    public static string DefaultModel(FakeKind kind) => kind switch
    {
        FakeKind.Anthropic => "claude-sonnet-4-5",
        FakeKind.Ollama => "llama3.2:latest",
        FakeKind.LlamaCpp => "qwen2.5-7b-instruct-q4_k_m.gguf",
        FakeKind.Vllm => "Qwen/Qwen2.5-7B-Instruct",
        FakeKind.LoLLMs => "ollama/llama3.2",
        _ => "gpt-4o-mini",
    };

    private static JsonObject CompletionDetails(int reasoningTokens, bool audio)
    {
        var details = new JsonObject { ["reasoning_tokens"] = reasoningTokens };
        if (audio)
        {
            details["audio_tokens"] = 0;
        }

        details["accepted_prediction_tokens"] = 0;
        details["rejected_prediction_tokens"] = 0;
        return details;
    }

    private static bool IsFalse(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.False;

    private static double Ratio(double numerator, double denominator) =>
        denominator > 0 ? Math.Round(numerator / denominator, 3) : 0;
}
