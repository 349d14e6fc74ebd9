namespace Frugal.Gateway.Configuration;

/// <summary>The kinds of server the gateway forwards to; each has its own defaults and usage quirks.</summary>
public enum UpstreamKind
{
    /// <summary>OpenAI's API or any OpenAI-compatible one (a hosted model unless marked local).</summary>
    OpenAI,

    /// <summary>Anthropic's Messages API or a compatible one.</summary>
    Anthropic,

    /// <summary>Ollama (its OpenAI-compatible <c>/v1</c> API); local.</summary>
    Ollama,

    /// <summary>llama.cpp's <c>llama-server</c>, whose answers carry timings in milliseconds; local.</summary>
    LlamaCpp,

    /// <summary>vLLM's OpenAI-compatible server; local.</summary>
    Vllm,

    /// <summary>LoLLMs' OpenAI-compatible <c>/v1</c> API with a bearer key; its streams carry no usage;
    /// local.</summary>
    LoLLMs,
}

/// <summary>The two APIs the gateway speaks to callers and upstreams.</summary>
public enum ApiProtocol
{
    /// <summary>OpenAI's chat completions, completions, embeddings and models.</summary>
    OpenAI,

    /// <summary>Anthropic's Messages.</summary>
    Anthropic,
}
