namespace Frugal.Gateway.Tests.Fakes;

/// <summary>
/// What a <see cref="FakeUpstream"/> answers to one call. Every knob has a default that gives a plain, successful
/// reply, so a test sets only what its case is about: <c>new FakeScript { ErrorStatus = 429 }</c>.
/// </summary>
public sealed record FakeScript
{
    /// <summary>The assistant's reply (for a refusal, the refusal text).</summary>
    public string ReplyText { get; init; } = "Hello from the fake upstream.";

    /// <summary>How many stream chunks the reply is split into (at most one per character).</summary>
    public int ChunkCount { get; init; } = 3;

    /// <summary>Prompt tokens to report, cached ones included (OpenAI's meaning of <c>prompt_tokens</c>).</summary>
    public int PromptTokens { get; init; } = 12;

    /// <summary>Completion (output) tokens to report.</summary>
    public int CompletionTokens { get; init; } = 7;

    /// <summary>
    /// Prompt tokens served from the cache, a part of <see cref="PromptTokens"/>. Anthropic reports them as
    /// <c>cache_read_input_tokens</c> and its <c>input_tokens</c> leave them out; llama.cpp's <c>timings</c>
    /// give <c>prompt_n</c> = prompt − cached and <c>cache_n</c> = cached. LoLLMs always says 0.
    /// </summary>
    public int CachedTokens { get; init; }

    /// <summary>Anthropic only: prompt tokens written to the cache, a part of <see cref="PromptTokens"/>.</summary>
    public int CacheCreationTokens { get; init; }

    /// <summary>OpenAI and LoLLMs: <c>completion_tokens_details.reasoning_tokens</c>.</summary>
    public int ReasoningTokens { get; init; }

    /// <summary>
    /// False leaves every usage field out of the reply (a server that reports nothing). Real OpenAI-style servers
    /// do this in streams unless asked; Anthropic never does it, so there it only tests a gateway's fallback.
    /// </summary>
    public bool ReportUsage { get; init; } = true;

    /// <summary>
    /// Anthropic streams: the cumulative <c>output_tokens</c> of each <c>message_delta</c> event, in order (the
    /// real API sends one; several let a test check that the gateway keeps the last and does not sum). Null sends
    /// one event with <see cref="CompletionTokens"/>.
    /// </summary>
    public IReadOnlyList<int>? OutputTokenSteps { get; init; }

    /// <summary>Wait before anything of the response, headers included, is sent.</summary>
    public TimeSpan FirstByteDelay { get; init; }

    /// <summary>Wait before each reply chunk of a stream but the first.</summary>
    public TimeSpan ChunkDelay { get; init; }

    /// <summary>Answer with this HTTP status and the protocol's own error body instead of a reply.</summary>
    public int? ErrorStatus { get; init; }

    /// <summary>The message of an error body (HTTP or mid-stream).</summary>
    public string ErrorMessage { get; init; } = "The fake upstream was scripted to fail.";

    /// <summary>With <see cref="ErrorStatus"/> (429 or 5xx), the <c>retry-after</c> header to send.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// A refusal: OpenAI puts <see cref="ReplyText"/> in <c>message.refusal</c> (<c>delta.refusal</c> in streams)
    /// with a null content; Anthropic sends the text and stops with <c>stop_reason</c> "refusal". Other kinds
    /// have no refusal on the wire and ignore it.
    /// </summary>
    public bool Refuse { get; init; }

    /// <summary>A 200 reply whose JSON is cut short (in a stream: the first reply chunk's JSON).</summary>
    public bool InvalidJson { get; init; }

    /// <summary>
    /// Streams: abort the connection after this many reply chunks (0: right after the stream's opening event;
    /// at least <see cref="ChunkCount"/>: after all the text, before the finish and usage events).
    /// </summary>
    public int? DropAfterChunks { get; init; }

    /// <summary>
    /// Streams: after this many reply chunks send the protocol's own in-stream error event (Anthropic
    /// <c>overloaded_error</c>, OpenAI-style <c>server_error</c>, Ollama <c>{"error":…}</c>) and end the stream.
    /// </summary>
    public int? StreamErrorAfterChunks { get; init; }

    /// <summary>
    /// The key a client must present (<c>Authorization: Bearer</c>; for Anthropic also <c>x-api-key</c>);
    /// otherwise 401 with the protocol's body. Null accepts any request, with or without a key.
    /// </summary>
    public string? RequiredKey { get; init; }

    /// <summary>The model the reply names (OpenAI answers with a dated snapshot); null echoes the request's.</summary>
    public string? ResponseModel { get; init; }

    /// <summary>Model ids the model lists name; null gives one typical id for the kind.</summary>
    public IReadOnlyList<string>? Models { get; init; }

    /// <summary>Ollama and llama.cpp: time spent loading the model (Ollama <c>load_duration</c>).</summary>
    public TimeSpan LoadDuration { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Ollama and llama.cpp: prompt evaluation time (<c>prompt_eval_duration</c>, <c>prompt_ms</c>).</summary>
    public TimeSpan PromptDuration { get; init; } = TimeSpan.FromMilliseconds(40);

    /// <summary>Ollama and llama.cpp: generation time (<c>eval_duration</c>, <c>predicted_ms</c>).</summary>
    public TimeSpan GenerationDuration { get; init; } = TimeSpan.FromMilliseconds(350);
}
