using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Shouldly;

namespace Frugal.Gateway.Tests.Fakes;

public sealed partial class FakeUpstreamTests
{
    [Fact]
    public async Task OpenAIChat_NonStreaming_ReturnsTheReplyAndFullUsage()
    {
        var script = new FakeScript
        {
            ReplyText = "Hi there",
            PromptTokens = 100,
            CompletionTokens = 20,
            CachedTokens = 64,
            ReasoningTokens = 5,
            ResponseModel = "gpt-4o-mini-2024-07-18",
        };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, script);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/chat/completions", Chat);

        var body = await WireReader.ReadJsonAsync(response);
        body["object"]!.ToString().ShouldBe("chat.completion");
        body["model"]!.ToString().ShouldBe("gpt-4o-mini-2024-07-18");
        var choice = body["choices"]![0]!;
        choice["message"]!["content"]!.ToString().ShouldBe("Hi there");
        choice["message"]!["refusal"].ShouldBeNull();
        choice["finish_reason"]!.ToString().ShouldBe("stop");
        var usage = body["usage"]!;
        ((int)usage["prompt_tokens"]!).ShouldBe(100);
        ((int)usage["completion_tokens"]!).ShouldBe(20);
        ((int)usage["total_tokens"]!).ShouldBe(120);
        ((int)usage["prompt_tokens_details"]!["cached_tokens"]!).ShouldBe(64);
        ((int)usage["completion_tokens_details"]!["reasoning_tokens"]!).ShouldBe(5);
        response.Headers.Contains("x-request-id").ShouldBeTrue();
    }

    [Fact]
    public async Task OpenAIChat_StreamWithIncludeUsage_NullUsageOnChunksThenAUsageChunkThenDone()
    {
        var script = new FakeScript { ReplyText = "abcdef", ChunkCount = 3, PromptTokens = 9, CompletionTokens = 4 };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, script);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/chat/completions", ChatStreamWithUsage);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        var events = await WireReader.ReadSseAsync(response);
        events.Count.ShouldBe(7); // role, 3 texts, finish, usage, [DONE]
        events[^1].Data.ShouldBe("[DONE]");
        var chunks = events.SkipLast(1).Select(e => e.Json).ToList();
        chunks.ShouldAllBe(c => c["object"]!.ToString() == "chat.completion.chunk");
        chunks.SkipLast(1).ShouldAllBe(c => ((JsonObject)c).ContainsKey("usage") && c["usage"] == null);
        string.Concat(chunks.Select(c => (string?)c["choices"]!.AsArray().FirstOrDefault()?["delta"]?["content"]))
            .ShouldBe("abcdef");
        chunks[4]["choices"]![0]!["finish_reason"]!.ToString().ShouldBe("stop");
        chunks[5]["choices"]!.AsArray().ShouldBeEmpty();
        ((int)chunks[5]["usage"]!["total_tokens"]!).ShouldBe(13);
    }

    [Fact]
    public async Task OpenAIChat_StreamWithoutIncludeUsage_NoChunkMentionsUsage()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/chat/completions", ChatStream);

        var events = await WireReader.ReadSseAsync(response);
        events.ShouldAllBe(e => !e.Data!.Contains("usage", StringComparison.Ordinal));
        events[^1].Data.ShouldBe("[DONE]");
    }

    [Fact]
    public async Task OpenAIChat_Refusal_PutsTheTextInRefusalWithNullContent()
    {
        var script = new FakeScript { Refuse = true, ReplyText = "I can't help with that." };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, script);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var plain = await WireReader.PostAsync(client, "v1/chat/completions", Chat);
        using var streamed = await WireReader.PostAsync(client, "v1/chat/completions", ChatStream);

        var message = (await WireReader.ReadJsonAsync(plain))["choices"]![0]!["message"]!;
        message["content"].ShouldBeNull();
        message["refusal"]!.ToString().ShouldBe("I can't help with that.");
        var events = await WireReader.ReadSseAsync(streamed);
        var deltas = events.SkipLast(1).Select(e => e.Json["choices"]![0]!["delta"]!);
        string.Concat(deltas.Select(d => (string?)d["refusal"])).ShouldBe("I can't help with that.");
    }

    [Fact]
    public async Task OpenAIChat_StreamErrorAfterOneChunk_SendsAnErrorDataEventAndStops()
    {
        var script = new FakeScript { StreamErrorAfterChunks = 1, ErrorMessage = "boom" };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, script);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/chat/completions", ChatStream);

        var events = await WireReader.ReadSseAsync(response);
        events.Count.ShouldBe(3); // role, one text, error
        events[^1].Json["error"]!["message"]!.ToString().ShouldBe("boom");
        events[^1].Json["error"]!["type"]!.ToString().ShouldBe("server_error");
    }

    [Fact]
    public async Task OpenAICompletions_NonStreamingAndStreaming_SpeakTheLegacyTextShape()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, new FakeScript { ReplyText = "xyz" });
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };
        const string plainRequest = """{"model":"gpt-3.5-turbo-instruct","prompt":"Say"}""";
        const string streamRequest = """
            {"model":"gpt-3.5-turbo-instruct","prompt":"Say","stream":true,"stream_options":{"include_usage":true}}
            """;

        using var plain = await WireReader.PostAsync(client, "v1/completions", plainRequest);
        using var streamed = await WireReader.PostAsync(client, "v1/completions", streamRequest);

        var body = await WireReader.ReadJsonAsync(plain);
        body["object"]!.ToString().ShouldBe("text_completion");
        body["choices"]![0]!["text"]!.ToString().ShouldBe("xyz");
        ((int)body["usage"]!["prompt_tokens"]!).ShouldBe(12);
        var chunks = (await WireReader.ReadSseAsync(streamed)).SkipLast(1).Select(e => e.Json).ToList();
        string.Concat(chunks.Select(c => (string?)c["choices"]!.AsArray().FirstOrDefault()?["text"])).ShouldBe("xyz");
        ((int)chunks[^1]["usage"]!["completion_tokens"]!).ShouldBe(7);
    }

    [Fact]
    public async Task OpenAIEmbeddings_FloatAndBase64_OneVectorPerInputAndPromptUsage()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, new FakeScript { PromptTokens = 6 });
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var floats = await WireReader.PostAsync(
            client, "v1/embeddings", """{"model":"text-embedding-3-small","input":["a","b"]}""");
        using var base64 = await WireReader.PostAsync(
            client, "v1/embeddings", """{"model":"text-embedding-3-small","input":"a","encoding_format":"base64"}""");

        var body = await WireReader.ReadJsonAsync(floats);
        body["data"]!.AsArray().Count.ShouldBe(2);
        body["data"]![1]!["embedding"]!.AsArray().Count.ShouldBe(8);
        ((int)body["usage"]!["prompt_tokens"]!).ShouldBe(6);
        ((int)body["usage"]!["total_tokens"]!).ShouldBe(6);
        var packedText = (await WireReader.ReadJsonAsync(base64))["data"]![0]!["embedding"]!.ToString();
        var packed = Convert.FromBase64String(packedText);
        packed.Length.ShouldBe(8 * sizeof(float));
        BinaryPrimitives.ReadSingleLittleEndian(packed).ShouldBe((float)body["data"]![0]!["embedding"]![0]!);
    }

    [Fact]
    public async Task OpenAIModels_ScriptedIds_ListsThemInOpenAisShape()
    {
        var script = new FakeScript { Models = ["gpt-4o", "gpt-4o-mini"] };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, script);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        var body = JsonNode.Parse(await client.GetStringAsync(new Uri("v1/models", UriKind.Relative), Cancel))!;

        body["object"]!.ToString().ShouldBe("list");
        body["data"]!.AsArray().Select(m => m!["id"]!.ToString()).ShouldBe(["gpt-4o", "gpt-4o-mini"]);
        body["data"]![0]!["object"]!.ToString().ShouldBe("model");
        fake.CallCount.ShouldBe(0);
    }
}
