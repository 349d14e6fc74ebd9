using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GatewayBench;

/// <summary>Options of <c>load</c>.</summary>
internal sealed record LoadOptions(
    Uri Url, int? Requests, double? DurationS, int Concurrency, bool Stream,
    IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, int Warmup, int TimeoutS)
{
    public static LoadOptions Parse(string[] args)
    {
        var reader = new ArgReader(args);
        Uri? url = null;
        int? requests = null, duration = null;
        int concurrency = 1, warmup = 0, timeoutS = 30;
        bool stream = false;
        string? bodyFile = null;
        var headers = new List<KeyValuePair<string, string>>();
        while (reader.NextName() is { } name)
        {
            switch (name)
            {
                case "--url": url = LoopbackUrl(reader.Value(name)); break;
                case "--requests": requests = reader.Int(name, 1, 10_000_000); break;
                case "--duration": duration = reader.Int(name, 1, 3_600); break;
                case "--concurrency": concurrency = reader.Int(name, 1, 1_024); break;
                case "--stream": stream = true; break;
                case "--header": headers.Add(Header(reader.Value(name))); break;
                case "--body": bodyFile = reader.Value(name); break;
                case "--warmup": warmup = reader.Int(name, 0, 1_000_000); break;
                case "--timeout-s": timeoutS = reader.Int(name, 1, 600); break;
                default: throw new UsageException($"unknown option {name} for load");
            }
        }
        if (url is null)
        {
            throw new UsageException("load needs --url");
        }
        if (requests is null == duration is null)
        {
            throw new UsageException("load needs exactly one of --requests N and --duration S");
        }
        byte[] body = bodyFile is null ? DefaultBody(stream) : File.ReadAllBytes(bodyFile);
        return new LoadOptions(url, requests, duration, concurrency, stream, headers, body, warmup, timeoutS);
    }

    /// <summary>A small chat request for mock-model; a stream asks for the usage chunk.</summary>
    private static byte[] DefaultBody(bool stream) => Encoding.UTF8.GetBytes(
        "{\"model\":\"mock-model\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}],\"max_tokens\":16"
        + (stream ? ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}" : "}"));

    private static KeyValuePair<string, string> Header(string text)
    {
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0
            ? throw new UsageException($"--header takes NAME:VALUE, not '{text}'")
            : new(text[..colon].Trim(), text[(colon + 1)..].Trim());
    }

    /// <summary>Only loopback addresses are measured: the benchmark aims at servers it started itself.</summary>
    private static Uri LoopbackUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? url) || url.Scheme != Uri.UriSchemeHttp)
        {
            throw new UsageException($"--url must be an http:// URL, not '{text}'");
        }
        bool loopback = url.IsLoopback && (url.HostNameType != UriHostNameType.Dns || url.Host == "localhost");
        return loopback ? url : throw new UsageException($"--url must be on 127.0.0.1, ::1 or localhost: {text}");
    }
}

/// <summary>
/// Sends POST requests from one shared HttpClient, C at a time, and measures each one's total time (until the
/// body's last byte) and time to first byte (the first body byte read). An error is a non-2xx status, a failed
/// or timed-out request, a stream that does not end in <c>data: [DONE]</c>, or a non-stream body without
/// <c>"choices"</c>; errors are counted and reported, their times left out of the percentiles.
/// </summary>
internal static class Load
{
    private const int BufferSize = 64 * 1024;
    private const int Tail = 64;
    private static readonly JavaScriptEncoder Relaxed = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static async Task<int> RunAsync(LoadOptions options)
    {
        using var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = options.Concurrency,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(options.TimeoutS) };
        if (options.Warmup > 0)
        {
            await PhaseAsync(client, options, options.Warmup, null).ConfigureAwait(false);
        }
        long start = Stopwatch.GetTimestamp();
        Worker[] workers = await PhaseAsync(client, options, options.Requests, options.DurationS).ConfigureAwait(false);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        WriteResult(options, workers, seconds);
        return 0;
    }

    private static async Task<Worker[]> PhaseAsync(
        HttpClient client, LoadOptions options, int? count, double? durationS)
    {
        var issued = new StrongBox(count ?? 0);
        long deadline = durationS is { } s
            ? Stopwatch.GetTimestamp() + (long)(s * Stopwatch.Frequency)
            : long.MaxValue;
        Worker[] workers = [.. Enumerable.Range(0, options.Concurrency).Select(_ => new Worker())];
        await Task.WhenAll(workers.Select(w => Task.Run(async () =>
        {
            while (count is null ? Stopwatch.GetTimestamp() < deadline : issued.TakeOne())
            {
                await w.SendAsync(client, options).ConfigureAwait(false);
            }
        }))).ConfigureAwait(false);
        return workers;
    }

    private static void WriteResult(LoadOptions options, Worker[] workers, double seconds)
    {
        double[] totals = [.. workers.SelectMany(w => w.TotalMs)];
        double[] firsts = [.. workers.SelectMany(w => w.FirstByteMs)];
        Array.Sort(totals);
        Array.Sort(firsts);
        int errors = workers.Sum(w => w.Errors);
        using Stream stdout = Console.OpenStandardOutput();
        using (var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Encoder = Relaxed }))
        {
            json.WriteStartObject();
            json.WriteNumber("requests", totals.Length + errors);
            json.WriteNumber("errors", errors);
            json.WriteNumber("seconds", Math.Round(seconds, 3));
            json.WriteNumber("rps", Math.Round(totals.Length / seconds, 1));
            Percentile(json, "p50Ms", totals, 50);
            Percentile(json, "p90Ms", totals, 90);
            Percentile(json, "p99Ms", totals, 99);
            Percentile(json, "ttfbP50Ms", firsts, 50);
            Percentile(json, "ttfbP99Ms", firsts, 99);
            Percentile(json, "maxMs", totals, 100);
            json.WriteNumber("concurrency", options.Concurrency);
            json.WriteBoolean("stream", options.Stream);
            string? firstError = workers.Select(w => w.FirstError).FirstOrDefault(e => e is not null);
            if (firstError is null)
            {
                json.WriteNull("firstError");
            }
            else
            {
                json.WriteString("firstError", firstError);
            }
            json.WriteEndObject();
        }
        stdout.Write("\n"u8);
    }

    /// <summary>Nearest-rank percentile of sorted values, in ms; null when there are none.</summary>
    private static void Percentile(Utf8JsonWriter json, string name, double[] sorted, int p)
    {
        if (sorted.Length == 0)
        {
            json.WriteNull(name);
            return;
        }
        int rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        json.WriteNumber(name, Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)], 3));
    }

    /// <summary>A count of requests still to send, shared by the workers.</summary>
    private sealed class StrongBox(int left)
    {
        private int _left = left;

        public bool TakeOne() => Interlocked.Decrement(ref _left) >= 0;
    }

    /// <summary>One sequential sender and what it measured.</summary>
    private sealed class Worker
    {
        private static readonly MediaTypeHeaderValue Json = new("application/json");
        private readonly byte[] _buffer = new byte[BufferSize];

        public List<double> TotalMs { get; } = [];
        public List<double> FirstByteMs { get; } = [];
        public int Errors { get; private set; }
        public string? FirstError { get; private set; }

        public async Task SendAsync(HttpClient client, LoadOptions options)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, options.Url)
            {
                Version = HttpVersion.Version11,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                Content = new ByteArrayContent(options.Body),
            };
            request.Content.Headers.ContentType = Json;
            foreach ((string name, string value) in options.Headers)
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
                }
                else
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }
            }

            long start = Stopwatch.GetTimestamp();
            try
            {
                using HttpResponseMessage response = await client
                    .SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                using Stream body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                int filled = await body.ReadAsync(_buffer).ConfigureAwait(false);
                long firstByte = Stopwatch.GetTimestamp();
                bool overflowed = false;
                int read = filled;
                while (read > 0)
                {
                    if (filled == _buffer.Length)
                    {
                        _buffer.AsSpan(filled - Tail).CopyTo(_buffer);
                        filled = Tail;
                        overflowed = true;
                    }
                    read = await body.ReadAsync(_buffer.AsMemory(filled)).ConfigureAwait(false);
                    filled += read;
                }
                long end = Stopwatch.GetTimestamp();

                ReadOnlySpan<byte> text = _buffer.AsSpan(0, filled);
                string? error = !response.IsSuccessStatusCode ? $"HTTP {(int)response.StatusCode}"
                    : options.Stream && !text.TrimEnd("\r\n "u8).EndsWith("data: [DONE]"u8)
                        ? "stream did not end with data: [DONE]"
                    : !options.Stream && !overflowed && text.IndexOf("\"choices\""u8) < 0 ? "no \"choices\" in body"
                    : null;
                if (error is not null)
                {
                    Fail($"{error}: {Encoding.UTF8.GetString(text[..Math.Min(filled, 300)])}");
                    return;
                }
                TotalMs.Add(Stopwatch.GetElapsedTime(start, end).TotalMilliseconds);
                FirstByteMs.Add(Stopwatch.GetElapsedTime(start, firstByte).TotalMilliseconds);
            }
            catch (HttpRequestException e)
            {
                Fail($"{e.GetType().Name}: {e.Message}");
            }
            catch (TaskCanceledException e)
            {
                Fail($"timed out after {options.TimeoutS} s: {e.Message}");
            }
            catch (IOException e)
            {
                Fail($"{e.GetType().Name}: {e.Message}");
            }
        }

        private void Fail(string message)
        {
            Errors++;
            FirstError ??= message;
        }
    }
}
