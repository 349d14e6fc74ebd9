using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Frugal.Gateway.Tests.Fakes;

/// <summary>One server-sent event: its <c>event:</c> name, its <c>data:</c> text, and any other field.</summary>
internal sealed record SseEvent(string? Name, string? Data, string? OtherField, string? OtherValue)
{
    /// <summary>The data parsed as JSON.</summary>
    public JsonNode Json => JsonNode.Parse(Data ?? throw new InvalidOperationException("The event has no data."))!;
}

/// <summary>Helpers that talk to a fake with a plain <see cref="HttpClient"/> and read what comes back.</summary>
internal static class WireReader
{
    /// <summary>Posts a JSON body, returning once the headers arrive so a stream can be read as it comes.</summary>
    public static Task<HttpResponseMessage> PostAsync(
        HttpClient client, string path, string json, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var cancel = TestContext.Current.CancellationToken;
        return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
    }

    /// <summary>Reads a whole server-sent-event body into its events.</summary>
    public static async Task<IReadOnlyList<SseEvent>> ReadSseAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return ParseSse(text);
    }

    /// <summary>Splits server-sent-event text into events: blank-line separated <c>field: value</c> lines.</summary>
    public static IReadOnlyList<SseEvent> ParseSse(string text)
    {
        var events = new List<SseEvent>();
        foreach (var block in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? name = null, data = null, otherField = null, otherValue = null;
            foreach (var line in block.Split('\n'))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var (field, value) = (line[..colon], line[(colon + 1)..].TrimStart());
                switch (field)
                {
                    case "event":
                        name = value;
                        break;
                    case "data":
                        data = value;
                        break;
                    default:
                        (otherField, otherValue) = (field, value);
                        break;
                }
            }

            events.Add(new SseEvent(name, data, otherField, otherValue));
        }

        return events;
    }

    /// <summary>Reads an NDJSON body into its objects.</summary>
    public static async Task<IReadOnlyList<JsonNode>> ReadNdjsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!)];
    }

    /// <summary>Reads a JSON body.</summary>
    public static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
}
