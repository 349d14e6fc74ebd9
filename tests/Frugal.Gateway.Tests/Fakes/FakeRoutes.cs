using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Frugal.Gateway.Tests.Fakes;

/// <summary>Which endpoints each kind of server has.</summary>
internal static class FakeRoutes
{
    /// <summary>The handler for a request, or null when the real server has no such endpoint (404).</summary>
    public static Func<FakeExchange, Task>? Find(FakeKind kind, string method, string path) =>
        (kind, method, path) switch
        {
            (FakeKind.Anthropic, "POST", "/v1/messages") => AnthropicProtocol.MessagesAsync,
            (FakeKind.Anthropic, "GET", "/v1/models") => AnthropicProtocol.ModelsAsync,
            (FakeKind.Anthropic, _, _) => null,
            (FakeKind.Ollama, "POST", "/api/chat") => OllamaProtocol.ChatAsync,
            (FakeKind.Ollama, "POST", "/api/generate") => OllamaProtocol.GenerateAsync,
            (FakeKind.Ollama, "GET", "/api/tags") => OllamaProtocol.TagsAsync,
            (FakeKind.Ollama, "GET", "/") => OllamaRunningAsync,
            (FakeKind.LlamaCpp or FakeKind.Vllm, "GET", "/health") => HealthyAsync,
            (_, "POST", "/v1/chat/completions") => OpenAiProtocol.ChatAsync,
            (not FakeKind.LoLLMs, "POST", "/v1/completions") => OpenAiProtocol.CompletionsAsync,
            (_, "POST", "/v1/embeddings") => OpenAiProtocol.EmbeddingsAsync,
            (_, "GET", "/v1/models") => OpenAiProtocol.ModelsAsync,
            _ => null,
        };

    private static Task OllamaRunningAsync(FakeExchange exchange)
    {
        exchange.Http.Response.ContentType = "text/plain; charset=utf-8";
        return exchange.Http.Response.WriteAsync("Ollama is running", exchange.Http.RequestAborted);
    }

    // llama-server answers {"status":"ok"}; vLLM an empty 200, which a client reads the same way.
    private static Task HealthyAsync(FakeExchange exchange) =>
        exchange.Kind == FakeKind.LlamaCpp
            ? exchange.WriteJsonAsync(200, new JsonObject { ["status"] = "ok" })
            : Task.CompletedTask;
}
