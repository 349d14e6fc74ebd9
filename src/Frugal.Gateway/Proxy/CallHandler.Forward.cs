using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using Frugal.Domain.Usage;
using Frugal.Gateway.Caching;
using Frugal.Gateway.Configuration;
using Frugal.Gateway.Metering;
using Frugal.Gateway.Protocols;
using Microsoft.AspNetCore.Http;

namespace Frugal.Gateway.Proxy;

internal sealed partial class CallHandler
{
    /// <summary>
    /// One try. With <paramref name="failOver"/> an upstream failure (5xx, 429, 408, a redirect, a timeout before the
    /// answer, invalid JSON, a refusal) is returned as a failure instead of being passed to the caller.
    /// </summary>
    private async Task<Result> ForwardAsync(Attempt attempt, bool failOver, string? cacheKey)
    {
        var mayEscalate = failOver;
        var upstream = attempt.Target.Upstream;
        using var timeout = new CancellationTokenSource(upstream.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, timeout.Token);
        using var message = UpstreamRequest(attempt);
        HttpResponseMessage response;
        try
        {
            response = await services.Http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return new Result(Estimated(attempt, "cancelled", string.Empty, null), null);
        }
        catch (OperationCanceledException)
        {
            // The prompt may have been read (and billed) before the time ran out: it is counted.
            return new Result(Estimated(attempt, "timeout", string.Empty, null),
                $"no answer within {upstream.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return new Result(Outcome(attempt, "error", TokenCounts.Zero, false, null), $"unreachable ({e.Message})");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400)
            {
                // Following it could reach a host that is not configured: never.
                return new Result(Outcome(attempt, "error", TokenCounts.Zero, false, null),
                    $"answered a redirect ({status}), which the gateway does not follow");
            }

            if (status is >= 500 or 429 or 408 && mayEscalate)
            {
                return new Result(Outcome(attempt, "error", TokenCounts.Zero, false, null), $"answered {status}");
            }

            if (!response.IsSuccessStatusCode)
            {
                await PassThroughAsync(attempt, response, linked.Token).ConfigureAwait(false);
                return new Result(Outcome(attempt, "error", TokenCounts.Zero, false, null), null);
            }

            try
            {
                return attempt.Traits.Stream && (attempt.Native || IsEventStream(response))
                    ? await StreamAsync(attempt, response, linked.Token).ConfigureAwait(false)
                    : await WholeAsync(attempt, response, mayEscalate, cacheKey, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return new Result(Estimated(attempt, "cancelled", string.Empty, null), null);
            }
            catch (OperationCanceledException) when (!context.Response.HasStarted)
            {
                // Nothing reached the caller yet: a failed try (the next target, or the gateway's 502).
                return new Result(Estimated(attempt, "timeout", string.Empty, null),
                    $"no whole answer within {upstream.Timeout.TotalSeconds:0} s");
            }
            catch (OperationCanceledException)
            {
                return new Result(Estimated(attempt, "timeout", string.Empty, null), null);
            }
            catch (Exception e) when (e is HttpRequestException or IOException && !context.Response.HasStarted)
            {
                return new Result(Estimated(attempt, "error", string.Empty, null),
                    $"the answer broke off ({e.Message})");
            }
            catch (AnswerTooLargeException)
            {
                return new Result(Estimated(attempt, "error", string.Empty, null),
                    $"the answer is larger than {MaxAnswerBytes / (1024 * 1024)} MB");
            }
        }
    }

    /// <summary>The largest whole (not streamed) answer the gateway reads.</summary>
    private const int MaxAnswerBytes = 64 * 1024 * 1024;

    /// <summary>Reads a whole answer, refusing one larger than <see cref="MaxAnswerBytes"/>.</summary>
    private static async Task<byte[]> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancel)
    {
        switch (response.Content.Headers.ContentLength)
        {
            case > MaxAnswerBytes:
                throw new AnswerTooLargeException();
            case not null:
                // The length is known and within bounds: read at once into an array of that size.
                return await response.Content.ReadAsByteArrayAsync(cancel).ConfigureAwait(false);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            await using (stream.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                int read;
                while ((read = await stream.ReadAsync(chunk, cancel).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > MaxAnswerBytes)
                    {
                        throw new AnswerTooLargeException();
                    }

                    buffer.Write(chunk, 0, read);
                }

                return buffer.ToArray();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private sealed class AnswerTooLargeException : Exception;

    private HttpRequestMessage UpstreamRequest(Attempt attempt)
    {
        var upstream = attempt.Target.Upstream;
        var address = upstream.Address(attempt.Native ? OllamaNative.Path : path);
        var message = new HttpRequestMessage(HttpMethod.Post, address)
        {
            Content = new ByteArrayContent(attempt.Body),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.TryAddWithoutValidation(GatewayInfo.HopHeader, "1");
        var key = upstream.ApiKey();
        var headers = context.Request.Headers;
        if (protocol == ApiProtocol.Anthropic)
        {
            if (key is not null)
            {
                message.Headers.TryAddWithoutValidation("x-api-key", key);
            }

            message.Headers.TryAddWithoutValidation("anthropic-version",
                headers["anthropic-version"].ToString() is { Length: > 0 } version ? version : "2023-06-01");
            if (headers["anthropic-beta"].ToString() is { Length: > 0 } beta)
            {
                message.Headers.TryAddWithoutValidation("anthropic-beta", beta);
            }
        }
        else if (key is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (attempt.Traits.Stream)
        {
            message.Headers.Accept.ParseAdd("text/event-stream");
        }

        return message;
    }

    private static bool IsEventStream(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is "text/event-stream";

    private async Task PassThroughAsync(Attempt attempt, HttpResponseMessage response, CancellationToken cancel)
    {
        var bytes = await ReadAnswerAsync(response, cancel).ConfigureAwait(false);
        context.Response.StatusCode = (int)response.StatusCode;
        if (response.Headers.RetryAfter is { } retry)
        {
            context.Response.Headers.RetryAfter = retry.ToString();
        }

        context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
        if (attempt.Native)
        {
            // Ollama's native error is {"error": "..."}: the caller speaks OpenAI's API and gets its shape.
            var message = System.Text.Encoding.UTF8.GetString(bytes);
            try
            {
                using var native = JsonDocument.Parse(bytes);
                if (native.RootElement.TryGetProperty("error", out var error)
                    && error.ValueKind == JsonValueKind.String)
                {
                    message = error.GetString()!;
                }
            }
            catch (JsonException)
            {
                // The body as it came is the message.
            }

            bytes = ApiErrors.Body(protocol, (int)response.StatusCode, $"{attempt.Target.Upstream.Name}: {message}");
            context.Response.ContentType = "application/json";
        }

        NoteFirstByte();
        await context.Response.Body.WriteAsync(bytes, cancel).ConfigureAwait(false);
    }

    private async Task<Result> WholeAsync(
        Attempt attempt, HttpResponseMessage response, bool mayEscalate, string? cacheKey, CancellationToken cancel)
    {
        var bytes = await ReadAnswerAsync(response, cancel).ConfigureAwait(false);
        ReportedUsage? usage = null;
        string text = string.Empty;
        if (attempt.Native)
        {
            if (OllamaNative.Response(bytes, _requestId) is not { } translated)
            {
                return mayEscalate
                    ? new Result(Estimated(attempt, "error", System.Text.Encoding.UTF8.GetString(bytes), null),
                        "answered with something that is not an Ollama chat answer")
                    : new Result(await InvalidAsync(attempt, bytes).ConfigureAwait(false), null);
            }

            (bytes, usage, text) = translated;
            return await AnswerAsync(attempt, bytes, "application/json", usage, text, cacheKey, cancel)
                .ConfigureAwait(false);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            usage = protocol == ApiProtocol.Anthropic
                ? root.TryGetProperty("usage", out var u) ? ReportedUsage.FromAnthropic(u) : null
                : ReportedUsage.FromOpenAI(root);
            if (Refused(root) && mayEscalate)
            {
                // A refusal is still a call the upstream made (and billed): counted, then the next target is tried.
                return new Result(usage is { TokensMissing: false } r
                    ? Outcome(attempt, "refused", r.Tokens, false, r.Timings)
                    : Estimated(attempt, "refused", AnswerText(root), usage?.Timings), "refused the request");
            }
            if (usage is null or { TokensMissing: true })
            {
                text = AnswerText(root);
            }
        }
        catch (JsonException) when (mayEscalate)
        {
            return new Result(Estimated(attempt, "error", System.Text.Encoding.UTF8.GetString(bytes), null),
                "answered with invalid JSON");
        }
        catch (JsonException)
        {
            // Not an answer the caller's API can read: the gateway's 502 instead of the bytes.
            return new Result(await InvalidAsync(attempt, bytes).ConfigureAwait(false), null);
        }

        return await AnswerAsync(attempt, bytes, response.Content.Headers.ContentType?.ToString() ?? "application/json",
            usage, text, cacheKey, cancel).ConfigureAwait(false);
    }

    /// <summary>Sends a whole answer to the caller, then meters it (and caches it when asked).</summary>
    private async Task<Result> AnswerAsync(Attempt attempt, byte[] bytes, string contentType, ReportedUsage? usage,
        string text, string? cacheKey, CancellationToken cancel)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = contentType;
        context.Response.Headers["x-frugal-upstream"] = attempt.Target.Upstream.Name;
        context.Response.ContentLength = bytes.Length;
        NoteFirstByte();
        await context.Response.Body.WriteAsync(bytes, cancel).ConfigureAwait(false);
        NoteLastByte();

        var outcome = usage is { TokensMissing: false } reported
            ? Outcome(attempt, "ok", reported.Tokens, false, reported.Timings)
            : Estimated(attempt, "ok", text, usage?.Timings);
        if (cacheKey is not null)
        {
            services.Cache.Put(cacheKey, new CachedAnswer(contentType, bytes, outcome.Tokens, attempt.Target.Model,
                services.Time.GetUtcNow() + services.Options.Cache.Lifetime));
        }

        return new Result(outcome, null);
    }

    private async Task<Result> StreamAsync(
        Attempt attempt, HttpResponseMessage response, CancellationToken cancel)
    {
        IStreamRelay relay = attempt.Native
            ? new OllamaNative.Stream(_requestId, attempt.Traits.ClientWantsUsage)
            : new StreamRelay(protocol, attempt.Traits.ClientWantsUsage);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = attempt.Native
            ? "text/event-stream"
            : response.Content.Headers.ContentType?.ToString() ?? "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["x-frugal-upstream"] = attempt.Target.Upstream.Name;
        var output = new ArrayBufferWriter<byte>(16 * 1024);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var status = "ok";
        try
        {
            var upstream = await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
            await using (upstream.ConfigureAwait(false))
            {
                while (true)
                {
                    int read;
                    try
                    {
                        read = await upstream.ReadAsync(buffer, cancel).ConfigureAwait(false);
                    }
                    catch (IOException)
                    {
                        status = "error";
                        break;
                    }
                    catch (HttpRequestException)
                    {
                        status = "error";
                        break;
                    }

                    if (read == 0)
                    {
                        break;
                    }

                    relay.Push(buffer.AsSpan(0, read), output);
                    if (output.WrittenCount > 0)
                    {
                        NoteFirstByte();
                        await context.Response.Body.WriteAsync(output.WrittenMemory, cancel).ConfigureAwait(false);
                        await context.Response.Body.FlushAsync(cancel).ConfigureAwait(false);
                        output.Clear();
                    }
                }
            }

            relay.End(output);
            if (output.WrittenCount > 0)
            {
                NoteFirstByte();
                await context.Response.Body.WriteAsync(output.WrittenMemory, cancel).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            status = context.RequestAborted.IsCancellationRequested ? "cancelled" : "timeout";
        }
        catch (IOException)
        {
            // The caller went away while the answer was being written.
            status = "cancelled";
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (status == "ok" && !relay.Completed)
        {
            status = "error";
        }

        NoteLastByte();

        var usage = relay.Usage;
        return new Result(usage is { TokensMissing: false } reported
            ? Outcome(attempt, status, reported.Tokens, false, reported.Timings)
            : Estimated(attempt, status, relay.Text, usage?.Timings), null);
    }

    /// <summary>Passes on an answer that could not be read, as it came, and meters it as an estimate.</summary>
    private async Task<CallOutcome> InvalidAsync(Attempt attempt, byte[] bytes)
    {
        context.Response.StatusCode = StatusCodes.Status502BadGateway;
        context.Response.ContentType = "application/json";
        var body = ApiErrors.Body(protocol, 502,
            $"{attempt.Target.Upstream.Name} answered with something that is not a chat answer.");
        NoteFirstByte();
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        return Estimated(attempt, "error", System.Text.Encoding.UTF8.GetString(bytes), null);
    }

    /// <summary>A call whose tokens the upstream did not report: counted here from the prompt and the text
    /// seen.</summary>
    private CallOutcome Estimated(Attempt attempt, string status, string answer, Domain.Energy.LocalTimings? timings)
    {
        var tokens = new TokenCounts(
            TokenEstimator.Count(attempt.Traits.Text), 0, 0, 0, TokenEstimator.Count(answer));
        return Outcome(attempt, status, tokens, true, timings);
    }

    private async Task ServeCachedAsync(
        CachedAnswer hit, Routing.RouteTarget target, string project, string? keyId, string? route)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = hit.ContentType;
        context.Response.Headers["x-frugal-cache"] = "hit";
        context.Response.Headers["x-frugal-upstream"] = target.Upstream.Name;
        context.Response.ContentLength = hit.Body.Length;
        NoteFirstByte();
        await context.Response.Body.WriteAsync(hit.Body, context.RequestAborted).ConfigureAwait(false);
        var attempt = new Attempt(target, project, keyId, route, RequestTraits.Of([]), [], false);
        var outcome = Outcome(attempt, "ok", hit.Tokens, false, null, cached: true);
        services.Metrics.Record(outcome);
        services.Writer.Enqueue(outcome);
    }

    private bool Refused(JsonElement root)
    {
        if (protocol == ApiProtocol.Anthropic)
        {
            return root.TryGetProperty("stop_reason", out var stop) && stop.ValueKind == JsonValueKind.String
                && stop.GetString() == "refusal";
        }

        if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array
            || choices.GetArrayLength() == 0)
        {
            return false;
        }

        var first = choices[0];
        return (first.TryGetProperty("message", out var message)
                && message.TryGetProperty("refusal", out var refusal) && refusal.ValueKind == JsonValueKind.String)
            || (first.TryGetProperty("finish_reason", out var finish) && finish.ValueKind == JsonValueKind.String
                && finish.GetString() == "content_filter");
    }

    private static string AnswerText(JsonElement root)
    {
        var text = new System.Text.StringBuilder();
        if (root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array)
        {
            foreach (var choice in choices.EnumerateArray())
            {
                if (choice.TryGetProperty("message", out var m) && m.TryGetProperty("content", out var c)
                    && c.ValueKind == JsonValueKind.String)
                {
                    text.Append(c.GetString());
                }
                else if (choice.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                {
                    text.Append(t.GetString());
                }
            }
        }
        else if (root.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array)
        {
            foreach (var block in content.EnumerateArray())
            {
                if (block.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                {
                    text.Append(t.GetString());
                }
            }
        }

        return text.ToString();
    }
}
