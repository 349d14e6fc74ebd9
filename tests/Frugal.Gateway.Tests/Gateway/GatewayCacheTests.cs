using System.Net;
using Frugal.Gateway.Tests.Fakes;
using Shouldly;
using static Frugal.Gateway.Tests.Gateway.GatewayProxyTests;
using static Frugal.Gateway.Tests.Gateway.GatewayTestKit;

namespace Frugal.Gateway.Tests.Gateway;

/// <summary>The exact-match cache: hits, the off switch, misses on any change, projects apart, expiry.</summary>
public sealed class GatewayCacheTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Deterministic = """
        {"model":"gpt-4o-mini","temperature":0,"max_tokens":50,
         "messages":[{"role":"user","content":"Capital of France?"}]}
        """;

    private static readonly Dictionary<string, string> On = new() { ["x-frugal-cache"] = "on" };
    private static readonly Dictionary<string, string> Off = new() { ["x-frugal-cache"] = "off" };

    private static string Hosted(FakeUpstream fake, string tail = "anonymousProject: app\n") =>
        "upstreams:\n" + Upstream("openai", "openai", fake, "gpt-4o-mini") + tail;

    private static bool Hit(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-frugal-cache", out var values) && values.Single() == "hit";

    [Fact]
    public async Task TemperatureZero_TheSecondIdenticalCallIsAnsweredFromCache()
    {
        var script = new FakeScript { ReplyText = "Paris", PromptTokens = 40, CompletionTokens = 3 };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, script);
        await using var gateway = await GatewayHarness.StartAsync(Hosted(fake));

        using var first = await gateway.PostAsync("v1/chat/completions", Deterministic);
        var firstBody = await first.Content.ReadAsStringAsync(Cancel);
        using var second = await gateway.PostAsync("v1/chat/completions", Deterministic);
        var secondBody = await second.Content.ReadAsStringAsync(Cancel);

        fake.CallCount.ShouldBe(1);
        Hit(first).ShouldBeFalse();
        Hit(second).ShouldBeTrue();
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        secondBody.ShouldBe(firstBody);
        var calls = await gateway.CallsAsync(2);
        calls.Count.ShouldBe(2);
        calls[0].Facts.Cached.ShouldBeFalse();
        // gpt-4o-mini at $0.15 in and $0.60 out per million: 40 x 0.15e-6 + 3 x 0.6e-6 = 0.000006 + 0.0000018.
        calls[0].Facts.CostUsd.ShouldBe(0.0000078m);
        calls[1].Facts.Cached.ShouldBeTrue();
        calls[1].Facts.CostUsd.ShouldBe(0m);
        calls[1].Tokens.PromptTokens.ShouldBe(40);
        calls[1].RequestId.ShouldNotBe(calls[0].RequestId);
    }

    [Fact]
    public async Task CacheOffHeader_BypassesTheCacheBothWays()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        await using var gateway = await GatewayHarness.StartAsync(Hosted(fake));

        using var first = await gateway.PostAsync("v1/chat/completions", Deterministic, headers: Off);
        using var second = await gateway.PostAsync("v1/chat/completions", Deterministic, headers: Off);
        // Nothing was stored by the calls that switched the cache off.
        using var third = await gateway.PostAsync("v1/chat/completions", Deterministic);

        fake.CallCount.ShouldBe(3);
        new[] { first, second, third }.ShouldAllBe(r => !Hit(r));
        (await gateway.CallsAsync(3)).ShouldAllBe(c => !c.Facts.Cached);
    }

    [Fact]
    public async Task AnyDifferentField_Misses()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        await using var gateway = await GatewayHarness.StartAsync(Hosted(fake));
        var longer = Deterministic.Replace("\"max_tokens\":50", "\"max_tokens\":60");
        var warmer = Deterministic.Replace("\"temperature\":0", "\"temperature\":0.5");

        using var a = await gateway.PostAsync("v1/chat/completions", Deterministic);
        using var b = await gateway.PostAsync("v1/chat/completions", longer);
        using var c = await gateway.PostAsync("v1/chat/completions", warmer, headers: On);
        using var d = await gateway.PostAsync("v1/chat/completions", warmer, headers: On);

        new[] { a, b, c }.ShouldAllBe(r => !Hit(r));
        Hit(d).ShouldBeTrue(); // a temperature of 0.5 is cached when the caller asks for it, under its own key
        fake.CallCount.ShouldBe(3);
    }

    [Fact]
    public async Task TwoProjects_NeverShareAnEntry()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        string alpha = "", beta = "";
        await using var gateway = await GatewayHarness.StartAsync(Hosted(fake, tail: ""), ledger =>
        {
            alpha = AddKey(ledger, "alpha", out _);
            beta = AddKey(ledger, "beta", out _);
        });

        using var a1 = await gateway.PostAsync("v1/chat/completions", Deterministic, alpha);
        using var b1 = await gateway.PostAsync("v1/chat/completions", Deterministic, beta);
        using var a2 = await gateway.PostAsync("v1/chat/completions", Deterministic, alpha);
        using var b2 = await gateway.PostAsync("v1/chat/completions", Deterministic, beta);

        Hit(a1).ShouldBeFalse();
        Hit(b1).ShouldBeFalse();
        Hit(a2).ShouldBeTrue();
        Hit(b2).ShouldBeTrue();
        fake.CallCount.ShouldBe(2);
        var calls = await gateway.CallsAsync(4);
        calls.Where(c => c.Facts.Cached).Select(c => c.Project).ShouldBe(["alpha", "beta"], ignoreOrder: true);
    }

    [Fact]
    public async Task Ttl_AnEntryOlderThanItsLifetimeMisses()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        await using var gateway = await GatewayHarness.StartAsync(Hosted(fake, "anonymousProject: app\n"
            + "cache:\n  ttlSeconds: 1\n"));

        using var first = await gateway.PostAsync("v1/chat/completions", Deterministic);
        using var fresh = await gateway.PostAsync("v1/chat/completions", Deterministic);
        await Task.Delay(TimeSpan.FromMilliseconds(1200), Cancel);
        using var stale = await gateway.PostAsync("v1/chat/completions", Deterministic);

        Hit(fresh).ShouldBeTrue();
        Hit(stale).ShouldBeFalse();
        fake.CallCount.ShouldBe(2);
    }
}
