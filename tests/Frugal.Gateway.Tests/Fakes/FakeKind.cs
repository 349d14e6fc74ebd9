namespace Frugal.Gateway.Tests.Fakes;

/// <summary>The upstream server a <see cref="FakeUpstream"/> imitates on the wire.</summary>
public enum FakeKind
{
    /// <summary>api.openai.com: /v1/chat/completions, /v1/completions, /v1/embeddings, /v1/models.</summary>
    OpenAI,

    /// <summary>api.anthropic.com: /v1/messages and /v1/models.</summary>
    Anthropic,

    /// <summary>Ollama: native /api/chat, /api/generate, /api/tags (NDJSON) and its OpenAI-compatible /v1.</summary>
    Ollama,

    /// <summary>llama.cpp's llama-server: OpenAI-compatible /v1 with a <c>timings</c> object.</summary>
    LlamaCpp,

    /// <summary>vLLM's OpenAI-compatible server.</summary>
    Vllm,

    /// <summary>LoLLMs' OpenAI-compatible /v1: bearer key, no usage in streams.</summary>
    LoLLMs,
}
