using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Frugal.Gateway.Tests.Fakes;

/// <summary>Where an event sits in a stream; the script's drop and error points count reply chunks.</summary>
internal enum StreamPart
{
    /// <summary>Before the reply text (OpenAI's role chunk, Anthropic's message_start).</summary>
    Opening,

    /// <summary>One chunk of the reply text.</summary>
    Text,

    /// <summary>After the reply text (finish reason, usage, [DONE], message_stop).</summary>
    Closing,
}

/// <summary>
/// The events of one streamed reply, framed as server-sent events or NDJSON lines, and the pump that sends them
/// with the script's delays, corruption, in-stream error and dropped connection.
/// </summary>
internal sealed class WireStream
{
    /// <summary>Compact JSON that leaves non-ASCII text readable, as the real servers send it.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly TimeSpan DropGrace = TimeSpan.FromMilliseconds(50);

    private readonly List<(string Frame, StreamPart Part)> frames = [];
    private readonly bool ndjson;
    private readonly FakeScript script;
    private bool corrupted;

    private WireStream(bool ndjson, FakeScript script)
    {
        this.ndjson = ndjson;
        this.script = script;
    }

    /// <summary>The frame sent, when the script asks for it, in place of the rest of the stream.</summary>
    public string? ErrorFrame { get; set; }

    /// <summary>A stream of <c>event:</c>/<c>data:</c> frames (text/event-stream).</summary>
    public static WireStream Sse(FakeScript script) => new(ndjson: false, script);

    /// <summary>A stream of one JSON object a line (application/x-ndjson).</summary>
    public static WireStream Ndjson(FakeScript script) => new(ndjson: true, script);

    /// <summary>Frames a JSON payload the way this stream frames every event.</summary>
    public string Frame(JsonNode data, string? eventName = null) => Frame(Serialize(data), eventName);

    /// <summary>Adds an event before the reply text.</summary>
    public void Opening(JsonNode data, string? eventName = null) =>
        frames.Add((Frame(data, eventName), StreamPart.Opening));

    /// <summary>Adds a chunk of reply text; the first one is cut short when the script asks for invalid JSON.</summary>
    public void Text(JsonNode data, string? eventName = null)
    {
        var json = Serialize(data);
        if (script.InvalidJson && !corrupted)
        {
            corrupted = true;
            json = json[..(json.Length / 2)];
        }

        frames.Add((Frame(json, eventName), StreamPart.Text));
    }

    /// <summary>Adds an event after the reply text.</summary>
    public void Closing(JsonNode data, string? eventName = null) =>
        frames.Add((Frame(data, eventName), StreamPart.Closing));

    /// <summary>Adds a frame written exactly as given (such as <c>data: [DONE]</c>).</summary>
    public void ClosingRaw(string frame) => frames.Add((frame, StreamPart.Closing));

    /// <summary>Sends the stream, honouring the script's chunk delay, in-stream error and dropped connection.</summary>
    public async Task SendAsync(HttpContext http)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ndjson ? "application/x-ndjson" : "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        await response.StartAsync(http.RequestAborted);

        var errorAt = IndexAfterText(script.StreamErrorAfterChunks);
        var dropAt = IndexAfterText(script.DropAfterChunks);
        var textsSent = 0;
        for (var i = 0; i <= frames.Count; i++)
        {
            if (i == errorAt && ErrorFrame is not null)
            {
                await WriteAsync(response, ErrorFrame, http.RequestAborted);
                return;
            }

            if (i == dropAt)
            {
                // Limitation: Kestrel throws away output not yet on the socket when a connection is aborted, so
                // the fake gives what it flushed time to leave before it drops the connection.
                await Task.Delay(DropGrace, http.RequestAborted);
                http.Abort();
                return;
            }

            if (i == frames.Count)
            {
                return;
            }

            var (frame, part) = frames[i];
            if (part == StreamPart.Text && textsSent++ > 0 && script.ChunkDelay > TimeSpan.Zero)
            {
                await Task.Delay(script.ChunkDelay, http.RequestAborted);
            }

            await WriteAsync(response, frame, http.RequestAborted);
        }
    }

    private static string Serialize(JsonNode data) => data.ToJsonString(JsonOptions);

    private static async Task WriteAsync(HttpResponse response, string frame, CancellationToken cancel)
    {
        await response.WriteAsync(frame, cancel);
        await response.Body.FlushAsync(cancel);
    }

    private string Frame(string json, string? eventName)
    {
        if (ndjson)
        {
            return json + "\n";
        }

        return eventName is null ? $"data: {json}\n\n" : $"event: {eventName}\ndata: {json}\n\n";
    }

    // The frame index just after the given number of reply chunks: with none, the first frame after the opening.
    private int IndexAfterText(int? chunks)
    {
        if (chunks is not int wanted)
        {
            return -1;
        }

        var index = frames.FindIndex(f => f.Part != StreamPart.Opening);
        index = index < 0 ? frames.Count : index;
        for (var seen = 0; index < frames.Count && seen < wanted && frames[index].Part == StreamPart.Text; seen++)
        {
            index++;
        }

        return index;
    }
}
