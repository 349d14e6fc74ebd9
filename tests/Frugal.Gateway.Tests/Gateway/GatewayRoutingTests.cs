using System.Net;
using System.Text.Json;
using Frugal.Gateway.Tests.Fakes;
using Shouldly;
using static Frugal.Gateway.Tests.Gateway.GatewayProxyTests;
using static Frugal.Gateway.Tests.Gateway.GatewayTestKit;

namespace Frugal.Gateway.Tests.Gateway;

/// <summary>
/// Routes: local first, one escalation on failure, complexity, local-only projects and hard constraints.
/// </summary>
public sealed class GatewayRoutingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal const string Auto = """{"model":"frugal/auto","messages":[{"role":"user","content":"Say hello"}]}""";

    /// <summary>A local Ollama (llama3.1:8b), a hosted OpenAI (gpt-4o-mini) and the frugal/auto route.</summary>
    internal static string Config(FakeUpstream local, FakeUpstream hosted, string localExtra = "",
        string tail = "anonymousProject: app\n", string route = "[llama3.1:8b, gpt-4o-mini]",
        string localKind = "ollama") =>
        "upstreams:\n" + Upstream("local", localKind, local, "llama3.1:8b", localExtra)
        + Upstream("openai", "openai", hosted, "gpt-4o-mini")
        + $"routes:\n  frugal/auto: {route}\n" + tail;

    private static string UpstreamOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-frugal-upstream", out var values) ? values.Single() : "(none)";

    [Fact]
    public async Task SimplePrompt_GoesToTheLocalModelFirst()
    {
        await using var local = await FakeUpstream.StartAsync(FakeKind.Ollama, new FakeScript { ReplyText = "local" });
        await using var hosted = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        await using var gateway = await GatewayHarness.StartAsync(Config(local, hosted));

        using var response = await gateway.PostAsync("v1/chat/completions", Auto);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        UpstreamOf(response).ShouldBe("local");
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("\"local\"");
        local.CallCount.ShouldBe(1);
        hosted.CallCount.ShouldBe(0);
        ((string)local.Requests.Single().Json()["model"]!).ShouldBe("llama3.1:8b");
        var call = (await gateway.CallsAsync()).ShouldHaveSingleItem();
        call.Facts.Route.ShouldBe("frugal/auto");
        call.Facts.Upstream.ShouldBe("local");
        call.Model.ShouldBe("llama3.1:8b");
        call.Local.ShouldBeTrue();
        call.Facts.Escalated.ShouldBeFalse();
        call.Facts.CostUsd.ShouldBe(0m);
    }

    [Fact]
    public async Task LocalAnswers500_EscalatesOnceToTheHostedModel()
    {
        await using var local = await FakeUpstream.StartAsync(FakeKind.Ollama, new FakeScript { ErrorStatus = 500 });
        await using var hosted = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        await using var gateway = await GatewayHarness.StartAsync(Config(local, hosted));

        await EscalatedAsync(gateway, local, hosted);
    }

    [Fact]
    public async Task LocalTimesOut_EscalatesToTheHostedModel()
    {
        // The local server sends nothing for 2 s against its 1 s limit.
        var slow = new FakeScript { FirstByteDelay = TimeSpan.FromSeconds(2) };
        await using var local = await FakeUpstream.StartAsync(FakeKind.Ollama, slow);
        await using var hosted = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        await using var gateway = await GatewayHarness.StartAsync(Config(local, hosted, "    timeoutSeconds: 1"));
        var started = TimeProvider.System.GetTimestamp();

        await EscalatedAsync(gateway, local, hosted);

        // One second of waiting for the local server, then the hosted answer; not the local server's 2 s.
        TimeProvider.System.GetElapsedTime(started).ShouldBeLessThan(TimeSpan.FromSeconds(1.9));
    }

    [Fact]
    public async Task LocalAnswersInvalidJson_EscalatesToTheHostedModel()
    {
        await using var local = await FakeUpstream.StartAsync(FakeKind.Ollama, new FakeScript { InvalidJson = true });
        await using var hosted = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        await using var gateway = await GatewayHarness.StartAsync(Config(local, hosted));

        await EscalatedAsync(gateway, local, hosted);
    }

    [Fact]
    public async Task LocalRefuses_EscalatesToTheHostedModel()
    {
        // Ollama has no refusal on the wire, so the local server is an OpenAI-style fake configured as a vLLM one
        // (OpenAI's /v1 shape, where a refusal is message.refusal).
        await using var local = await FakeUpstream.StartAsync(FakeKind.OpenAI,
            new FakeScript { Refuse = true, ReplyText = "I can't help with that." });
        await using var hosted = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        await using var gateway = await GatewayHarness.StartAsync(Config(local, hosted, localKind: "vllm"));

        await EscalatedAsync(gateway, local, hosted);
    }

    /// <summary>
    /// Sends the simple prompt and checks it was answered by the hosted model after one try of the local one, and
    /// that the ledger records the hosted answer as escalated. (Whether the failed try keeps a row of its own is
    /// checked in <see cref="GatewayRegressionTests"/>.)
    /// </summary>
    internal static async Task EscalatedAsync(GatewayHarness gateway, FakeUpstream local, FakeUpstream hosted)
    {
        using var response = await gateway.PostAsync("v1/chat/completions", Auto);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        UpstreamOf(response).ShouldBe("openai");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        body.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()
            .ShouldBe(new FakeScript().ReplyText);
        local.CallCount.ShouldBe(1);
        hosted.CallCount.ShouldBe(1);
        ((string)local.Requests.Single().Json()["model"]!).ShouldBe("llama3.1:8b");
        ((string)hosted.Requests.Single().Json()["model"]!).ShouldBe("gpt-4o-mini");
        var escalated = await RowAsync(gateway, c => c.Facts.Upstream == "openai");
        escalated.Facts.Escalated.ShouldBeTrue();
        escalated.Facts.Status.ShouldBe("ok");
        escalated.Facts.Route.ShouldBe("frugal/auto");
    }

    /// <summary>The first ledger row that matches, waiting up to five seconds for it to be written.</summary>
    internal static async Task<Storage.Ledger.GatewayCallRow> RowAsync(
        GatewayHarness gateway, Func<Storage.Ledger.GatewayCallRow, bool> match)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await gateway.CallsAsync(1)).FirstOrDefault(match) is { } row)
            {
                return row;
            }

            await Task.Delay(50, Cancel);
        }

        throw new ShouldAssertException("No ledger row matched: "
            + string.Join("; ", (await gateway.CallsAsync(1)).Select(c => $"{c.Facts.Upstream} {c.Facts.Status}")));
    }

    [Fact]
    public async Task ThreeCandidates_FirstFailsSecondTimesOut_OnlyTwoAreTriedAndTheCallerGets502()
    {
        // Two local servers and one hosted: local ones go first. The first answers 500 (escalated), the second
        // sends nothing within its 1 s (the last try allowed), so the third is never asked.
        await using var first = await FakeUpstream.StartAsync(FakeKind.Ollama, new FakeScript { ErrorStatus = 500 });
        await using var second = await FakeUpstream.StartAsync(FakeKind.LlamaCpp,
            new FakeScript { FirstByteDelay = TimeSpan.FromSeconds(2) });
        await using var third = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        await using var gateway = await GatewayHarness.StartAsync(
            "upstreams:\n" + Upstream("ollama", "ollama", first, "llama3.1:8b")
            + Upstream("llamacpp", "llamacpp", second, "qwen2.5-7b", "    timeoutSeconds: 1")
            + Upstream("openai", "openai", third, "gpt-4o-mini")
            + "routes:\n  frugal/auto: [llama3.1:8b, qwen2.5-7b, gpt-4o-mini]\nanonymousProject: app\n");

        using var response = await gateway.PostAsync("v1/chat/completions", Auto);

        var message = await OpenAIErrorAsync(response, HttpStatusCode.BadGateway);
        message.ShouldContain("llamacpp/qwen2.5-7b");
        (first.CallCount + second.CallCount + third.CallCount).ShouldBe(2);
        third.CallCount.ShouldBe(0);
    }

    [Fact]
    public async Task ComplexRequest_StartsAtTheHostedModelWhenTheThresholdIsLow()
    {
        await using var local = await FakeUpstream.StartAsync(FakeKind.Ollama);
        await using var hosted = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        await using var gateway = await GatewayHarness.StartAsync(
            "upstreams:\n" + Upstream("local", "ollama", local, "llama3.1:8b")
            + Upstream("openai", "openai", hosted, "gpt-4o-mini")
            + "routes:\n  frugal/auto:\n    models: [llama3.1:8b, gpt-4o-mini]\n    complexityThreshold: 0.5\n"
            + "anonymousProject: app\n");
        // The score, by the rules of ComplexityScore: a prompt of 4,400+ characters is 1,100+ estimated tokens
        // (> 1,000: 0.1); reasoning_effort 0.35; tools 0.15; four code fences 0.15; "prove" and "design a" 0.1
        // each: 0.95 in all, over the route's 0.5. The simple prompt scores 0 and stays local.
        var filler = string.Concat(Enumerable.Repeat("lorem ipsum dolor sit amet ", 165));
        var prompt = "Please design a lock-free queue and prove it linearizable.\n```c\nint q;\n```\n"
            + "```c\nint r;\n```\n" + filler;
        prompt.Length.ShouldBeGreaterThan(4_400);
        var complex = JsonSerializer.Serialize(new
        {
            model = "frugal/auto",
            reasoning_effort = "high",
            messages = new[] { new { role = "user", content = prompt } },
            tools = new[] { new { type = "function", function = new { name = "run", parameters = new { } } } },
        });

        using var hard = await gateway.PostAsync("v1/chat/completions", complex);
        using var easy = await gateway.PostAsync("v1/chat/completions", Auto);

        hard.StatusCode.ShouldBe(HttpStatusCode.OK);
        UpstreamOf(hard).ShouldBe("openai");
        UpstreamOf(easy).ShouldBe("local");
        hosted.CallCount.ShouldBe(1);
        local.CallCount.ShouldBe(1);
        var calls = await gateway.CallsAsync(2);
        calls.ShouldAllBe(c => !c.Facts.Escalated);
    }

    private static string LocalOnly(FakeUpstream local, FakeUpstream hosted,
        string route = "[llama3.1:8b, gpt-4o-mini]") =>
        Config(local, hosted, tail: "projects:\n  secret:\n    privacy: local-only\n", route: route);

    [Fact]
    public async Task LocalOnlyProject_NeverReachesTheHostedModel_EvenWhenLocalFailsOrTheRequestIsComplex()
    {
        await using var local = await FakeUpstream.StartAsync(FakeKind.Ollama);
        local.ScriptForCall = n => n == 1 ? new FakeScript { ErrorStatus = 500 } : null;
        await using var hosted = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        var secret = "";
        await using var gateway = await GatewayHarness.StartAsync(
            LocalOnly(local, hosted, "{models: [llama3.1:8b, gpt-4o-mini], complexityThreshold: 0.0}"),
            ledger => secret = AddKey(ledger, "secret", out _));

        // A threshold of 0 (written 0.0: see GatewayRegressionTests for a plain 0) would start every call at the hosted
        // model, were the project allowed there.
        using var failed = await gateway.PostAsync("v1/chat/completions", Auto, secret);
        using var answered = await gateway.PostAsync("v1/chat/completions", Auto, secret);

        ((int)failed.StatusCode).ShouldBe(500); // the local server's own error: there is nowhere else to go
        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
        UpstreamOf(answered).ShouldBe("local");
        local.CallCount.ShouldBe(2);
        hosted.CallCount.ShouldBe(0);
        var calls = await gateway.CallsAsync(2);
        calls.ShouldAllBe(c => c.Project == "secret" && c.Local && c.Facts.Upstream == "local");
    }

    [Fact]
    public async Task LocalOnlyProject_AskingForAHostedModel_Gets400NamingThePolicy()
    {
        await using var local = await FakeUpstream.StartAsync(FakeKind.Ollama);
        await using var hosted = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        var secret = "";
        await using var gateway = await GatewayHarness.StartAsync(LocalOnly(local, hosted),
            ledger => secret = AddKey(ledger, "secret", out _));

        using var response = await gateway.PostAsync("v1/chat/completions", Chat.Replace("MODEL", "gpt-4o-mini"),
            secret);

        var message = await OpenAIErrorAsync(response, HttpStatusCode.BadRequest);
        message.ShouldContain("local-only");
        message.ShouldContain("openai/gpt-4o-mini");
        hosted.CallCount.ShouldBe(0);
        local.CallCount.ShouldBe(0);
    }

    private const string WithTools = """
        {"model":"MODEL","messages":[{"role":"user","content":"What is the weather?"}],
         "tools":[{"type":"function","function":{"name":"weather","parameters":{"type":"object"}}}]}
        """;

    private const string WithImage = """
        {"model":"MODEL","messages":[{"role":"user","content":[{"type":"text","text":"What is this?"},
         {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]}]}
        """;

    [Fact]
    public async Task ToolsAndImages_RuleOutAnUpstreamThatTakesNeither()
    {
        await using var local = await FakeUpstream.StartAsync(FakeKind.Ollama);
        await using var hosted = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        await using var gateway = await GatewayHarness.StartAsync(
            Config(local, hosted, "    tools: false\n    images: false"));

        using var tools = await gateway.PostAsync("v1/chat/completions", WithTools.Replace("MODEL", "frugal/auto"));
        using var image = await gateway.PostAsync("v1/chat/completions", WithImage.Replace("MODEL", "frugal/auto"));
        using var toolsLocal = await gateway.PostAsync("v1/chat/completions",
            WithTools.Replace("MODEL", "llama3.1:8b"));
        using var imageLocal = await gateway.PostAsync("v1/chat/completions",
            WithImage.Replace("MODEL", "llama3.1:8b"));

        UpstreamOf(tools).ShouldBe("openai");
        UpstreamOf(image).ShouldBe("openai");
        (await OpenAIErrorAsync(toolsLocal, HttpStatusCode.BadRequest)).ShouldContain("takes no tools");
        (await OpenAIErrorAsync(imageLocal, HttpStatusCode.BadRequest)).ShouldContain("takes no images");
        local.CallCount.ShouldBe(0);
        hosted.CallCount.ShouldBe(2);
    }

    [Fact]
    public async Task UnknownModel_Gets404ModelNotFoundListingTheModels()
    {
        await using var local = await FakeUpstream.StartAsync(FakeKind.Ollama);
        await using var hosted = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        await using var gateway = await GatewayHarness.StartAsync(Config(local, hosted));

        using var response = await gateway.PostAsync("v1/chat/completions", Chat.Replace("MODEL", "gpt-9-ultra"));

        var message = await OpenAIErrorAsync(response, HttpStatusCode.NotFound, "model_not_found");
        message.ShouldContain("gpt-9-ultra");
        message.ShouldContain("frugal/auto");
        message.ShouldContain("llama3.1:8b");
        message.ShouldContain("gpt-4o-mini");
        (local.CallCount + hosted.CallCount).ShouldBe(0);
    }

    [Fact]
    public async Task ModelList_NamesEveryModelAndRoute()
    {
        await using var local = await FakeUpstream.StartAsync(FakeKind.Ollama);
        await using var hosted = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        await using var gateway = await GatewayHarness.StartAsync(Config(local, hosted));

        using var body = JsonDocument.Parse(await gateway.Client.GetStringAsync("v1/models", Cancel));

        body.RootElement.GetProperty("object").GetString().ShouldBe("list");
        var models = body.RootElement.GetProperty("data").EnumerateArray()
            .ToDictionary(m => m.GetProperty("id").GetString()!, m => m.GetProperty("owned_by").GetString());
        models.ShouldBe(new Dictionary<string, string?>
        {
            ["frugal/auto"] = "frugal", ["llama3.1:8b"] = "local", ["gpt-4o-mini"] = "openai",
        }, ignoreOrder: true);
    }
}
