using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Frugal.Gateway.Configuration;
using Frugal.Gateway.Protocols;

namespace Frugal.Gateway.Proxy;

/// <summary>
/// Relays a server-sent-event stream event by event as it arrives, reading the usage it carries on the way:
/// OpenAI's usage chunk (dropped when the caller did not ask for it, as the gateway forced it upstream), llama.cpp's
/// timings, and Anthropic's usage (the last cumulative value of each field). The text of every event is kept, up
/// to a bound, so tokens can be counted when no usage arrives.
/// </summary>
internal sealed class StreamRelay(ApiProtocol protocol, bool clientWantsUsage) : IStreamRelay
{
    private const int MaxKeptBytes = 8 * 1024 * 1024;
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    private readonly ArrayBufferWriter<byte> _pending = new(16 * 1024);
    private readonly StringBuilder _text = new();

    /// <summary>The usage read so far, or null.</summary>
    public ReportedUsage? Usage { get; private set; }

    /// <summary>The generated text seen so far (bounded), for counting tokens when no usage arrives.</summary>
    public string Text => _text.ToString();

    /// <summary>Whether the stream ended properly (OpenAI's <c>[DONE]</c> or Anthropic's
    /// <c>message_stop</c>).</summary>
    public bool Completed { get; private set; }

    /// <summary>
    /// Takes bytes read from upstream and writes the complete events among them to <paramref name="output"/>;
    /// a partial event waits for the rest.
    /// </summary>
    public void Push(ReadOnlySpan<byte> bytes, IBufferWriter<byte> output)
    {
        _pending.Write(bytes);
        var data = _pending.WrittenSpan;
        var consumed = 0;
        while (true)
        {
            var rest = data[consumed..];
            var end = IndexOfEventEnd(rest, out var separator);
            if (end < 0)
            {
                break;
            }

            var length = end + separator;
            Relay(rest[..length], output);
            consumed += length;
        }

        if (consumed > 0)
        {
            var left = data[consumed..].ToArray();
            _pending.Clear();
            _pending.Write(left);
        }
    }

    /// <summary>Writes whatever is left when the upstream closes (an event without its final blank line).</summary>
    public void End(IBufferWriter<byte> output)
    {
        if (_pending.WrittenCount > 0)
        {
            Relay(_pending.WrittenSpan, output);
            _pending.Clear();
        }
    }

    private static int IndexOfEventEnd(ReadOnlySpan<byte> data, out int separator)
    {
        var lf = data.IndexOf(EventEnd);
        var crlf = data.IndexOf("\r\n\r\n"u8);
        if (crlf >= 0 && (lf < 0 || crlf < lf))
        {
            separator = 4;
            return crlf;
        }

        separator = 2;
        return lf;
    }

    private void Relay(ReadOnlySpan<byte> evt, IBufferWriter<byte> output)
    {
        var payload = DataOf(evt);
        if (payload.IsEmpty)
        {
            output.Write(evt);
            return;
        }

        if (payload.SequenceEqual("[DONE]"u8))
        {
            Completed = true;
            output.Write(evt);
            return;
        }

        byte[]? rewritten = null;
        var keep = protocol == ApiProtocol.Anthropic ? ReadAnthropic(payload) : ReadOpenAI(payload, out rewritten);
        if (rewritten is not null)
        {
            output.Write("data: "u8);
            output.Write(rewritten);
            output.Write("\n\n"u8);
            return;
        }

        if (keep)
        {
            output.Write(evt);
        }
    }

    /// <summary>Reads an OpenAI chunk; false to drop it, or a rewritten payload without its usage.</summary>
    private bool ReadOpenAI(ReadOnlySpan<byte> payload, out byte[]? rewritten)
    {
        rewritten = null;
        var hasUsage = payload.IndexOf("\"usage\""u8) >= 0;
        var hasTimings = payload.IndexOf("\"timings\""u8) >= 0;
        JsonNode? node = null;
        try
        {
            if (hasUsage || hasTimings || _text.Length < MaxKeptBytes)
            {
                node = JsonNode.Parse(payload);
            }
        }
        catch (JsonException)
        {
            return true;
        }

        if (node is not JsonObject chunk)
        {
            return true;
        }

        KeepOpenAIText(chunk);
        if (!hasUsage && !hasTimings)
        {
            return true;
        }

        using (var document = JsonDocument.Parse(payload.ToArray()))
        {
            if (ReportedUsage.FromOpenAI(document.RootElement) is { } usage)
            {
                Usage = Usage is { TokensMissing: false } && usage.TokensMissing
                    ? Usage with { Timings = usage.Timings ?? Usage.Timings }
                    : usage with { Timings = usage.Timings ?? Usage?.Timings };
            }
        }

        if (clientWantsUsage || chunk["usage"] is null or JsonValue)
        {
            return true;
        }

        if (chunk["choices"] is JsonArray { Count: 0 })
        {
            return false;
        }

        chunk.Remove("usage");
        rewritten = Encoding.UTF8.GetBytes(chunk.ToJsonString());
        return true;
    }

    private void KeepOpenAIText(JsonObject chunk)
    {
        if (_text.Length >= MaxKeptBytes || chunk["choices"] is not JsonArray choices)
        {
            return;
        }

        foreach (var choice in choices)
        {
            if (choice?["delta"]?["content"] is JsonValue content && content.TryGetValue(out string? s))
            {
                _text.Append(s);
            }
            else if (choice?["text"] is JsonValue text && text.TryGetValue(out string? t))
            {
                _text.Append(t);
            }
        }
    }

    /// <summary>Reads an Anthropic event's usage and text; Anthropic events are always passed on.</summary>
    private bool ReadAnthropic(ReadOnlySpan<byte> payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement))
            {
                return true;
            }

            switch (typeElement.GetString())
            {
                case "message_start" when root.TryGetProperty("message", out var message)
                    && message.TryGetProperty("usage", out var start):
                    Usage = ReportedUsage.MergeCumulative(Usage, start);
                    break;
                case "message_delta" when root.TryGetProperty("usage", out var delta):
                    Usage = ReportedUsage.MergeCumulative(Usage, delta);
                    break;
                case "content_block_delta" when _text.Length < MaxKeptBytes
                    && root.TryGetProperty("delta", out var d):
                    if (d.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
                    {
                        _text.Append(text.GetString());
                    }
                    else if (d.TryGetProperty("partial_json", out var json) && json.ValueKind == JsonValueKind.String)
                    {
                        _text.Append(json.GetString());
                    }

                    break;
                case "message_stop":
                    Completed = true;
                    break;
            }
        }
        catch (JsonException)
        {
            // Not JSON: passed on as it came.
        }

        return true;
    }

    /// <summary>The payload of an event's <c>data:</c> lines (the first one; chunks put JSON on one line).</summary>
    private static ReadOnlySpan<byte> DataOf(ReadOnlySpan<byte> evt)
    {
        var start = 0;
        while (start < evt.Length)
        {
            var lineEnd = evt[start..].IndexOf((byte)'\n');
            var line = lineEnd < 0 ? evt[start..] : evt.Slice(start, lineEnd);
            if (line.Length > 0 && line[^1] == '\r')
            {
                line = line[..^1];
            }

            if (line.StartsWith("data:"u8))
            {
                var data = line[5..];
                return data.Length > 0 && data[0] == ' ' ? data[1..] : data;
            }

            if (lineEnd < 0)
            {
                break;
            }

            start += lineEnd + 1;
        }

        return [];
    }
}
