using System.Text;
using System.Text.Json.Nodes;

namespace Frugal.Gateway.Protocols;

/// <summary>What routing and budgets need to know of a request body, read once.</summary>
/// <param name="Model">The model the caller named.</param>
/// <param name="Stream">Whether it asked for a stream.</param>
/// <param name="ClientWantsUsage">Whether a streaming OpenAI caller asked for the usage chunk.</param>
/// <param name="MaxOutputTokens">The output limit it set, or null.</param>
/// <param name="Temperature">Its temperature, or null.</param>
/// <param name="Tools">Whether it offers tools.</param>
/// <param name="Images">Whether any message holds an image.</param>
/// <param name="Reasoning">Whether it asks for extended reasoning.</param>
/// <param name="Messages">How many messages it holds.</param>
/// <param name="Text">The text of its prompt (messages, system, prompt, input), for estimates.</param>
public sealed record RequestTraits(
    string? Model,
    bool Stream,
    bool ClientWantsUsage,
    long? MaxOutputTokens,
    double? Temperature,
    bool Tools,
    bool Images,
    bool Reasoning,
    int Messages,
    string Text)
{
    /// <summary>Reads the traits of a request body of either API.</summary>
    public static RequestTraits Of(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = new StringBuilder();
        var images = false;
        var messages = 0;
        if (body["messages"] is JsonArray list)
        {
            messages = list.Count;
            foreach (var message in list)
            {
                images |= Collect(message?["content"], text);
            }
        }

        Collect(body["system"], text);
        Collect(body["prompt"], text);
        Collect(body["input"], text);
        var streamOptions = body["stream_options"] as JsonObject;
        return new RequestTraits(
            Str(body["model"]),
            Bool(body["stream"]) ?? false,
            Bool(streamOptions?["include_usage"]) ?? false,
            Long(body["max_completion_tokens"]) ?? Long(body["max_tokens"]),
            Double(body["temperature"]),
            body["tools"] is JsonArray { Count: > 0 } || body["functions"] is JsonArray { Count: > 0 },
            images,
            body["reasoning_effort"] is not null || body["thinking"] is JsonObject || body["reasoning"] is not null,
            messages,
            text.ToString());
    }

    /// <summary>Appends the text of a content value; true when it holds an image.</summary>
    private static bool Collect(JsonNode? content, StringBuilder text)
    {
        switch (content)
        {
            case JsonValue value when value.TryGetValue(out string? s):
                text.Append(s).Append('\n');
                return false;
            case JsonArray parts:
                var image = false;
                foreach (var part in parts)
                {
                    if (part is JsonObject o)
                    {
                        var type = Str(o["type"]);
                        image |= type is "image_url" or "image" or "input_image";
                        if (Str(o["text"]) is { } t)
                        {
                            text.Append(t).Append('\n');
                        }
                        else if (o["content"] is { } nested)
                        {
                            image |= Collect(nested, text);
                        }
                    }
                    else
                    {
                        image |= Collect(part, text);
                    }
                }

                return image;
            default:
                return false;
        }
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private static bool? Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue(out bool b) ? b : null;

    private static long? Long(JsonNode? node) => node is JsonValue v && v.TryGetValue(out long l) ? l : null;

    private static double? Double(JsonNode? node) => node is JsonValue v && v.TryGetValue(out double d) ? d : null;
}
