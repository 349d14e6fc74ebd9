using System.Net;
using Shouldly;

namespace Frugal.Gateway.Tests.Fakes;

public sealed partial class FakeUpstreamTests
{
    private const string Messages =
        """{"model":"claude-sonnet-4-5","max_tokens":256,"messages":[{"role":"user","content":"Hi"}]}""";

    private const string MessagesStream =
        """{"model":"claude-sonnet-4-5","max_tokens":256,"stream":true,"messages":[{"role":"user","content":"Hi"}]}""";

    private static readonly (string, string) Version = ("anthropic-version", "2023-06-01");

    [Fact]
    public async Task AnthropicMessages_NonStreaming_InputTokensLeaveOutTheCacheFields()
    {
        var script = new FakeScript
        {
            ReplyText = "Hello",
            PromptTokens = 1000,
            CachedTokens = 700,
            CacheCreationTokens = 200,
            CompletionTokens = 30,
        };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Anthropic, script);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/messages", Messages, Version);

        var body = await WireReader.ReadJsonAsync(response);
        body["type"]!.ToString().ShouldBe("message");
        body["content"]![0]!["text"]!.ToString().ShouldBe("Hello");
        body["stop_reason"]!.ToString().ShouldBe("end_turn");
        var usage = body["usage"]!;
        ((int)usage["input_tokens"]!).ShouldBe(100);
        ((int)usage["cache_read_input_tokens"]!).ShouldBe(700);
        ((int)usage["cache_creation_input_tokens"]!).ShouldBe(200);
        ((int)usage["output_tokens"]!).ShouldBe(30);
        response.Headers.Contains("request-id").ShouldBeTrue();
    }

    [Fact]
    public async Task AnthropicMessages_WithoutVersionHeader_Answers400AsTheRealApiDoes()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Anthropic);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/messages", Messages);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await WireReader.ReadJsonAsync(response);
        body["type"]!.ToString().ShouldBe("error");
        body["error"]!["type"]!.ToString().ShouldBe("invalid_request_error");
        body["error"]!["message"]!.ToString().ShouldContain("anthropic-version");
    }

    [Theory]
    [InlineData("x-api-key", "k")]
    [InlineData("Authorization", "Bearer k")]
    public async Task AnthropicMessages_KeyInEitherHeader_IsAccepted(string header, string value)
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Anthropic, new FakeScript { RequiredKey = "k" });
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/messages", Messages, Version, (header, value));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnthropicMessages_Stream_SendsTheEventsInTheRealOrderWithCumulativeUsage()
    {
        var script = new FakeScript { ReplyText = "abcdef", ChunkCount = 3, PromptTokens = 50, CompletionTokens = 9 };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Anthropic, script);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/messages", MessagesStream, Version);

        var events = await WireReader.ReadSseAsync(response);
        events.Select(e => e.Name).ShouldBe(
        [
            "message_start", "content_block_start", "ping",
            "content_block_delta", "content_block_delta", "content_block_delta",
            "content_block_stop", "message_delta", "message_stop",
        ]);
        events.ShouldAllBe(e => e.Json["type"]!.ToString() == e.Name);
        var start = events[0].Json["message"]!["usage"]!;
        ((int)start["input_tokens"]!).ShouldBe(50);
        ((int)start["output_tokens"]!).ShouldBe(1);
        string.Concat(events.Where(e => e.Name == "content_block_delta").Select(e => (string?)e.Json["delta"]!["text"]))
            .ShouldBe("abcdef");
        ((int)events[7].Json["usage"]!["output_tokens"]!).ShouldBe(9);
        events[7].Json["delta"]!["stop_reason"]!.ToString().ShouldBe("end_turn");
    }

    [Fact]
    public async Task AnthropicMessages_OutputTokenSteps_SendsOneCumulativeDeltaPerStepAndStopsOnTheLast()
    {
        var script = new FakeScript { OutputTokenSteps = [3, 8, 15] };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Anthropic, script);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/messages", MessagesStream, Version);

        var deltas = (await WireReader.ReadSseAsync(response)).Where(e => e.Name == "message_delta").ToList();
        deltas.Select(e => (int)e.Json["usage"]!["output_tokens"]!).ShouldBe([3, 8, 15]);
        deltas[0].Json["delta"]!["stop_reason"].ShouldBeNull();
        deltas[2].Json["delta"]!["stop_reason"]!.ToString().ShouldBe("end_turn");
    }

    [Fact]
    public async Task AnthropicMessages_Refusal_StopsWithStopReasonRefusal()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Anthropic, new FakeScript { Refuse = true });
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var plain = await WireReader.PostAsync(client, "v1/messages", Messages, Version);
        using var streamed = await WireReader.PostAsync(client, "v1/messages", MessagesStream, Version);

        (await WireReader.ReadJsonAsync(plain))["stop_reason"]!.ToString().ShouldBe("refusal");
        var delta = (await WireReader.ReadSseAsync(streamed)).Single(e => e.Name == "message_delta");
        delta.Json["delta"]!["stop_reason"]!.ToString().ShouldBe("refusal");
    }

    [Fact]
    public async Task AnthropicMessages_StreamErrorAfterOneChunk_SendsAnOverloadedErrorEvent()
    {
        var script = new FakeScript { StreamErrorAfterChunks = 1 };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Anthropic, script);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/messages", MessagesStream, Version);

        var events = await WireReader.ReadSseAsync(response);
        events[^1].Name.ShouldBe("error");
        events[^1].Json["error"]!["type"]!.ToString().ShouldBe("overloaded_error");
        events.Count(e => e.Name == "content_block_delta").ShouldBe(1);
    }

    [Fact]
    public async Task AnthropicMessages_DropAfterAllText_NoMessageDeltaArrives()
    {
        var script = new FakeScript { ReplyText = "abc", ChunkCount = 3, DropAfterChunks = 3 };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Anthropic, script);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };
        using var response = await WireReader.PostAsync(client, "v1/messages", MessagesStream, Version);
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
        received.Count(l => l == "event: content_block_delta").ShouldBe(3);
        received.ShouldNotContain("event: message_delta");
    }

    [Fact]
    public async Task AnthropicError_Overloaded529_AnswersTheErrorEnvelope()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Anthropic, new FakeScript { ErrorStatus = 529 });
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/messages", Messages, Version);

        ((int)response.StatusCode).ShouldBe(529);
        var body = await WireReader.ReadJsonAsync(response);
        body["type"]!.ToString().ShouldBe("error");
        body["error"]!["type"]!.ToString().ShouldBe("overloaded_error");
    }
}
