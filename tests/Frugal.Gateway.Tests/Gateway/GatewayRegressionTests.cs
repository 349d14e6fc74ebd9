using System.Net;
using System.Text.Json;
using Frugal.Gateway.Configuration;
using Frugal.Gateway.Tests.Fakes;
using Shouldly;
using static Frugal.Gateway.Tests.Gateway.GatewayProxyTests;
using static Frugal.Gateway.Tests.Gateway.GatewayRoutingTests;

namespace Frugal.Gateway.Tests.Gateway;

/// <summary>Faults a fresh-eyes test of the gateway found, each kept as the test that found it.</summary>
public sealed class GatewayRegressionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Escalation_EachTryHasItsOwnLedgerRow()
    {
        // Fault: both tries of an escalated call are written under the same request id, the ledger's key for a
        // gateway call, so the second write lands on the first try's row instead of adding one.
        await using var local = await FakeUpstream.StartAsync(FakeKind.Ollama, new FakeScript { ErrorStatus = 500 });
        await using var hosted = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        await using var gateway = await GatewayHarness.StartAsync(Config(local, hosted));

        using var response = await gateway.PostAsync("v1/chat/completions", Auto);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var calls = await gateway.CallsAsync(2);
        calls.Count.ShouldBe(2);
        calls[0].Facts.Upstream.ShouldBe("local");
        calls[0].Facts.Status.ShouldBe("error");
        calls[0].Facts.Escalated.ShouldBeFalse();
        calls[1].Facts.Upstream.ShouldBe("openai");
        calls[1].Facts.Escalated.ShouldBeTrue();
        calls[1].RequestId.ShouldNotBe(calls[0].RequestId);
    }

    [Fact]
    public async Task Escalation_AfterInvalidJson_TheHostedRowNamesTheHostedModel()
    {
        // The same fault, worse: the local try counted tokens (its prompt and the broken body it sent) above the
        // hosted answer's 12 + 7 = 19, so the usage row keeps the local try's model, locality and tokens while the
        // gateway facts beside it are the hosted try's: one row that says llama3.1:8b, local, upstream openai.
        await using var local = await FakeUpstream.StartAsync(FakeKind.Ollama, new FakeScript { InvalidJson = true });
        await using var hosted = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        await using var gateway = await GatewayHarness.StartAsync(Config(local, hosted));

        using var response = await gateway.PostAsync("v1/chat/completions", Auto);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = await RowAsync(gateway, c => c.Facts.Upstream == "openai");
        row.Model.ShouldBe("gpt-4o-mini");
        row.Local.ShouldBeFalse();
        row.Tokens.TotalTokens.ShouldBe(19);
        row.Facts.TokensEstimated.ShouldBeFalse();
    }

    [Fact]
    public void YamlComplexityThreshold_WholeNumberIsANumberFromZeroToOne()
    {
        // Fault: a YAML scalar that reads as a whole number becomes a long, and the threshold is read only as a
        // double, so 0 and 1 (the two ends of the allowed range) are refused; JSON's 0 is accepted.
        const string Yaml = """
            upstreams:
              - name: local
                kind: ollama
                url: http://127.0.0.1:11434
                models: [llama3.1:8b]
            routes:
              frugal/auto:
                models: [llama3.1:8b]
                complexityThreshold: 0
            """;
        const string Json = """
            {"upstreams": [{"name": "local", "kind": "ollama", "url": "http://127.0.0.1:11434",
                            "models": ["llama3.1:8b"]}],
             "routes": {"frugal/auto": {"models": ["llama3.1:8b"], "complexityThreshold": 0}}}
            """;

        GatewayConfigFile.Parse("gateway.json", Json).Routes["frugal/auto"].ComplexityThreshold.ShouldBe(0);
        var yaml = Should.NotThrow(() => GatewayConfigFile.Parse("gateway.yml", Yaml));
        yaml.Routes["frugal/auto"].ComplexityThreshold.ShouldBe(0);
    }

    [Fact]
    public async Task ThreeCandidatesAll500_OnlyTwoAreTriedAndTheCallerGets502InTheOpenAIShape()
    {
        // Two local servers and a hosted one, all answering 500: the first is escalated; the second try is the last
        // allowed, so the caller gets the gateway's 502 in the OpenAI shape (it was the last upstream's own body,
        // llama.cpp's, without OpenAI's "param"). With a single target the upstream's own error is passed on.
        await using var first = await FakeUpstream.StartAsync(FakeKind.Ollama, new FakeScript { ErrorStatus = 500 });
        await using var second = await FakeUpstream.StartAsync(FakeKind.LlamaCpp, new FakeScript { ErrorStatus = 500 });
        await using var third = await FakeUpstream.StartAsync(FakeKind.OpenAI, new FakeScript { ErrorStatus = 500 });
        await using var gateway = await GatewayHarness.StartAsync(
            "upstreams:\n" + Upstream("ollama", "ollama", first, "llama3.1:8b")
            + Upstream("llamacpp", "llamacpp", second, "qwen2.5-7b")
            + Upstream("openai", "openai", third, "gpt-4o-mini")
            + "routes:\n  frugal/auto: [llama3.1:8b, qwen2.5-7b, gpt-4o-mini]\nanonymousProject: app\n");

        using var response = await gateway.PostAsync("v1/chat/completions", Auto);

        (first.CallCount + second.CallCount + third.CallCount).ShouldBe(2);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway, text);
        using var body = JsonDocument.Parse(text);
        body.RootElement.GetProperty("error").GetProperty("param").ValueKind.ShouldBe(JsonValueKind.Null);
        body.RootElement.GetProperty("error").GetProperty("type").GetString().ShouldBe("server_error");
    }

    [Fact]
    public async Task CountTokens_InvalidJson_Gets400InTheAnthropicShape()
    {
        // Fault: the token-counting pass-through parses the body without catching JsonException: 500, empty body.
        await using var claude = await FakeUpstream.StartAsync(FakeKind.Anthropic);
        await using var gateway = await GatewayHarness.StartAsync(
            "upstreams:\n" + Upstream("claude", "anthropic", claude, "claude-sonnet-4-5") + "anonymousProject: app\n");

        using var response = await gateway.PostAsync("v1/messages/count_tokens", "{\"model\": ");

        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        using var body = JsonDocument.Parse(text);
        body.RootElement.GetProperty("error").GetProperty("type").GetString().ShouldBe("invalid_request_error");
    }

    [Fact]
    public async Task CountTokens_WrongFrugalKey_IsRefusedLikeMessages()
    {
        // Fault: with anonymousProject set, /v1/messages refuses a frugal- key that is not active (wrong or
        // revoked), but the token-counting pass-through lets it through as anonymous and forwards the request.
        await using var claude = await FakeUpstream.StartAsync(FakeKind.Anthropic);
        await using var gateway = await GatewayHarness.StartAsync(
            "upstreams:\n" + Upstream("claude", "anthropic", claude, "claude-sonnet-4-5") + "anonymousProject: app\n");
        var headers = new Dictionary<string, string> { ["x-api-key"] = "frugal-" + new string('x', 40) };
        const string Body =
            """{"model":"claude-sonnet-4-5","max_tokens":8,"messages":[{"role":"user","content":"hi"}]}""";

        using var messages = await gateway.PostAsync("v1/messages", Body, headers: headers);
        using var count = await gateway.PostAsync("v1/messages/count_tokens", Body, headers: headers);

        messages.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        count.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        claude.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void ConfigUpstreamWithATypo_IsNotAlsoReportedAsServingNothing()
    {
        // Fault: an upstream with any problem is dropped before routes are checked, so one misspelt key also
        // yields "routes.frugal/auto: no upstream serves "llama3.1:8b"", which is untrue and points the wrong way.
        const string Yaml = """
            upstreams:
              - name: local
                kind: ollama
                url: http://127.0.0.1:11434
                models: [llama3.1:8b]
                timeout: 30
            routes:
              frugal/auto: [llama3.1:8b]
            """;

        var problems = Should.Throw<GatewayConfigException>(() => GatewayConfigFile.Parse("gateway.yml", Yaml))
            .Problems;

        problems.ShouldHaveSingleItem().ShouldStartWith("upstreams[0].timeout is not a setting");
    }
}
