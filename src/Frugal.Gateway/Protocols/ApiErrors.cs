using System.Text.Json;
using Frugal.Gateway.Configuration;

namespace Frugal.Gateway.Protocols;

/// <summary>Error bodies in each API's own shape, so callers' SDKs raise their usual errors.</summary>
public static class ApiErrors
{
    /// <summary>
    /// The body of an error: OpenAI's <c>{"error": {"message", "type", "param", "code"}}</c> or Anthropic's
    /// <c>{"type": "error", "error": {"type", "message"}}</c>.
    /// </summary>
    public static byte[] Body(ApiProtocol protocol, int status, string message, string? code = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (protocol == ApiProtocol.Anthropic)
            {
                json.WriteString("type", "error");
                json.WriteStartObject("error");
                json.WriteString("type", AnthropicType(status));
                json.WriteString("message", message);
                json.WriteEndObject();
            }
            else
            {
                json.WriteStartObject("error");
                json.WriteString("message", message);
                json.WriteString("type", OpenAIType(status));
                json.WriteNull("param");
                if (code is null)
                {
                    json.WriteNull("code");
                }
                else
                {
                    json.WriteString("code", code);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string OpenAIType(int status) => status switch
    {
        400 or 404 or 413 => "invalid_request_error",
        401 => "authentication_error",
        403 => "permission_error",
        429 => "insufficient_quota",
        _ => "server_error",
    };

    private static string AnthropicType(int status) => status switch
    {
        400 or 413 => "invalid_request_error",
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        529 => "overloaded_error",
        _ => "api_error",
    };
}
