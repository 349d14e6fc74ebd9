using System.Text.Json.Nodes;

namespace Frugal.Gateway.Tests.Fakes;

/// <summary>Each server's own error bodies, for HTTP errors, refused keys and errors inside a stream.</summary>
internal static class WireErrors
{
    /// <summary>The body a server answers an HTTP error with.</summary>
    public static JsonNode Http(FakeKind kind, string path, int status, string message) => kind switch
    {
        FakeKind.Anthropic => Anthropic(AnthropicType(status), message),
        FakeKind.Ollama when !path.StartsWith("/v1/", StringComparison.Ordinal) =>
            new JsonObject { ["error"] = message },
        FakeKind.Ollama => OpenAiShape(message, OllamaType(status), code: null),
        FakeKind.LlamaCpp => LlamaCpp(status, message),
        FakeKind.Vllm => OpenAiShape(message, VllmType(status), code: status),
        FakeKind.LoLLMs => new JsonObject { ["detail"] = message },
        _ => OpenAiShape(message, OpenAiType(status), OpenAiCode(status)),
    };

    /// <summary>The 401 body for a missing or wrong key.</summary>
    public static JsonNode Unauthorized(FakeKind kind, string path, bool keyMissing) => kind switch
    {
        FakeKind.Anthropic => Anthropic(
            "authentication_error", keyMissing ? "x-api-key header is required" : "invalid x-api-key"),
        FakeKind.OpenAI => OpenAiShape(
            keyMissing ? "You didn't provide an API key." : "Incorrect API key provided.",
            "invalid_request_error",
            keyMissing ? null : "invalid_api_key"),
        FakeKind.LlamaCpp => LlamaCpp(401, "Invalid API Key"),
        FakeKind.Vllm => new JsonObject { ["error"] = "Unauthorized" },
        FakeKind.LoLLMs => new JsonObject { ["detail"] = keyMissing ? "API Key is required." : "Invalid API Key." },
        _ => Http(kind, path, 401, "unauthorized"),
    };

    /// <summary>Anthropic's error envelope.</summary>
    public static JsonObject Anthropic(string type, string message) => new()
    {
        ["type"] = "error",
        ["error"] = new JsonObject { ["type"] = type, ["message"] = message },
    };

    /// <summary>The OpenAI error envelope (also Ollama's /v1 and vLLM's, with their own types and codes).</summary>
    public static JsonObject OpenAiShape(string message, string type, JsonNode? code) => new()
    {
        ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = code },
    };

    /// <summary>llama-server's error envelope: code, message and type.</summary>
    public static JsonObject LlamaCpp(int status, string message) => new()
    {
        ["error"] = new JsonObject { ["code"] = status, ["message"] = message, ["type"] = LlamaCppType(status) },
    };

    private static string AnthropicType(int status) => status switch
    {
        400 => "invalid_request_error",
        401 => "authentication_error",
        402 => "billing_error",
        403 => "permission_error",
        404 => "not_found_error",
        413 => "request_too_large",
        429 => "rate_limit_error",
        504 => "timeout_error",
        529 => "overloaded_error",
        _ => "api_error",
    };

    private static string OpenAiType(int status) => status switch
    {
        429 => "requests",
        >= 500 => "server_error",
        _ => "invalid_request_error",
    };

    private static string? OpenAiCode(int status) => status switch
    {
        401 => "invalid_api_key",
        404 => "model_not_found",
        429 => "rate_limit_exceeded",
        _ => null,
    };

    private static string OllamaType(int status) => status switch
    {
        400 => "invalid_request_error",
        404 => "not_found_error",
        _ => "api_error",
    };

    private static string VllmType(int status) => status switch
    {
        400 => "BadRequestError",
        401 => "Unauthorized",
        404 => "NotFoundError",
        429 => "TooManyRequests",
        503 => "ServiceUnavailable",
        _ => "InternalServerError",
    };

    private static string LlamaCppType(int status) => status switch
    {
        400 => "invalid_request_error",
        401 => "authentication_error",
        404 => "not_found_error",
        501 => "not_supported_error",
        503 => "unavailable_error",
        _ => "server_error",
    };
}
