using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Anthropic.Models.Messages;
using OpenAI;
using OpenAI.Chat;
using Shouldly;

namespace Frugal.Gateway.Tests.Fakes;

// The official SDKs parse what the fakes send: proof that the wire formats are the real ones.
public sealed partial class FakeUpstreamTests
{
    private static readonly ChatMessage[] Hi = [new UserChatMessage("Hi")];

    [Fact]
    public async Task OpenAISdk_CompleteChat_ParsesTheReplyAndUsage()
    {
        var script = new FakeScript { ReplyText = "SDK reply", PromptTokens = 40, CompletionTokens = 3 };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, script with { CachedTokens = 32 });
        var chat = OpenAIChat(fake);

        ChatCompletion completion = await chat.CompleteChatAsync(Hi, cancellationToken: Cancel);

        completion.Content[0].Text.ShouldBe("SDK reply");
        completion.FinishReason.ShouldBe(ChatFinishReason.Stop);
        completion.Usage.InputTokenCount.ShouldBe(40);
        completion.Usage.OutputTokenCount.ShouldBe(3);
        completion.Usage.InputTokenDetails.CachedTokenCount.ShouldBe(32);
    }

    [Fact]
    public async Task OpenAISdk_CompleteChatStreaming_AsksForUsageAndReadsIt()
    {
        var script = new FakeScript { ReplyText = "streamed reply", ChunkCount = 4, PromptTokens = 21 };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, script with { CompletionTokens = 4 });
        var chat = OpenAIChat(fake);
        var text = "";
        ChatTokenUsage? usage = null;

        await foreach (var update in chat.CompleteChatStreamingAsync(Hi, cancellationToken: Cancel))
        {
            text += string.Concat(update.ContentUpdate.Select(part => part.Text));
            usage = update.Usage ?? usage;
        }

        text.ShouldBe("streamed reply");
        usage.ShouldNotBeNull();
        usage.InputTokenCount.ShouldBe(21);
        usage.OutputTokenCount.ShouldBe(4);
        var request = fake.Requests.ShouldHaveSingleItem().Json();
        ((bool)request["stream_options"]!["include_usage"]!).ShouldBeTrue();
    }

    [Fact]
    public async Task OpenAISdk_Refusal_ReadsTheRefusal()
    {
        var script = new FakeScript { Refuse = true, ReplyText = "No." };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, script);
        var chat = OpenAIChat(fake);

        ChatCompletion completion = await chat.CompleteChatAsync(Hi, cancellationToken: Cancel);

        completion.Refusal.ShouldBe("No.");
        completion.Content.ShouldBeEmpty();
    }

    [Fact]
    public async Task OpenAISdk_ErrorStatus_SurfacesTheStatusAndMessage()
    {
        var script = new FakeScript { ErrorStatus = 400, ErrorMessage = "bad request" };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, script);
        var chat = OpenAIChat(fake);

        var failure = await Should.ThrowAsync<ClientResultException>(
            () => chat.CompleteChatAsync(Hi, cancellationToken: Cancel));

        failure.Status.ShouldBe(400);
        failure.Message.ShouldContain("bad request");
    }

    [Fact]
    public async Task AnthropicSdk_Create_ParsesTheMessageAndUsage()
    {
        var script = new FakeScript { ReplyText = "Claude says hi", PromptTokens = 90, CachedTokens = 60 };
        script = script with { CompletionTokens = 5, RequiredKey = "sk-ant-test" };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Anthropic, script);
        var client = AnthropicClient(fake);

        var message = await client.Messages.Create(AnthropicParams(), Cancel);

        message.Content[0].TryPickText(out var text).ShouldBeTrue();
        text!.Text.ShouldBe("Claude says hi");
        message.Usage.InputTokens.ShouldBe(30);
        message.Usage.CacheReadInputTokens.ShouldBe(60);
        message.Usage.OutputTokens.ShouldBe(5);
        fake.Requests.ShouldHaveSingleItem().Header("anthropic-version").ShouldNotBeNull();
    }

    [Fact]
    public async Task AnthropicSdk_CreateStreaming_ReadsTextAndTheLastCumulativeUsage()
    {
        var script = new FakeScript { ReplyText = "streamed", ChunkCount = 4, OutputTokenSteps = [2, 6] };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Anthropic, script);
        var client = AnthropicClient(fake);
        var text = "";
        long? inputTokens = null, outputTokens = null;

        await foreach (var streamEvent in client.Messages.CreateStreaming(AnthropicParams(), Cancel))
        {
            if (streamEvent.TryPickStart(out var start))
            {
                inputTokens = start.Message.Usage.InputTokens;
            }
            else if (streamEvent.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var piece))
            {
                text += piece.Text;
            }
            else if (streamEvent.TryPickDelta(out var messageDelta))
            {
                outputTokens = messageDelta.Usage.OutputTokens;
            }
        }

        text.ShouldBe("streamed");
        inputTokens.ShouldBe(12);
        outputTokens.ShouldBe(6);
    }

    private static ChatClient OpenAIChat(FakeUpstream fake)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri(fake.BaseUrl, "v1"),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        return new ChatClient("gpt-4o-mini", new ApiKeyCredential("sk-test"), options);
    }

    private static AnthropicClient AnthropicClient(FakeUpstream fake) => new()
    {
        ApiKey = "sk-ant-test",
        BaseUrl = fake.BaseUrl.ToString().TrimEnd('/'),
        MaxRetries = 0,
    };

    private static MessageCreateParams AnthropicParams() => new()
    {
        MaxTokens = 256,
        Messages = [new UserMessageParam("Hi")],
        Model = "claude-sonnet-4-5",
    };
}
