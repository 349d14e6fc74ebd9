using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Frugal.Domain.Prompts;

namespace Frugal.Cli.Commands;

/// <summary>What one chat call gave back, from the endpoint or the disk cache.</summary>
/// <param name="Text">The reply's text, or null when the call failed.</param>
/// <param name="Error">Why the call failed; null when it answered.</param>
/// <param name="PromptTokens">usage.prompt_tokens, when the endpoint reported it.</param>
/// <param name="CompletionTokens">usage.completion_tokens, when the endpoint reported it.</param>
/// <param name="LatencyMs">How long the call took (0 from the cache).</param>
/// <param name="FromCache">Whether the reply came from the disk cache.</param>
/// <param name="RequestHash">The SHA-256 of the request, in hex: the cache key.</param>
internal sealed record EndpointReply(
    string? Text, string? Error, long? PromptTokens, long? CompletionTokens, long LatencyMs, bool FromCache,
    string RequestHash)
{
    /// <summary>The answer as the endpoint sent it, for <see cref="PromptTestEndpoint.Keep"/> to cache.</summary>
    public string? Answer { get; init; }
}

/// <summary>
/// An OpenAI-compatible <c>/v1/chat/completions</c> endpoint (Ollama, LoLLMs, llama.cpp, vLLM, OpenAI, a Frugal
/// gateway), called without streaming, with replies cached on disk by request hash.
/// </summary>
internal sealed partial class PromptTestEndpoint : IDisposable
{
    /// <summary>The session header a Frugal gateway files the calls under.</summary>
    public const string SessionHeader = "x-frugal-session";

    private readonly HttpClient _http;
    private readonly string? _cacheFolder;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _clock;

    /// <param name="url">The chat completions URL.</param>
    /// <param name="apiKey">Sent as <c>Authorization: Bearer</c>, when given.</param>
    /// <param name="viaGateway">Whether calls carry the gateway's session header.</param>
    /// <param name="timeout">How long one answer may take.</param>
    /// <param name="cacheFolder">Where replies are cached; null for no cache.</param>
    /// <param name="clock">The clock latencies are measured with.</param>
    /// <param name="handler">
    /// The HTTP handler (tests pass one that trusts their certificate); null for the default. Either way it is set
    /// not to follow redirects.
    /// </param>
    public PromptTestEndpoint(
        Uri url, string? apiKey, bool viaGateway, TimeSpan timeout, string? cacheFolder, TimeProvider clock,
        SocketsHttpHandler? handler = null)
    {
        Url = url;
        _clock = clock;
        _timeout = timeout;
        _cacheFolder = cacheFolder;
        // A redirect is reported, never followed: a 301 or 302 would resend the call as a GET without its body, and
        // any redirect would send the prompt and the key somewhere --endpoint does not name.
        handler ??= new SocketsHttpHandler();
        handler.AllowAutoRedirect = false;
        _http = new HttpClient(handler);
        _http.Timeout = Timeout.InfiniteTimeSpan;
        if (apiKey is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        if (viaGateway)
        {
            _http.DefaultRequestHeaders.Add(SessionHeader, "prompt-test");
        }
    }

    /// <summary>The chat completions URL called.</summary>
    public Uri Url { get; }

    /// <summary>The URL as messages show it: any user name and password replaced by <c>***</c>.</summary>
    public string DisplayUrl => Redacted(Url);

    /// <summary><paramref name="url"/> with its user information, if any, replaced by <c>***</c>.</summary>
    public static string Redacted(Uri url) =>
        url.UserInfo.Length == 0
            ? url.ToString()
            : new UriBuilder(url) { UserName = "***", Password = string.Empty }.Uri.ToString();

    /// <summary><paramref name="text"/> with the user information of any URL in it replaced by <c>***</c>.</summary>
    public static string Redacted(string text) => UserInfo().Replace(text, "://***@");

    /// <summary>
    /// The chat completions URL of <paramref name="endpoint"/>: as given when it ends in <c>/chat/completions</c>,
    /// else with <c>/chat/completions</c> added after a trailing <c>/v1</c>, else <c>/v1/chat/completions</c>.
    /// </summary>
    public static Uri? ChatUrl(string endpoint)
    {
        if (!Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        path = path.EndsWith("/chat/completions", StringComparison.Ordinal) ? path
            : path.EndsWith("/v1", StringComparison.Ordinal) ? path + "/chat/completions"
            : path + "/v1/chat/completions";
        return new UriBuilder(uri) { Path = path }.Uri;
    }

    /// <summary>The request body: model, messages, the file's parameters, its seed and its response format.</summary>
    public static string RequestBody(PromptDefinition prompt, string model, IReadOnlyList<PromptMessage> messages)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model", model);
            json.WriteStartArray("messages");
            foreach (var message in messages)
            {
                json.WriteStartObject();
                json.WriteString("role", message.Role.ToString().ToLowerInvariant());
                json.WriteString("content", message.Content);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteParameters(json, prompt);
            json.WriteBoolean("stream", false);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteParameters(Utf8JsonWriter json, PromptDefinition prompt)
    {
        var parameters = prompt.ModelParameters;
        if (parameters.Temperature is { } temperature)
        {
            json.WriteNumber("temperature", temperature);
        }

        if (parameters.TopP is { } topP)
        {
            json.WriteNumber("top_p", topP);
        }

        if (parameters.MaxTokens is { } maxTokens)
        {
            json.WriteNumber("max_tokens", maxTokens);
        }

        if (prompt.Metadata.Seed is { } seed)
        {
            json.WriteNumber("seed", seed);
        }

        if (prompt.ResponseFormat is PromptResponseFormat.JsonObject)
        {
            json.WriteStartObject("response_format");
            json.WriteString("type", "json_object");
            json.WriteEndObject();
        }
        else if (prompt.ResponseFormat is PromptResponseFormat.JsonSchema && prompt.JsonSchema is { } schema)
        {
            json.WriteStartObject("response_format");
            json.WriteString("type", "json_schema");
            json.WritePropertyName("json_schema");
            json.WriteRawValue(schema);
            json.WriteEndObject();
        }
    }

    /// <summary>
    /// Sends <paramref name="body"/> as the <paramref name="run"/>-th run (from 0), or reads the cached reply of the
    /// same request and run. The reply is not cached here: the caller records the call first, then calls
    /// <see cref="Keep"/>, so that no cached reply stands for a call the ledger never saw.
    /// </summary>
    public async Task<EndpointReply> CallAsync(string body, int run, CancellationToken cancel)
    {
        var hash = Hash(body, run);
        var cached = _cacheFolder is null ? null : Path.Combine(_cacheFolder, hash + ".json");
        if (cached is not null && File.Exists(cached))
        {
            try
            {
                var reply = Parse(await File.ReadAllTextAsync(cached, cancel).ConfigureAwait(false), 0, hash);
                if (reply.Error is null)
                {
                    return reply with { FromCache = true };
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable cache entry is a miss: the call is made again.
            }
        }

        var started = _clock.GetTimestamp();
        string text;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel))
        {
            timeout.CancelAfter(_timeout);
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await _http.PostAsync(Url, content, timeout.Token).ConfigureAwait(false);
                var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
                text = Decode(bytes, response.Content.Headers.ContentType?.CharSet);
                if ((int)response.StatusCode is >= 300 and < 400)
                {
                    return Failed(Redirect((int)response.StatusCode, response.Headers.Location), started, hash);
                }

                if (!response.IsSuccessStatusCode)
                {
                    return Failed($"HTTP {(int)response.StatusCode} from {DisplayUrl}: {Clip(text)}", started, hash);
                }
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                var seconds = _timeout.TotalSeconds;
                return Failed($"no answer from {DisplayUrl} within {seconds:0.###} s (--timeout)", started, hash);
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.SecureConnectionError)
            {
                return Failed($"cannot open a TLS (https) connection to {DisplayUrl} ({Redacted(Reason(e))}): if "
                    + "that server speaks plain http, as local servers such as Ollama, llama.cpp and LoLLMs do, give "
                    + $"--endpoint {Redacted(new UriBuilder(Url) { Scheme = "http", Port = Url.Port }.Uri)}",
                    started, hash);
            }
            catch (HttpRequestException e)
            {
                return Failed($"cannot reach {DisplayUrl}: {Redacted(e.Message)}", started, hash);
            }
        }

        return Parse(text, (long)_clock.GetElapsedTime(started).TotalMilliseconds, hash) with { Answer = text };
    }

    /// <summary>
    /// Caches <paramref name="reply"/> when it is a reply the endpoint just gave; failures never are. Written whole or
    /// not at all as far as a reader can tell: a cut-off entry does not parse and counts as a miss.
    /// </summary>
    public void Keep(EndpointReply reply)
    {
        if (_cacheFolder is null || reply.Error is not null || reply.FromCache || reply.Answer is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(_cacheFolder);
            File.WriteAllText(Path.Combine(_cacheFolder, reply.RequestHash + ".json"), reply.Answer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The cache only saves calls: a reply that cannot be kept is still the reply.
        }
    }

    /// <summary>
    /// The answer's text: JSON is UTF-8 (RFC 8259), so that is what is read unless a byte-order mark or a charset
    /// .NET knows says otherwise; a charset it does not know (<c>charset=bogus</c>) is ignored.
    /// </summary>
    private static string Decode(byte[] bytes, string? charset)
    {
        var encoding = Encoding.UTF8;
        if (!string.IsNullOrWhiteSpace(charset))
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim().Trim('"'));
            }
            catch (ArgumentException)
            {
                // Not an encoding .NET has: read as UTF-8, as JSON is.
            }
        }

        using var reader = new StreamReader(new MemoryStream(bytes), encoding, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The cache key: SHA-256 of the URL, the body and the run number (so each of N repeats is its own sample).
    /// The API key is not part of it.
    /// </summary>
    internal string Hash(string body, int run) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Url}\n{body}\n{run}")));

    /// <summary>Why a redirect was not followed (none is), where it pointed, and what to give instead.</summary>
    private string Redirect(int status, Uri? location)
    {
        if (location is null)
        {
            return $"{DisplayUrl} answered HTTP {status}, a redirect without a Location: give --endpoint the "
                + "server's chat completions address";
        }

        var target = location.IsAbsoluteUri ? location : new Uri(Url, location);
        var shown = Redacted(target);
        if (Url.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp)
        {
            return $"{DisplayUrl} redirected (HTTP {status}) to {shown}, plain http: a redirect from https to http is "
                + "not followed, as the prompt and any API key would travel unencrypted; if that server is meant, "
                + $"give --endpoint {shown} yourself";
        }

        var said = $"{DisplayUrl} redirected (HTTP {status}) to {shown}; redirects are not followed, so that the "
            + "prompt and any API key go only where --endpoint says";
        return target.AbsolutePath.TrimEnd('/').EndsWith("/chat/completions", StringComparison.Ordinal)
            ? $"{said}: give --endpoint {shown}"
            : $"{said}: that is not a chat completions address, so give --endpoint the server's own (a base such as "
                + "http://host:11434 or one ending in /v1)";
    }

    /// <summary>The innermost message of <paramref name="e"/>: the TLS layer's own reason.</summary>
    private static string Reason(Exception e) => e.InnerException is { } inner ? Reason(inner) : e.Message.TrimEnd('.');

    private EndpointReply Failed(string error, long started, string hash) =>
        new(null, error, null, null, (long)_clock.GetElapsedTime(started).TotalMilliseconds, false, hash);

    private static string Clip(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= 200 ? oneLine : oneLine[..200] + "…";
    }

    private static EndpointReply Parse(string text, long latencyMs, string hash)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("choices", out var choices)
                || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0
                || choices[0].ValueKind != JsonValueKind.Object
                || !choices[0].TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
            {
                return new(null, $"the answer has no choices[0].message: {Clip(text)}", null, null, latencyMs, false,
                    hash);
            }

            if (message.TryGetProperty("content", out var raw)
                && raw.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                // Chat completions' content is text or null (a tool call or refusal); a number, list or object is
                // not an answer to judge.
                return new(null, $"the answer's choices[0].message.content is a JSON {raw.ValueKind.ToString()
                    .ToLowerInvariant()}, not text: {Clip(text)}", null, null, latencyMs, false, hash);
            }

            if (Content(message) is not { } content)
            {
                return new(null, "the answer's choices[0].message.content holds half a surrogate pair (such as "
                    + $"\\ud800 alone), which is not text: {Clip(text)}", null, null, latencyMs, false, hash);
            }

            var (prompt, completion) = Usage(root);
            return new(content, null, prompt, completion, latencyMs, false, hash);
        }
        catch (JsonException e)
        {
            return new(null, $"the answer is not JSON ({e.Message})", null, null, latencyMs, false, hash);
        }
    }

    /// <summary>The message's text content (empty when it has none), or null when it is not text.</summary>
    private static string? Content(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.String)
        {
            return string.Empty;
        }

        try
        {
            return content.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // JSON lets "\ud800" stand alone; .NET strings and every later step (checks, reports) cannot hold it.
            return null;
        }
    }

    private static (long? Prompt, long? Completion) Usage(JsonElement root)
    {
        if (!root.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        var (prompt, completion) = (Number(usage, "prompt_tokens"), Number(usage, "completion_tokens"));
        // Usage that cannot be right (a field that is not a count, or no token at all for a call that was made) is
        // not trusted: the tokens are then counted here and marked estimated.
        return prompt is null || completion is null || prompt + completion == 0 ? (null, null) : (prompt, completion);
    }

    /// <summary>The most tokens one call may report.</summary>
    private const long MaxTokensPerCall = 100_000_000;

    private static long? Number(JsonElement usage, string name) =>
        usage.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt64(out var number) && number is >= 0 and <= MaxTokensPerCall
            ? number
            : null;

    public void Dispose() => _http.Dispose();

    /// <summary>The user information of a URL: what follows <c>://</c> up to an <c>@</c> before any path.</summary>
    [GeneratedRegex(@"://[^/@\s]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();
}
