using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shouldly;

namespace Frugal.Gateway.Tests.Fakes;

public sealed partial class FakeUpstreamTests
{
    private const string OllamaChat = """{"model":"llama3.2","messages":[{"role":"user","content":"Hi"}]}""";

    [Fact]
    public async Task OllamaApiChat_StreamByDefault_NdjsonEndingWithCountsAndNanosecondDurations()
    {
        var script = new FakeScript
        {
            ReplyText = "abcdef",
            ChunkCount = 3,
            PromptTokens = 26,
            CompletionTokens = 5,
            PromptDuration = TimeSpan.FromMilliseconds(40),
            GenerationDuration = TimeSpan.FromMilliseconds(250),
            LoadDuration = TimeSpan.FromMilliseconds(10),
        };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Ollama, script);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "api/chat", OllamaChat);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");
        var lines = await WireReader.ReadNdjsonAsync(response);
        lines.Count.ShouldBe(4);
        lines.SkipLast(1).ShouldAllBe(l => !(bool)l["done"]!);
        string.Concat(lines.Select(l => (string?)l["message"]!["content"])).ShouldBe("abcdef");
        var final = lines[^1];
        ((bool)final["done"]!).ShouldBeTrue();
        final["done_reason"]!.ToString().ShouldBe("stop");
        ((int)final["prompt_eval_count"]!).ShouldBe(26);
        ((int)final["eval_count"]!).ShouldBe(5);
        ((long)final["prompt_eval_duration"]!).ShouldBe(40_000_000);
        ((long)final["eval_duration"]!).ShouldBe(250_000_000);
        ((long)final["load_duration"]!).ShouldBe(10_000_000);
        ((long)final["total_duration"]!).ShouldBe(300_000_000);
    }

    [Fact]
    public async Task OllamaApiChat_StreamFalse_OneObjectWithTheWholeReply()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Ollama, new FakeScript { ReplyText = "whole" });
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };
        var request = """{"model":"llama3.2","stream":false,"messages":[{"role":"user","content":"Hi"}]}""";

        using var response = await WireReader.PostAsync(client, "api/chat", request);

        var body = await WireReader.ReadJsonAsync(response);
        body["message"]!["content"]!.ToString().ShouldBe("whole");
        ((bool)body["done"]!).ShouldBeTrue();
        ((int)body["eval_count"]!).ShouldBe(7);
    }

    [Fact]
    public async Task OllamaApiGenerate_Streaming_SendsResponseFields()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Ollama, new FakeScript { ReplyText = "gen" });
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        var request = """{"model":"llama3.2","prompt":"Hi"}""";

        using var response = await WireReader.PostAsync(client, "api/generate", request);

        var lines = await WireReader.ReadNdjsonAsync(response);
        string.Concat(lines.Select(l => (string?)l["response"])).ShouldBe("gen");
        ((bool)lines[^1]["done"]!).ShouldBeTrue();
    }

    [Fact]
    public async Task OllamaApiTags_Default_ListsALocalModel()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Ollama);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        var body = JsonNode.Parse(await client.GetStringAsync(new Uri("api/tags", UriKind.Relative), Cancel))!;

        body["models"]![0]!["name"]!.ToString().ShouldBe("llama3.2:latest");
        body["models"]![0]!["details"]!["quantization_level"]!.ToString().ShouldBe("Q4_K_M");
    }

    [Fact]
    public async Task OllamaV1Chat_StreamWithIncludeUsage_TextFromTheFirstChunkAndAUsageChunk()
    {
        var script = new FakeScript { ReplyText = "abc", ChunkCount = 3, CachedTokens = 4 };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Ollama, script);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/chat/completions", ChatStreamWithUsage);

        var chunks = (await WireReader.ReadSseAsync(response)).SkipLast(1).Select(e => e.Json).ToList();
        chunks.Count.ShouldBe(5); // 3 texts, finish, usage: no separate role chunk
        chunks[0]["choices"]![0]!["delta"]!["content"]!.ToString().ShouldBe("a");
        chunks[0]["system_fingerprint"]!.ToString().ShouldBe("fp_ollama");
        ((JsonObject)chunks[0]).ContainsKey("usage").ShouldBeFalse();
        ((int)chunks[^1]["usage"]!["prompt_tokens"]!).ShouldBe(12);
        ((int)chunks[^1]["usage"]!["prompt_tokens_details"]!["cached_tokens"]!).ShouldBe(4);
    }

    [Fact]
    public async Task OllamaV1Chat_Error_AnswersOllamasOpenAiStyleEnvelope()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Ollama, new FakeScript { ErrorStatus = 404 });
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var v1 = await WireReader.PostAsync(client, "v1/chat/completions", Chat);
        using var native = await WireReader.PostAsync(client, "api/chat", OllamaChat);

        (await WireReader.ReadJsonAsync(v1))["error"]!["type"]!.ToString().ShouldBe("not_found_error");
        (await WireReader.ReadJsonAsync(native))["error"]!.GetValueKind().ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task LlamaCppChat_NonStreaming_TimingsCountOnlyUncachedPromptTokens()
    {
        var script = new FakeScript
        {
            PromptTokens = 300,
            CachedTokens = 256,
            CompletionTokens = 10,
            PromptDuration = TimeSpan.FromMilliseconds(22),
            GenerationDuration = TimeSpan.FromMilliseconds(200),
        };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.LlamaCpp, script);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/chat/completions", Chat);

        var body = await WireReader.ReadJsonAsync(response);
        ((int)body["usage"]!["prompt_tokens"]!).ShouldBe(300);
        ((int)body["usage"]!["prompt_tokens_details"]!["cached_tokens"]!).ShouldBe(256);
        var timings = body["timings"]!;
        ((int)timings["prompt_n"]!).ShouldBe(44);
        ((int)timings["cache_n"]!).ShouldBe(256);
        ((double)timings["prompt_ms"]!).ShouldBe(22);
        ((int)timings["predicted_n"]!).ShouldBe(10);
        ((double)timings["predicted_per_second"]!).ShouldBe(50);
    }

    [Theory]
    [InlineData(ChatStream, 5)] // timings ride on the finish chunk
    [InlineData(ChatStreamWithUsage, 6)] // timings ride on the usage chunk
    public async Task LlamaCppChat_Stream_TimingsOnlyOnTheLastChunk(string request, int chunkCount)
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.LlamaCpp);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/chat/completions", request);

        var chunks = (await WireReader.ReadSseAsync(response)).SkipLast(1).Select(e => (JsonObject)e.Json).ToList();
        chunks.Count.ShouldBe(chunkCount);
        chunks.SkipLast(1).ShouldAllBe(c => !c.ContainsKey("timings"));
        chunks[^1].ContainsKey("timings").ShouldBeTrue();
    }

    [Fact]
    public async Task LlamaCppChat_StreamError_WritesAnErrorLineNotData()
    {
        var script = new FakeScript { StreamErrorAfterChunks = 0 };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.LlamaCpp, script);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/chat/completions", ChatStream);

        var last = (await WireReader.ReadSseAsync(response))[^1];
        last.OtherField.ShouldBe("error");
        JsonNode.Parse(last.OtherValue!)!["type"]!.ToString().ShouldBe("server_error");
    }

    [Theory]
    [InlineData("""{"include_usage":true}""", true)]
    [InlineData("""{}""", true)] // vLLM's include_usage defaults to true once stream_options is present
    [InlineData("""{"include_usage":false}""", false)]
    [InlineData(null, false)]
    public async Task VllmChat_Stream_UsageChunkFollowsStreamOptions(string? streamOptions, bool expectUsage)
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Vllm);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };
        var options = streamOptions is null ? "" : $""","stream_options":{streamOptions}""";
        var request = $$"""{"model":"m","stream":true{{options}},"messages":[{"role":"user","content":"Hi"}]}""";

        using var response = await WireReader.PostAsync(client, "v1/chat/completions", request);

        var chunks = (await WireReader.ReadSseAsync(response)).SkipLast(1).Select(e => (JsonObject)e.Json).ToList();
        chunks.Any(c => c["usage"] is JsonObject).ShouldBe(expectUsage);
        chunks.ShouldAllBe(c => !c.ContainsKey("usage") || c["usage"] is JsonObject);
    }

    [Fact]
    public async Task LoLLMsChat_StreamAskingForUsage_StillCarriesNoUsage()
    {
        var script = new FakeScript { RequiredKey = "lollms_k" };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.LoLLMs, script);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };
        var auth = ("Authorization", "Bearer lollms_k");

        using var streamed = await WireReader.PostAsync(client, "v1/chat/completions", ChatStreamWithUsage, auth);
        using var plain = await WireReader.PostAsync(client, "v1/chat/completions", Chat, auth);

        var events = await WireReader.ReadSseAsync(streamed);
        events.ShouldAllBe(e => !e.Data!.Contains("usage", StringComparison.Ordinal));
        events[^1].Data.ShouldBe("[DONE]");
        var usage = (await WireReader.ReadJsonAsync(plain))["usage"]!;
        ((int)usage["total_tokens"]!).ShouldBe(19);
        ((int)usage["prompt_tokens_details"]!["cached_tokens"]!).ShouldBe(0);
    }

    [Fact]
    public async Task LoLLMsChat_NoKey_Answers401WithBearerChallenge()
    {
        var script = new FakeScript { RequiredKey = "lollms_k" };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.LoLLMs, script);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await WireReader.PostAsync(client, "v1/chat/completions", Chat);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        (await WireReader.ReadJsonAsync(response))["detail"]!.ToString().ShouldBe("API Key is required.");
    }

    [Theory]
    [InlineData(FakeKind.LlamaCpp, "llamacpp")]
    [InlineData(FakeKind.Vllm, "vllm")]
    [InlineData(FakeKind.Ollama, "library")]
    [InlineData(FakeKind.LoLLMs, "ollama")]
    public async Task V1Models_LocalServers_NameTheirOwner(FakeKind kind, string ownedBy)
    {
        await using var fake = await FakeUpstream.StartAsync(kind);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        var body = JsonNode.Parse(await client.GetStringAsync(new Uri("v1/models", UriKind.Relative), Cancel))!;

        body["data"]![0]!["owned_by"]!.ToString().ShouldBe(ownedBy);
    }
}
