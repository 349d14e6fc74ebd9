using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Frugal.Gateway.Tests.Fakes;
using Shouldly;
using static Frugal.Gateway.Tests.Gateway.GatewayProxyTests;
using static Frugal.Gateway.Tests.Gateway.GatewayTestKit;

namespace Frugal.Gateway.Tests.Gateway;

/// <summary>Local servers through the gateway: their timings and energy, estimated tokens, streams and keys.</summary>
public sealed class GatewayLocalServerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // The RTX 4090 profile of the energy reference: decode 250 W GPU + 60..100 W host = 310..350 W; a discrete GPU
    // draws 1.3 x that in prefill: 403..455 W. E = P_pre x t_pre + P_dec x t_dec, in J; / 3600 for Wh.
    private const double DecodeMinW = 310, DecodeMaxW = 350, PrefillMinW = 403, PrefillMaxW = 455;

    [Fact]
    public async Task LocalServerThatNeverAnswered_NoEnergyRecorded()
    {
        // One upstream whose port is closed by the time of the call, one that answers 500.
        var gone = await FakeUpstream.StartAsync(FakeKind.LlamaCpp);
        var closedUpstream = Upstream("llama", "llamacpp", gone, "qwen2.5-7b", "    device: rtx-4090");
        await gone.DisposeAsync();
        await using var erring = await FakeUpstream.StartAsync(FakeKind.LlamaCpp, new FakeScript { ErrorStatus = 500 });
        await using var gateway = await GatewayHarness.StartAsync("upstreams:\n" + closedUpstream
            + Upstream("failing", "llamacpp", erring, "qwen2.5-3b", "    device: rtx-4090")
            + "anonymousProject: app\n");

        using var closed = await gateway.PostAsync("v1/chat/completions", Chat.Replace("MODEL", "qwen2.5-7b"));
        using var failed = await gateway.PostAsync("v1/chat/completions", Chat.Replace("MODEL", "qwen2.5-3b"));

        closed.IsSuccessStatusCode.ShouldBeFalse();
        failed.IsSuccessStatusCode.ShouldBeFalse();
        var calls = await gateway.CallsAsync(2);
        calls.Count.ShouldBe(2);
        calls.ShouldAllBe(c => c.Facts.Status == "error" && c.Tokens.TotalTokens == 0);
        calls.ShouldAllBe(c => c.Facts.EnergyMinWh == 0 && c.Facts.EnergyMaxWh == 0);
    }

    [Fact]
    public async Task LlamaCpp_TimingsReachTheLedger_AndEnergyComesFromTheDeviceProfile()
    {
        var script = new FakeScript
        {
            PromptTokens = 20, CompletionTokens = 30,
            PromptDuration = TimeSpan.FromMilliseconds(200), GenerationDuration = TimeSpan.FromMilliseconds(1500),
        };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.LlamaCpp, script);
        await using var gateway = await GatewayHarness.StartAsync("upstreams:\n"
            + Upstream("llama", "llamacpp", fake, "qwen2.5-7b", "    device: rtx-4090") + "anonymousProject: app\n");

        using var response = await gateway.PostAsync("v1/chat/completions", Chat.Replace("MODEL", "qwen2.5-7b"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var call = (await gateway.CallsAsync()).ShouldHaveSingleItem();
        call.Local.ShouldBeTrue();
        call.Facts.CostUsd.ShouldBe(0m);
        call.Tokens.PromptTokens.ShouldBe(20);
        call.Tokens.OutputTokens.ShouldBe(30);
        call.Facts.TokensEstimated.ShouldBeFalse();
        // prompt_ms 200 and predicted_ms 1500.
        call.Facts.PrefillSeconds.ShouldBe(0.2);
        call.Facts.DecodeSeconds.ShouldBe(1.5);
        call.Facts.EnergyMethod.ShouldBe("device-profile");
        // Low: 403 x 0.2 + 310 x 1.5 = 80.6 + 465 = 545.6 J = 0.151556 Wh.
        // High: 455 x 0.2 + 350 x 1.5 = 91 + 525 = 616 J = 0.171111 Wh.
        call.Facts.EnergyMinWh!.Value.ShouldBe(545.6 / 3600, 1e-9);
        call.Facts.EnergyMaxWh!.Value.ShouldBe(616.0 / 3600, 1e-9);
        (PrefillMinW * 0.2 + DecodeMinW * 1.5).ShouldBe(545.6, 1e-9);
        (PrefillMaxW * 0.2 + DecodeMaxW * 1.5).ShouldBe(616.0, 1e-9);
    }

    [Fact]
    public async Task LlamaCpp_Stream_TimingsOnTheLastChunkReachTheLedger()
    {
        var script = new FakeScript
        {
            PromptTokens = 8, CompletionTokens = 4,
            PromptDuration = TimeSpan.FromMilliseconds(1000), GenerationDuration = TimeSpan.FromMilliseconds(2000),
        };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.LlamaCpp, script);
        await using var gateway = await GatewayHarness.StartAsync("upstreams:\n"
            + Upstream("llama", "llamacpp", fake, "qwen2.5-7b", "    device: rtx-4090") + "anonymousProject: app\n");
        var request = """{"model":"qwen2.5-7b","stream":true,"messages":[{"role":"user","content":"hi"}]}""";

        using var response = await gateway.PostAsync("v1/chat/completions", request);
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("data: [DONE]");

        var call = (await gateway.CallsAsync()).ShouldHaveSingleItem();
        call.Facts.Status.ShouldBe("ok");
        call.Tokens.PromptTokens.ShouldBe(8);
        call.Tokens.OutputTokens.ShouldBe(4);
        call.Facts.PrefillSeconds.ShouldBe(1.0);
        call.Facts.DecodeSeconds.ShouldBe(2.0);
        // Low: 403 x 1 + 310 x 2 = 1,023 J; high: 455 x 1 + 350 x 2 = 1,155 J.
        call.Facts.EnergyMinWh!.Value.ShouldBe(1023.0 / 3600, 1e-9);
        call.Facts.EnergyMaxWh!.Value.ShouldBe(1155.0 / 3600, 1e-9);
    }

    [Fact]
    public async Task Ollama_PlainChat_GoesToItsNativeApi_AndItsNanosecondTimingsGiveTheEnergy()
    {
        // The fake reports load 5 ms, prompt 40 ms and generation 350 ms in nanoseconds. RTX 4090: prefill
        // 403-455 W (1.3 x decode), decode 310-350 W, load at decode power.
        // min = 403 x 0.040 + 310 x 0.350 + 310 x 0.005 = 16.12 + 108.5 + 1.55 = 126.17 J
        // max = 455 x 0.040 + 350 x 0.350 + 350 x 0.005 = 18.2 + 122.5 + 1.75 = 142.45 J
        var script = new FakeScript { ReplyText = "native hello", PromptTokens = 30, CompletionTokens = 5 };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Ollama, script);
        await using var gateway = await GatewayHarness.StartAsync("upstreams:\n"
            + Upstream("ollama", "ollama", fake, "llama3.1:8b", "    device: rtx-4090") + "anonymousProject: app\n");
        var request = """
            {"model":"llama3.1:8b","temperature":0.2,"max_tokens":64,"stop":"END",
             "messages":[{"role":"system","content":"Be brief."},
                         {"role":"user","content":[{"type":"text","text":"Hi"}]}]}
            """;

        using var response = await gateway.PostAsync("v1/chat/completions", request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        body.RootElement.GetProperty("object").GetString().ShouldBe("chat.completion");
        body.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()
            .ShouldBe("native hello");
        body.RootElement.GetProperty("usage").GetProperty("prompt_tokens").GetInt32().ShouldBe(30);
        var sent = fake.Requests.ShouldHaveSingleItem();
        sent.Path.ShouldBe("/api/chat");
        var native = sent.Json();
        ((bool)native["stream"]!).ShouldBeFalse();
        ((double)native["options"]!["temperature"]!).ShouldBe(0.2);
        ((int)native["options"]!["num_predict"]!).ShouldBe(64);
        ((string)native["options"]!["stop"]![0]!).ShouldBe("END");
        ((string)native["messages"]![1]!["content"]!).ShouldBe("Hi");
        var call = (await gateway.CallsAsync()).ShouldHaveSingleItem();
        call.Tokens.PromptTokens.ShouldBe(30);
        call.Tokens.OutputTokens.ShouldBe(5);
        call.Facts.PrefillSeconds!.Value.ShouldBe(0.040, 1e-9);
        call.Facts.DecodeSeconds!.Value.ShouldBe(0.350, 1e-9);
        call.Facts.LoadSeconds!.Value.ShouldBe(0.005, 1e-9);
        call.Facts.EnergyMethod.ShouldBe("device-profile");
        call.Facts.EnergyMinWh!.Value.ShouldBe(126.17 / 3600, 1e-9);
        call.Facts.EnergyMaxWh!.Value.ShouldBe(142.45 / 3600, 1e-9);
    }

    [Fact]
    public async Task Ollama_NativeStream_BecomesOpenAIEvents_WithoutUsageUnlessAsked()
    {
        var script = new FakeScript
        {
            ReplyText = "one two three", ChunkCount = 3, PromptTokens = 8, CompletionTokens = 3,
        };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Ollama, script);
        await using var gateway = await GatewayHarness.StartAsync("upstreams:\n"
            + Upstream("ollama", "ollama", fake, "llama3.1:8b") + "anonymousProject: app\n");
        var request = """{"model":"llama3.1:8b","stream":true,"messages":[{"role":"user","content":"count"}]}""";
        var asking = """
            {"model":"llama3.1:8b","stream":true,"stream_options":{"include_usage":true},
             "messages":[{"role":"user","content":"count"}]}
            """;

        using var plain = await gateway.PostAsync("v1/chat/completions", request);
        using var withUsage = await gateway.PostAsync("v1/chat/completions", asking);

        plain.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        var events = (await plain.Content.ReadAsStringAsync(Cancel))
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e["data: ".Length..]).ToList();
        events[^1].ShouldBe("[DONE]");
        var chunks = events[..^1].Select(e => JsonNode.Parse(e)!).ToList();
        string.Concat(chunks.Select(c => (string?)c["choices"]![0]!["delta"]!["content"])).ShouldBe("one two three");
        ((string)chunks[0]["choices"]![0]!["delta"]!["role"]!).ShouldBe("assistant");
        ((string)chunks[^1]["choices"]![0]!["finish_reason"]!).ShouldBe("stop");
        chunks.ShouldAllBe(c => c["usage"] == null);
        (await withUsage.Content.ReadAsStringAsync(Cancel)).ShouldContain("\"prompt_tokens\":8");
        var calls = await gateway.CallsAsync(2);
        calls.ShouldAllBe(c => c.Tokens.TotalTokens == 11 && !c.Facts.TokensEstimated && c.Facts.DecodeSeconds > 0);
    }

    [Fact]
    public async Task Ollama_ChatWithTools_StaysOnItsOpenAIApi()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Ollama, new FakeScript());
        await using var gateway = await GatewayHarness.StartAsync("upstreams:\n"
            + Upstream("ollama", "ollama", fake, "llama3.1:8b") + "anonymousProject: app\n");
        var request = """
            {"model":"llama3.1:8b","messages":[{"role":"user","content":"weather?"}],
             "tools":[{"type":"function","function":{"name":"weather","parameters":{"type":"object"}}}]}
            """;

        using var response = await gateway.PostAsync("v1/chat/completions", request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        fake.Requests.ShouldHaveSingleItem().Path.ShouldBe("/v1/chat/completions");
    }

    [Fact]
    public async Task LoLLMs_StreamWithoutUsage_TokensAreEstimated_AndItsKeyIsSentButNeverStored()
    {
        var variable = "FRUGAL_TEST_LOLLMS_KEY_" + Guid.NewGuid().ToString("N");
        var upstreamKey = "lollms-secret-" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, upstreamKey);
        try
        {
            var script = new FakeScript
            {
                ReplyText = "The quick brown fox jumps over the lazy dog", ChunkCount = 5, RequiredKey = upstreamKey,
            };
            await using var fake = await FakeUpstream.StartAsync(FakeKind.LoLLMs, script);
            await using var gateway = await GatewayHarness.StartAsync("upstreams:\n"
                + Upstream("lollms", "lollms", fake, "llama3.2", $"    apiKeyEnv: {variable}")
                + "anonymousProject: app\n");
            var request = """{"model":"llama3.2","stream":true,"messages":[{"role":"user","content":"Say hello"}]}""";

            using var response = await gateway.PostAsync("v1/chat/completions", request);
            var text = await response.Content.ReadAsStringAsync(Cancel);

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            text.ShouldContain("data: [DONE]");
            text.ShouldContain("lazy");
            fake.Requests.ShouldHaveSingleItem().Header("Authorization").ShouldBe("Bearer " + upstreamKey);
            var call = (await gateway.CallsAsync()).ShouldHaveSingleItem();
            call.Facts.Status.ShouldBe("ok");
            call.Facts.TokensEstimated.ShouldBeTrue();
            // "Say hello" is two or three tokens in any BPE vocabulary (plus a separator); the nine common English
            // words of the reply are about one token each.
            call.Tokens.PromptTokens.ShouldBeInRange(2, 6);
            call.Tokens.OutputTokens.ShouldBeInRange(7, 14);
            Holds(LedgerBytes(gateway.LedgerPath), upstreamKey).ShouldBeFalse();
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Vllm_StreamUsage_IsReadAndNotShownToACallerWhoDidNotAsk()
    {
        var script = new FakeScript { PromptTokens = 17, CompletionTokens = 5, ReplyText = "vllm streams" };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Vllm, script);
        await using var gateway = await GatewayHarness.StartAsync("upstreams:\n"
            + Upstream("vllm", "vllm", fake, "Qwen/Qwen2.5-7B-Instruct") + "anonymousProject: app\n");
        var request = """
            {"model":"Qwen/Qwen2.5-7B-Instruct","stream":true,"messages":[{"role":"user","content":"hi"}]}
            """;

        using var response = await gateway.PostAsync("v1/chat/completions", request);
        var text = await response.Content.ReadAsStringAsync(Cancel);

        text.ShouldContain("data: [DONE]");
        text.ShouldNotContain("\"prompt_tokens\"");
        var call = (await gateway.CallsAsync()).ShouldHaveSingleItem();
        call.Local.ShouldBeTrue();
        call.Tokens.PromptTokens.ShouldBe(17);
        call.Tokens.OutputTokens.ShouldBe(5);
        call.Facts.TokensEstimated.ShouldBeFalse();
    }
}
