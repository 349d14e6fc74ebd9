using System.Net;
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
    public async Task Ollama_WithoutTimings_EnergyFromTheGatewaysOwnTiming()
    {
        // Ollama's /v1 reports no timings: the gateway counts the time to its first byte as prefill and the rest
        // as decode. The fake waits 300 ms before it answers, so prefill is at least 0.3 s.
        var script = new FakeScript { FirstByteDelay = TimeSpan.FromMilliseconds(300) };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.Ollama, script);
        await using var gateway = await GatewayHarness.StartAsync("upstreams:\n"
            + Upstream("ollama", "ollama", fake, "llama3.1:8b", "    device: rtx-4090") + "anonymousProject: app\n");

        using var response = await gateway.PostAsync("v1/chat/completions", Chat.Replace("MODEL", "llama3.1:8b"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var call = (await gateway.CallsAsync()).ShouldHaveSingleItem();
        call.Facts.EnergyMethod.ShouldBe("device-profile");
        call.Facts.PrefillSeconds.ShouldBeNull();
        call.Facts.DecodeSeconds.ShouldBeNull();
        var first = call.Facts.TimeToFirstByteMs!.Value / 1000;
        var total = call.LatencyMs!.Value / 1000.0;
        first.ShouldBeGreaterThanOrEqualTo(0.3);
        // The ledger rounds the latency to the millisecond: 0.5 ms x 350 W = 0.175 J = 5e-5 Wh at most.
        call.Facts.EnergyMinWh!.Value.ShouldBe((PrefillMinW * first + DecodeMinW * (total - first)) / 3600, 1e-4);
        call.Facts.EnergyMaxWh!.Value.ShouldBe((PrefillMaxW * first + DecodeMaxW * (total - first)) / 3600, 1e-4);
        // At least 403 W for 0.3 s: 120.9 J = 0.0336 Wh.
        call.Facts.EnergyMinWh!.Value.ShouldBeGreaterThanOrEqualTo(120.9 / 3600);
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
