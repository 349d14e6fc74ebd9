using System.Net;
using System.Text.Json;
using Shouldly;

namespace Frugal.Gateway.Tests.Fakes;

/// <summary>The fakes exercised directly: the script's knobs, then each protocol (the other partial files).</summary>
public sealed partial class FakeUpstreamTests
{
    private const string Chat = """{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}]}""";

    private const string ChatStream =
        """{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"Hi"}]}""";

    private const string ChatStreamWithUsage = """
        {"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},
         "messages":[{"role":"user","content":"Hi"}]}
        """;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(FakeKind.OpenAI)]
    [InlineData(FakeKind.Anthropic)]
    [InlineData(FakeKind.Ollama)]
    [InlineData(FakeKind.LlamaCpp)]
    [InlineData(FakeKind.Vllm)]
    [InlineData(FakeKind.LoLLMs)]
    public async Task StartAsync_AnyKind_ListensOnLoopbackWithoutV1Suffix(FakeKind kind)
    {
        await using var fake = await FakeUpstream.StartAsync(kind);

        fake.BaseUrl.Host.ShouldBe("127.0.0.1");
        fake.BaseUrl.Port.ShouldBeGreaterThan(0);
        fake.BaseUrl.AbsolutePath.ShouldBe("/");
    }

    [Fact]
    public async Task Requests_AfterACall_RecordMethodPathHeadersAndBody()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/chat/completions?x=1", Chat, ("X-Test", "yes"));

        var request = fake.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/v1/chat/completions");
        request.Query.ShouldBe("?x=1");
        request.Header("x-test").ShouldBe("yes");
        request.Json()["model"]!.ToString().ShouldBe("gpt-4o-mini");
        fake.CallCount.ShouldBe(1);
    }

    [Fact]
    public async Task ScriptForCall_FirstCallFailsSecondSucceeds_AnswersEachCallByItsNumber()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        fake.ScriptForCall = call => call == 1 ? new FakeScript { ErrorStatus = 503 } : null;
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var first = await WireReader.PostAsync(client, "v1/chat/completions", Chat);
        using var second = await WireReader.PostAsync(client, "v1/chat/completions", Chat);

        first.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Script_ReplacedBetweenCalls_TheNextCallUsesTheNewScript()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        fake.Script = new FakeScript { ReplyText = "second" };
        using var response = await WireReader.PostAsync(client, "v1/chat/completions", Chat);

        var body = await WireReader.ReadJsonAsync(response);
        body["choices"]![0]!["message"]!["content"]!.ToString().ShouldBe("second");
    }

    [Fact]
    public async Task ErrorStatus_429WithRetryAfter_AnswersOpenAisErrorBodyAndHeader()
    {
        var script = new FakeScript { ErrorStatus = 429, RetryAfter = TimeSpan.FromSeconds(2), ErrorMessage = "slow" };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, script);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/chat/completions", Chat);

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(2));
        var error = (await WireReader.ReadJsonAsync(response))["error"]!;
        error["message"]!.ToString().ShouldBe("slow");
        error["type"]!.ToString().ShouldBe("requests");
        error["code"]!.ToString().ShouldBe("rate_limit_exceeded");
    }

    [Theory]
    [InlineData(FakeKind.OpenAI, "v1/chat/completions", """{"error":{"message":"Incorrect API key provided.""")]
    [InlineData(FakeKind.Anthropic, "v1/messages", """{"type":"error","error":{"type":"authentication_error""")]
    [InlineData(FakeKind.LlamaCpp, "v1/chat/completions", """{"error":{"code":401,"message":"Invalid API Key""")]
    [InlineData(FakeKind.Vllm, "v1/chat/completions", """{"error":"Unauthorized"}""")]
    [InlineData(FakeKind.LoLLMs, "v1/chat/completions", """{"detail":"Invalid API Key."}""")]
    [InlineData(FakeKind.Ollama, "api/chat", """{"error":"unauthorized"}""")]
    public async Task RequiredKey_WrongKey_Answers401InTheProtocolsShape(FakeKind kind, string path, string bodyStart)
    {
        await using var fake = await FakeUpstream.StartAsync(kind, new FakeScript { RequiredKey = "right" });
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(
            client, path, Chat, ("Authorization", "Bearer wrong"), ("anthropic-version", "2023-06-01"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldStartWith(bodyStart);
    }

    [Fact]
    public async Task RequiredKey_RightBearerKey_Answers200()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, new FakeScript { RequiredKey = "k" });
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        var auth = ("Authorization", "Bearer k");

        using var response = await WireReader.PostAsync(client, "v1/chat/completions", Chat, auth);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task InvalidJson_NonStreaming_Answers200WithABodyThatDoesNotParse()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, new FakeScript { InvalidJson = true });
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/chat/completions", Chat);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Should.Throw<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task InvalidJson_Streaming_TheFirstTextChunkDoesNotParse()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, new FakeScript { InvalidJson = true });
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/chat/completions", ChatStream);

        var events = await WireReader.ReadSseAsync(response);
        Should.Throw<JsonException>(() => JsonDocument.Parse(events[1].Data!));
        events[^1].Data.ShouldBe("[DONE]");
    }

    [Fact]
    public async Task DropAfterChunks_Two_TheClientGetsTwoChunksThenABrokenConnection()
    {
        var script = new FakeScript { ReplyText = "abcdef", ChunkCount = 3, DropAfterChunks = 2 };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, script);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };
        using var response = await WireReader.PostAsync(client, "v1/chat/completions", ChatStreamWithUsage);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Cancel));
        var received = new List<string>();

        var failure = await Record.ExceptionAsync(async () =>
        {
            while (await reader.ReadLineAsync(Cancel) is string line)
            {
                received.Add(line);
            }
        });

        failure.ShouldBeAssignableTo<IOException>();
        var texts = received.Where(l => l.Contains("\"content\":\"", StringComparison.Ordinal)).ToList();
        texts.Count.ShouldBe(3); // the role chunk's empty content, then "ab" and "cd"
        received.ShouldNotContain(l => l.Contains("[DONE]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FirstByteDelay_Set_HeadersArriveNoSoonerThanTheDelay()
    {
        var delay = TimeSpan.FromMilliseconds(150);
        var script = new FakeScript { FirstByteDelay = delay };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, script);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };
        var started = TimeProvider.System.GetTimestamp();

        using var response = await WireReader.PostAsync(client, "v1/chat/completions", ChatStream);

        TimeProvider.System.GetElapsedTime(started).ShouldBeGreaterThanOrEqualTo(delay - TimeSpan.FromMilliseconds(15));
    }

    [Fact]
    public async Task ChunkDelay_Set_TheStreamTakesAtLeastTheDelayBetweenChunks()
    {
        var script = new FakeScript { ChunkCount = 3, ChunkDelay = TimeSpan.FromMilliseconds(60) };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, script);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };
        var started = TimeProvider.System.GetTimestamp();

        using var response = await WireReader.PostAsync(client, "v1/chat/completions", ChatStream);
        await response.Content.ReadAsStringAsync(Cancel);

        TimeProvider.System.GetElapsedTime(started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(110));
    }

    [Theory]
    [InlineData(FakeKind.OpenAI, "v1/messages")]
    [InlineData(FakeKind.Anthropic, "v1/chat/completions")]
    [InlineData(FakeKind.LoLLMs, "v1/completions")]
    [InlineData(FakeKind.Ollama, "api/nothing")]
    public async Task UnknownEndpoint_ForTheKind_Answers404(FakeKind kind, string path)
    {
        await using var fake = await FakeUpstream.StartAsync(kind);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, path, Chat, ("anthropic-version", "2023-06-01"));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        fake.CallCount.ShouldBe(0);
    }

    [Fact]
    public async Task RequestBody_NotJson_Answers400()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Vllm);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/chat/completions", "{not json");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await WireReader.ReadJsonAsync(response))["error"]!["type"]!.ToString().ShouldBe("BadRequestError");
    }
}
