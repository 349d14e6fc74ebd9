using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Text.Json;
using Anthropic;
using Anthropic.Models.Messages;
using Frugal.Gateway.Tests.Fakes;
using OpenAI;
using OpenAI.Chat;
using Shouldly;

namespace Frugal.Gateway.Tests.Gateway;

/// <summary>Calls through a real gateway to the fake upstreams, checked on the wire and in the ledger.</summary>
public sealed class GatewayProxyTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static string Upstream(string name, string kind, FakeUpstream fake, string models, string extra = "") =>
        $"""
          - name: {name}
            kind: {kind}
            url: {fake.BaseUrl}
            models: [{models}]
        {extra}
        """ + (extra.Length > 0 ? "\n" : string.Empty);

    internal const string Chat = """{"model":"MODEL","messages":[{"role":"user","content":"Say hello"}]}""";

    [Fact]
    public async Task OpenAI_NonStream_PassesTheAnswerAndRecordsUsageCostAndEnergy()
    {
        // gpt-4o-mini at $0.15 in, $0.075 cached, $0.60 out per million: 40 prompt tokens of which 32 cached, 3 out:
        // 8 x 0.15e-6 + 32 x 0.075e-6 + 3 x 0.6e-6 = 0.0000012 + 0.0000024 + 0.0000018 = 0.0000054.
        var script = new FakeScript
        {
            ReplyText = "Hi there", PromptTokens = 40, CachedTokens = 32, CompletionTokens = 3,
        };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, script);
        await using var gateway = await GatewayHarness.StartAsync(
            "upstreams:\n" + Upstream("openai", "openai", fake, "gpt-4o-mini") + "anonymousProject: app\n");

        using var response = await gateway.PostAsync("v1/chat/completions", Chat.Replace("MODEL", "gpt-4o-mini"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        body.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()
            .ShouldBe("Hi there");
        var call = (await gateway.CallsAsync()).ShouldHaveSingleItem();
        call.Project.ShouldBe("app");
        call.Model.ShouldBe("gpt-4o-mini");
        call.Local.ShouldBeFalse();
        call.Tokens.InputTokens.ShouldBe(8);
        call.Tokens.CacheReadTokens.ShouldBe(32);
        call.Tokens.OutputTokens.ShouldBe(3);
        call.Facts.Status.ShouldBe("ok");
        call.Facts.CostUsd.ShouldBe(0.0000054m);
        call.Facts.TokensEstimated.ShouldBeFalse();
        call.Facts.EnergyMethod.ShouldBe("ecologits-0.9.3-decode");
        call.Facts.EnergyMinWh!.Value.ShouldBeGreaterThan(0);
        call.Facts.TimeToFirstByteMs.ShouldNotBeNull();
        // The gateway set an output limit so the budget's worst case holds; the caller's other fields pass as sent.
        var sent = fake.Requests.ShouldHaveSingleItem().Json();
        ((int)sent["max_tokens"]!).ShouldBe(4096);
        ((string)sent["messages"]![0]!["content"]!).ShouldBe("Say hello");
    }

    [Fact]
    public async Task OpenAI_StreamWithoutAskingForUsage_SeesNoUsageButTheLedgerHasIt()
    {
        var script = new FakeScript { ReplyText = "one two three", ChunkCount = 3, PromptTokens = 15 };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, script with { CompletionTokens = 3 });
        await using var gateway = await GatewayHarness.StartAsync(
            "upstreams:\n" + Upstream("openai", "openai", fake, "gpt-4o-mini") + "anonymousProject: app\n");
        var request = """{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"count"}]}""";

        using var response = await gateway.PostAsync("v1/chat/completions", request);
        var text = await response.Content.ReadAsStringAsync(Cancel);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        text.ShouldContain("data: [DONE]");
        text.ShouldNotContain("\"prompt_tokens\"");
        var sent = fake.Requests.ShouldHaveSingleItem().Json();
        ((bool)sent["stream_options"]!["include_usage"]!).ShouldBeTrue();
        var call = (await gateway.CallsAsync()).ShouldHaveSingleItem();
        call.Tokens.PromptTokens.ShouldBe(15);
        call.Tokens.OutputTokens.ShouldBe(3);
        call.Facts.TokensEstimated.ShouldBeFalse();
    }

    [Fact]
    public async Task OpenAI_StreamAskingForUsage_SeesTheUsageChunk()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, new FakeScript { PromptTokens = 9 });
        await using var gateway = await GatewayHarness.StartAsync(
            "upstreams:\n" + Upstream("openai", "openai", fake, "gpt-4o-mini") + "anonymousProject: app\n");
        var request = """
            {"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},
             "messages":[{"role":"user","content":"hi"}]}
            """;

        using var response = await gateway.PostAsync("v1/chat/completions", request);

        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("\"prompt_tokens\":9");
    }

    [Fact]
    public async Task OpenAI_ClientDisconnectsMidStream_PartialCallIsRecorded()
    {
        var script = new FakeScript
        {
            ReplyText = "a b c d e f g h i j", ChunkCount = 10, ChunkDelay = TimeSpan.FromMilliseconds(100),
        };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, script);
        await using var gateway = await GatewayHarness.StartAsync(
            "upstreams:\n" + Upstream("openai", "openai", fake, "gpt-4o-mini") + "anonymousProject: app\n");
        using var leave = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var request = """{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"letters"}]}""";

        using (var response = await gateway.SendAsync("v1/chat/completions", request, null, null,
                   HttpCompletionOption.ResponseHeadersRead, leave.Token))
        {
            var stream = await response.Content.ReadAsStreamAsync(Cancel);
            var buffer = new byte[256];
            (await stream.ReadAsync(buffer, Cancel)).ShouldBeGreaterThan(0);
            await leave.CancelAsync();
        }

        var call = (await gateway.CallsAsync(1)).ShouldHaveSingleItem();
        call.Facts.Status.ShouldBe("cancelled");
        call.Facts.TokensEstimated.ShouldBeTrue();
        call.Tokens.InputTokens.ShouldBeGreaterThan(0); // "letters" counted by the tokenizer
        call.Tokens.OutputTokens.ShouldBeLessThan(10);
    }

    [Fact]
    public async Task Anthropic_StreamThroughTheGateway_TakesTheLastCumulativeUsage()
    {
        var script = new FakeScript
        {
            ReplyText = "streamed", ChunkCount = 4, PromptTokens = 30, CachedTokens = 20, OutputTokenSteps = [2, 6],
        };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Anthropic, script);
        await using var gateway = await GatewayHarness.StartAsync(
            "upstreams:\n" + Upstream("claude", "anthropic", fake, "claude-sonnet-4-5") + "anonymousProject: app\n");
        var client = new AnthropicClient
        {
            ApiKey = "unused", BaseUrl = gateway.Address.ToString().TrimEnd('/'), MaxRetries = 0,
        };
        var text = "";

        await foreach (var streamEvent in client.Messages.CreateStreaming(Params(), Cancel))
        {
            if (streamEvent.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var piece))
            {
                text += piece.Text;
            }
        }

        text.ShouldBe("streamed");
        var call = (await gateway.CallsAsync()).ShouldHaveSingleItem();
        call.Tokens.OutputTokens.ShouldBe(6); // the last cumulative value, not 2 + 6
        call.Tokens.InputTokens.ShouldBe(10);
        call.Tokens.CacheReadTokens.ShouldBe(20);
        fake.Requests.ShouldHaveSingleItem().Header("anthropic-version").ShouldNotBeNull();
    }

    [Fact]
    public async Task AnthropicSdk_NonStream_ThroughTheGateway()
    {
        var script = new FakeScript { ReplyText = "Claude via Frugal", PromptTokens = 50, CompletionTokens = 4 };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Anthropic, script);
        await using var gateway = await GatewayHarness.StartAsync(
            "upstreams:\n" + Upstream("claude", "anthropic", fake, "claude-sonnet-4-5") + "anonymousProject: app\n");
        var client = new AnthropicClient
        {
            ApiKey = "unused", BaseUrl = gateway.Address.ToString().TrimEnd('/'), MaxRetries = 0,
        };

        var message = await client.Messages.Create(Params(), Cancel);

        message.Content[0].TryPickText(out var text).ShouldBeTrue();
        text!.Text.ShouldBe("Claude via Frugal");
        var call = (await gateway.CallsAsync()).ShouldHaveSingleItem();
        call.Tokens.TotalTokens.ShouldBe(54);
        // Sonnet 4.5 at $3 in and $15 out per million: 50 x 3e-6 + 4 x 15e-6 = 0.00021.
        call.Facts.CostUsd.ShouldBe(0.00021m);
    }

    [Fact]
    public async Task OpenAISdk_StreamAndNonStream_ThroughTheGateway()
    {
        var script = new FakeScript
        {
            ReplyText = "sdk says hi", ChunkCount = 3, PromptTokens = 11, CompletionTokens = 3,
        };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, script);
        await using var gateway = await GatewayHarness.StartAsync(
            "upstreams:\n" + Upstream("openai", "openai", fake, "gpt-4o-mini") + "anonymousProject: app\n");
        var chat = new ChatClient("gpt-4o-mini", new ApiKeyCredential("unused"), new OpenAIClientOptions
        {
            Endpoint = new Uri(gateway.Address, "v1"), RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });

        ChatCompletion completion = await chat.CompleteChatAsync(
            [new UserChatMessage("Hi")], cancellationToken: Cancel);
        var streamed = "";
        ChatTokenUsage? usage = null;
        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage("Hi")],
                           cancellationToken: Cancel))
        {
            streamed += string.Concat(update.ContentUpdate.Select(p => p.Text));
            usage = update.Usage ?? usage;
        }

        completion.Content[0].Text.ShouldBe("sdk says hi");
        completion.Usage.InputTokenCount.ShouldBe(11);
        streamed.ShouldBe("sdk says hi");
        usage.ShouldNotBeNull().OutputTokenCount.ShouldBe(3); // the SDK asks for usage, so it gets it
        (await gateway.CallsAsync(2)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task EmbeddingsAndCompletions_PassThroughAndAreMetered()
    {
        var script = new FakeScript { PromptTokens = 6, CompletionTokens = 4, ReplyText = "legacy text" };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, script);
        await using var gateway = await GatewayHarness.StartAsync("upstreams:\n"
            + Upstream("openai", "openai", fake, "text-embedding-3-small, gpt-3.5-turbo-instruct")
            + "anonymousProject: app\n");

        using var embeddings = await gateway.PostAsync("v1/embeddings",
            """{"model":"text-embedding-3-small","input":"frugal"}""");
        using var completion = await gateway.PostAsync("v1/completions",
            """{"model":"gpt-3.5-turbo-instruct","prompt":"Say","max_tokens":5}""");

        embeddings.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await embeddings.Content.ReadAsStringAsync(Cancel)).ShouldContain("\"embedding\"");
        completion.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await completion.Content.ReadAsStringAsync(Cancel)).ShouldContain("legacy text");
        var calls = await gateway.CallsAsync(2);
        var embedding = calls.Single(c => c.Model == "text-embedding-3-small");
        embedding.Tokens.OutputTokens.ShouldBe(0);
        embedding.Tokens.PromptTokens.ShouldBeGreaterThan(0);
        var text = calls.Single(c => c.Model == "gpt-3.5-turbo-instruct");
        text.Tokens.PromptTokens.ShouldBe(6);
        text.Tokens.OutputTokens.ShouldBe(4);
        // An embedding has no output to bound: the gateway adds no max_tokens to it.
        fake.Requests.Single(r => r.Path == "/v1/embeddings").Json()["max_tokens"].ShouldBeNull();
    }

    private static MessageCreateParams Params() => new()
    {
        MaxTokens = 256,
        Messages = [new UserMessageParam("Hi")],
        Model = "claude-sonnet-4-5",
    };
}
