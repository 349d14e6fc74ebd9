using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Frugal.Gateway.Configuration;
using Frugal.Gateway.Protocols;
using Microsoft.AspNetCore.Http;

namespace Frugal.Gateway.Proxy;

/// <summary>
/// Forwards a request that costs nothing and uses no model time (Anthropic's token counting) to the first
/// Anthropic-speaking upstream serving the model; it is not metered. The caller still needs a valid key.
/// </summary>
internal sealed class PassThrough(GatewayServices services, HttpContext context)
{
    public async Task RunAsync(string path)
    {
        var secret = context.Request.Headers["x-api-key"].ToString().Trim();
        if (secret.Length == 0 && context.Request.Headers.Authorization.ToString() is { } auth
            && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            secret = auth[7..].Trim();
        }

        // The same rule as for calls: a key given must be active; none at all is allowed only with anonymousProject.
        var allowed = secret.Length == 0
            ? services.Options.AnonymousProject is not null
            : services.Keys.Find(secret) is not null
                || (services.Options.AnonymousProject is not null
                    && !secret.StartsWith(Security.VirtualKeys.Prefix, StringComparison.Ordinal));
        if (!allowed)
        {
            await Write(401, ApiErrors.Body(ApiProtocol.Anthropic, 401, "The key is not an active Frugal virtual key: "
                + "make one with `frugal key create --project NAME`.")).ConfigureAwait(false);
            return;
        }

        var body = await ReadAsync().ConfigureAwait(false);
        string? model;
        try
        {
            model = (JsonNode.Parse(body) as JsonObject)?["model"] is JsonValue m && m.TryGetValue(out string? s)
                ? s
                : null;
        }
        catch (System.Text.Json.JsonException e)
        {
            await Write(400, ApiErrors.Body(ApiProtocol.Anthropic, 400,
                $"The request body is not valid JSON ({e.Message})")).ConfigureAwait(false);
            return;
        }

        var upstream = services.Options.Upstreams.FirstOrDefault(u =>
            u.Protocols.Contains(ApiProtocol.Anthropic) && (model is null || u.Models.Contains(model)));
        if (upstream is null)
        {
            await Write(404, ApiErrors.Body(ApiProtocol.Anthropic, 404,
                $"No Anthropic upstream serves '{model}'.")).ConfigureAwait(false);
            return;
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, upstream.Address(path))
        {
            Content = new ByteArrayContent(body),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.TryAddWithoutValidation(GatewayInfo.HopHeader, "1");
        if (upstream.ApiKey() is { } key)
        {
            message.Headers.TryAddWithoutValidation("x-api-key", key);
        }

        message.Headers.TryAddWithoutValidation("anthropic-version",
            context.Request.Headers["anthropic-version"].ToString() is { Length: > 0 } v ? v : "2023-06-01");
        try
        {
            using var response = await services.Http.SendAsync(message, context.RequestAborted).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(context.RequestAborted).ConfigureAwait(false);
            await Write((int)response.StatusCode, bytes).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            await Write(502, ApiErrors.Body(ApiProtocol.Anthropic, 502,
                $"{upstream.Name} is unreachable ({e.Message}).")).ConfigureAwait(false);
        }
    }

    private async Task<byte[]> ReadAsync()
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private Task Write(int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
