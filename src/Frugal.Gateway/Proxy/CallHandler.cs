using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Frugal.Domain.Budgets;
using Frugal.Domain.Usage;
using Frugal.Gateway.Caching;
using Frugal.Gateway.Configuration;
using Frugal.Gateway.Metering;
using Frugal.Gateway.Protocols;
using Frugal.Gateway.Routing;
using Microsoft.AspNetCore.Http;

namespace Frugal.Gateway.Proxy;

/// <summary>
/// Handles one model call: who is calling, where it may go, its worst case held against every budget, the call
/// forwarded (and escalated once on failure), its usage read, its hold settled or released on every ending, and
/// the call written to the ledger.
/// </summary>
internal sealed partial class CallHandler(GatewayServices services, HttpContext context, ApiProtocol protocol,
    string path, string operation)
{
    private readonly long _startTimestamp = services.Time.GetTimestamp();
    private readonly DateTimeOffset _started = services.Time.GetUtcNow();
    private readonly string _requestId = "gw-" + Guid.NewGuid().ToString("N");
    private double? _firstByteMs;
    private double? _lastByteMs;

    private DateOnly Today => DateOnly.FromDateTime(_started.UtcDateTime);

    /// <summary>Runs the call.</summary>
    public async Task RunAsync()
    {
        context.Response.Headers["x-frugal-request-id"] = _requestId;
        if (context.Request.Headers.ContainsKey(GatewayInfo.HopHeader))
        {
            // A call this gateway (or another Frugal gateway) sent: an upstream points back at a gateway.
            await FailAsync(508, "The request already went through a Frugal gateway: an upstream's url points back "
                + "at a gateway. Fix that upstream's url in the configuration.", "loop_detected").ConfigureAwait(false);
            return;
        }

        if (Authenticate() is not { } caller)
        {
            return;
        }

        var (project, keyId) = caller;
        byte[] body;
        try
        {
            body = await ReadBodyAsync().ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await FailAsync(413, "The request is larger than the gateway's limit of "
                + $"{services.Options.MaxRequestBytes:N0} bytes: send less, or raise maxRequestBytes in the gateway "
                + "configuration.").ConfigureAwait(false);
            return;
        }

        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            await FailAsync(400, "The request body is not valid UTF-8: send JSON encoded as UTF-8.")
                .ConfigureAwait(false);
            return;
        }

        JsonObject request;
        RequestTraits traits;
        try
        {
            request = JsonNode.Parse(body) as JsonObject
                ?? throw new JsonException("The request body is not a JSON object.");
            traits = RequestTraits.Of(request);
        }
        catch (JsonException e)
        {
            await FailAsync(400, $"The request body is not valid JSON ({e.Message})").ConfigureAwait(false);
            return;
        }
        catch (ArgumentException e)
        {
            // JsonObject refuses a repeated property name.
            await FailAsync(400, $"The request body repeats a field ({e.Message}): send each field once.")
                .ConfigureAwait(false);
            return;
        }

        if (RequestProblem(request) is { } problem)
        {
            await FailAsync(400, problem).ConfigureAwait(false);
            return;
        }

        var promptEstimate = Math.Max(1, traits.Text.Length / 4);
        var embeddings = operation == "embeddings";
        var maxOutput = embeddings ? 0 : traits.MaxOutputTokens ?? services.Options.DefaultMaxOutputTokens;
        var policy = services.Options.Projects.GetValueOrDefault(project) ?? new ProjectPolicy(false);
        var plan = services.Router.Plan(protocol, traits, policy, promptEstimate, maxOutput);
        if (plan is null)
        {
            var known = string.Join(", ", services.Router.Models().Select(m => m.Id));
            await FailAsync(404, traits.Model is null
                ? $"The request names no model: set \"model\" to one of {known}."
                : $"The model '{traits.Model}' is not served by this gateway: use one of {known}.",
                "model_not_found").ConfigureAwait(false);
            return;
        }

        if (plan.Candidates.Count == 0)
        {
            await FailAsync(400, "No upstream may take this call: " + string.Join("; ", plan.RuledOut) + ".")
                .ConfigureAwait(false);
            return;
        }

        var changed = false;
        if (!embeddings && traits.MaxOutputTokens is null)
        {
            // The worst case a budget holds needs a bound on the output: the gateway sets the default limit.
            request["max_tokens"] = maxOutput;
            changed = true;
        }

        if (traits.Stream && protocol == ApiProtocol.OpenAI && !traits.ClientWantsUsage)
        {
            var options = request["stream_options"] as JsonObject ?? [];
            options["include_usage"] = true;
            request["stream_options"] = options;
            changed = true;
        }

        await RouteAsync(project, keyId, request, changed ? null : body, body.Length, traits, plan, maxOutput)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Tries the plan's targets. <paramref name="original"/> is the caller's body when the gateway changed nothing
    /// in it, sent as it came to a target of the model the caller named.
    /// </summary>
    private async Task RouteAsync(
        string project, string? keyId, JsonObject request, byte[]? original, long bodyBytes, RequestTraits traits,
        RoutePlan plan, long maxOutput)
    {
        var cacheable = Cacheable(traits);
        BudgetDenial? denial = null;
        string? failure = null;
        var attempts = 0;
        for (var i = 0; i < plan.Candidates.Count && attempts < 2; i++)
        {
            var target = plan.Candidates[i];
            byte[] upstreamBody;
            var native = OllamaNative.Applies(target.Upstream, protocol, path, traits, request);
            if (native)
            {
                upstreamBody = OllamaNative.Request(request, target.Model, traits.Stream);
            }
            else if (original is not null && target.Model == traits.Model)
            {
                upstreamBody = original;
            }
            else
            {
                request["model"] = target.Model;
                upstreamBody = JsonSerializer.SerializeToUtf8Bytes(request, GatewayJson.Default.JsonObject);
            }

            string? cacheKey = null;
            if (cacheable)
            {
                // Anthropic's version and beta headers change answers too: they are part of the key.
                var headers = context.Request.Headers;
                var variant = $"{target.Model}\n{headers["anthropic-version"]}\n{headers["anthropic-beta"]}";
                cacheKey = ResponseCache.Key(path, project, target.Upstream.Name, variant, upstreamBody);
                if (services.Cache.Get(cacheKey, services.Time.GetUtcNow()) is { } hit)
                {
                    await ServeCachedAsync(hit, target, project, keyId, plan.Route).ConfigureAwait(false);
                    return;
                }
            }

            var book = services.Budgets.Current();
            var worst = services.Pricing.Worst(target, bodyBytes, traits.Images ? CountImages(request) : 0, maxOutput,
                Today);
            if (!target.Upstream.Local && services.Pricing.PriceOf(target, Today) is null
                && book.Caps.Any(c => c.Usd is not null && Applies(c, project, keyId)))
            {
                failure = $"{target.Upstream.Name}/{target.Model} has no price, so a cost budget cannot hold it: add "
                    + "its price with a price file";
                continue;
            }

            var hold = book.TryHold(project, keyId, worst, services.Time.GetUtcNow(), out var refused);
            if (hold is null)
            {
                denial ??= refused;
                services.Metrics.Denied(project, refused!.Dimension);
                continue;
            }

            attempts++;
            var mayEscalate = attempts < 2 && i < plan.Candidates.Count - 1;
            var attempt = new Attempt(target, project, keyId, plan.Route, traits, upstreamBody, attempts > 1)
            {
                // Each try is its own ledger row: the second of an escalated call gets its own id.
                RequestId = attempts == 1 ? _requestId : $"{_requestId}-{attempts}",
                Native = native,
            };
            Result result;
            try
            {
                // With one target the upstream's own error reaches the caller; with several, a failed last try ends
                // in the gateway's 502 naming every failure.
                result = await ForwardAsync(attempt, mayEscalate || plan.Candidates.Count > 1, cacheKey)
                    .ConfigureAwait(false);
            }
            catch
            {
                book.Release(hold, services.Time.GetUtcNow());
                throw;
            }

            // Every try is settled to what it used (a failed one often nothing) and written to the ledger.
            var outcome = result.Outcome;
            book.Settle(hold, new BudgetAmount(outcome.CostUsd ?? 0, outcome.Tokens.TotalTokens,
                outcome.Energy?.Energy.MaxWh ?? 0), services.Time.GetUtcNow());
            services.Metrics.Record(outcome);
            services.Writer.Enqueue(outcome);
            if (result.Failure is null)
            {
                return;
            }

            failure = $"{target.Upstream.Name}/{target.Model}: {result.Failure}";
        }

        if (attempts == 0 && denial is not null)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(
                (denial.ResetsAt - services.Time.GetUtcNow()).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await FailAsync(429, denial.Message, "budget_exceeded").ConfigureAwait(false);
            return;
        }

        await FailAsync(502, $"No upstream answered: {failure}.").ConfigureAwait(false);
    }

    /// <summary>What is wrong with the fields the gateway relies on, or null.</summary>
    private static string? RequestProblem(JsonObject request)
    {
        if (request["model"] is not JsonValue model || !model.TryGetValue(out string? name) || name.Length == 0)
        {
            return "\"model\" is missing or not a string: name the model to call.";
        }

        if (request["stream"] is { } stream && (stream is not JsonValue s || !s.TryGetValue(out bool _)))
        {
            return "\"stream\" must be true or false.";
        }

        foreach (var field in (string[])["max_tokens", "max_completion_tokens"])
        {
            if (request[field] is { } limit
                && (limit is not JsonValue v || !v.TryGetValue(out long n) || n < 0 || n > MaxOutputLimit))
            {
                return $"\"{field}\" must be a whole number from 0 to {MaxOutputLimit:N0}.";
            }
        }

        return null;
    }

    /// <summary>The largest output limit a request may set (far beyond any model's).</summary>
    private const long MaxOutputLimit = 100_000_000;

    private static bool Applies(BudgetCap cap, string project, string? keyId) =>
        cap.Scope.Kind == BudgetScopeKind.Project ? cap.Scope.Name == project : cap.Scope.Name == keyId;

    private bool Cacheable(RequestTraits traits)
    {
        if (!services.Options.Cache.Enabled)
        {
            return false;
        }

        var header = context.Request.Headers["x-frugal-cache"].ToString();
        if (string.Equals(header, "off", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return string.Equals(header, "on", StringComparison.OrdinalIgnoreCase) || traits.Temperature == 0
            || operation == "embeddings";
    }

    private static int CountImages(JsonObject request)
    {
        var count = 0;
        if (request["messages"] is JsonArray messages)
        {
            foreach (var message in messages)
            {
                if (message?["content"] is JsonArray parts)
                {
                    count += parts.Count(p => p?["type"] is JsonValue t && t.TryGetValue(out string? s)
                        && s is "image_url" or "image" or "input_image");
                }
            }
        }

        return count;
    }

    private (string Project, string? KeyId)? Authenticate()
    {
        var headers = context.Request.Headers;
        string? secret = null;
        var authorization = headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            secret = authorization[7..].Trim();
        }
        else if (headers["x-api-key"].ToString() is { Length: > 0 } apiKey)
        {
            secret = apiKey.Trim();
        }

        if (!string.IsNullOrEmpty(secret))
        {
            if (services.Keys.Find(secret) is { } key)
            {
                return (key.Project, key.Id);
            }

            if (services.Options.AnonymousProject is null || secret.StartsWith(Security.VirtualKeys.Prefix,
                    StringComparison.Ordinal))
            {
                _ = FailAsync(401, "The key is not an active Frugal virtual key: make one with "
                    + "`frugal key create --project NAME`, or check that it was not revoked.", "invalid_api_key");
                return null;
            }
        }

        if (services.Options.AnonymousProject is { } anonymous)
        {
            return (anonymous, null);
        }

        _ = FailAsync(401, "No virtual key: send one as Authorization: Bearer KEY or x-api-key: KEY (make one with "
            + "`frugal key create --project NAME`), or set anonymousProject in the gateway configuration.",
            "invalid_api_key");
        return null;
    }

    private async Task<byte[]> ReadBodyAsync()
    {
        var request = context.Request;
        using var buffer = request.ContentLength is { } length and <= int.MaxValue
            ? new MemoryStream((int)length)
            : new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private Task FailAsync(int status, string message, string? code = null)
    {
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var body = ApiErrors.Body(protocol, status, message, code);
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private double ElapsedMs => services.Time.GetElapsedTime(_startTimestamp).TotalMilliseconds;

    private void NoteFirstByte() => _firstByteMs ??= ElapsedMs;

    /// <summary>Notes when the answer ended, so the call's latency leaves out the gateway's own metering.</summary>
    private void NoteLastByte() => _lastByteMs ??= ElapsedMs;

    private CallOutcome Outcome(Attempt attempt, string status, TokenCounts tokens, bool estimated,
        Domain.Energy.LocalTimings? timings, bool cached = false)
    {
        var latency = _lastByteMs ?? ElapsedMs;
        var target = attempt.Target;
        var cost = cached ? 0m : services.Pricing.Cost(target, tokens, Today);
        var energy = cached
            ? null
            : services.Pricing.Energy(target, tokens, timings, (_firstByteMs ?? latency) / 1000, latency / 1000, Today);
        return new CallOutcome
        {
            RequestId = attempt.RequestId ?? _requestId,
            Started = _started,
            Project = attempt.Project,
            KeyId = attempt.KeyId,
            Session = context.Request.Headers["x-frugal-session"].ToString() is { Length: > 0 } s ? s : null,
            Route = attempt.Route,
            Upstream = target.Upstream.Name,
            Local = target.Upstream.Local,
            Provider = services.Pricing.Provider(target, Today),
            Model = target.Model,
            Operation = operation,
            Status = status,
            Tokens = tokens,
            TokensEstimated = estimated,
            TimeToFirstByteMs = _firstByteMs,
            LatencyMs = latency,
            CostUsd = cost,
            Energy = energy,
            Timings = timings,
            Cached = cached,
            Streamed = attempt.Traits.Stream,
            Escalated = attempt.Escalated,
        };
    }

    /// <summary>One try of one target.</summary>
    private sealed record Attempt(
        RouteTarget Target, string Project, string? KeyId, string? Route, RequestTraits Traits, byte[] Body,
        bool Escalated)
    {
        /// <summary>The try's id in the ledger (the call's own id for the first try).</summary>
        public string? RequestId { get; init; }

        /// <summary>Whether it goes to Ollama's native chat API (translated both ways).</summary>
        public bool Native { get; init; }
    }

    /// <summary>
    /// How a try ended: the call to meter, and when the caller got no answer from it, why (the gateway then tries
    /// the next target, or answers 502).
    /// </summary>
    private sealed record Result(CallOutcome Outcome, string? Failure);
}
