using System.Net;
using System.Text.Json;
using Frugal.Gateway.Tests.Fakes;
using Frugal.Gateway.Security;
using Frugal.Storage.Ledger;
using Microsoft.AspNetCore.Http;
using Shouldly;
using static Frugal.Gateway.Tests.Gateway.GatewayProxyTests;
using static Frugal.Gateway.Tests.Gateway.GatewayTestKit;

namespace Frugal.Gateway.Tests.Gateway;

/// <summary>Keys, what the ledger may hold, the request size limit and redirects.</summary>
public sealed class GatewaySecurityTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Messages =
        """{"model":"claude-sonnet-4-5","max_tokens":16,"messages":[{"role":"user","content":"hi"}]}""";

    private static string Both(FakeUpstream openai, FakeUpstream claude, string tail = "") =>
        "upstreams:\n" + Upstream("openai", "openai", openai, "gpt-4o-mini")
        + Upstream("claude", "anthropic", claude, "claude-sonnet-4-5") + tail;

    [Fact]
    public async Task WrongKey_Gets401InEachApisShape()
    {
        await using var openai = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        await using var claude = await FakeUpstream.StartAsync(FakeKind.Anthropic);
        await using var gateway = await GatewayHarness.StartAsync(Both(openai, claude),
            ledger => AddKey(ledger, "app", out _));
        var wrong = "frugal-" + new string('x', 40);

        using var chat = await gateway.PostAsync("v1/chat/completions", Chat.Replace("MODEL", "gpt-4o-mini"), wrong);
        using var messages = await gateway.PostAsync("v1/messages", Messages,
            headers: new Dictionary<string, string> { ["x-api-key"] = wrong, ["anthropic-version"] = "2023-06-01" });

        await OpenAIErrorAsync(chat, HttpStatusCode.Unauthorized, "invalid_api_key");
        using (var o = JsonDocument.Parse(await chat.Content.ReadAsStringAsync(Cancel)))
        {
            o.RootElement.GetProperty("error").GetProperty("type").GetString().ShouldBe("authentication_error");
        }

        messages.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var a = JsonDocument.Parse(await messages.Content.ReadAsStringAsync(Cancel));
        a.RootElement.GetProperty("type").GetString().ShouldBe("error");
        a.RootElement.GetProperty("error").GetProperty("type").GetString().ShouldBe("authentication_error");
        a.RootElement.GetProperty("error").GetProperty("message").GetString().ShouldNotBeNullOrEmpty();
        (openai.CallCount + claude.CallCount).ShouldBe(0);
    }

    [Fact]
    public async Task NoKey_WithoutAnAnonymousProject_Gets401()
    {
        await using var openai = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        await using var claude = await FakeUpstream.StartAsync(FakeKind.Anthropic);
        await using var gateway = await GatewayHarness.StartAsync(Both(openai, claude));

        using var chat = await gateway.PostAsync("v1/chat/completions", Chat.Replace("MODEL", "gpt-4o-mini"));
        using var messages = await gateway.PostAsync("v1/messages", Messages);

        var message = await OpenAIErrorAsync(chat, HttpStatusCode.Unauthorized, "invalid_api_key");
        message.ShouldContain("anonymousProject");
        messages.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await messages.Content.ReadAsStringAsync(Cancel)).ShouldContain("\"authentication_error\"");
        (openai.CallCount + claude.CallCount).ShouldBe(0);
    }

    [Fact]
    public async Task RevokedKey_IsRefusedWithinSixSeconds()
    {
        // Revocations are read within five seconds (KeyStore); the test allows six.
        await using var openai = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        var secret = "";
        var id = "";
        await using var gateway = await GatewayHarness.StartAsync(
            "upstreams:\n" + Upstream("openai", "openai", openai, "gpt-4o-mini"),
            ledger => secret = AddKey(ledger, "app", out id));
        var chat = Chat.Replace("MODEL", "gpt-4o-mini");

        using (var before = await gateway.PostAsync("v1/chat/completions", chat, secret))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var revokedAt = TimeProvider.System.GetTimestamp();
        using (var ledger = UsageLedger.Open(gateway.LedgerPath))
        {
            ledger.RevokeKey(id, TimeProvider.System.GetUtcNow()).ShouldBeTrue();
        }

        var status = HttpStatusCode.OK;
        while (TimeProvider.System.GetElapsedTime(revokedAt) < TimeSpan.FromSeconds(6))
        {
            using var after = await gateway.PostAsync("v1/chat/completions", chat, secret);
            status = after.StatusCode;
            if (status != HttpStatusCode.OK)
            {
                break;
            }

            await Task.Delay(250, Cancel);
        }

        status.ShouldBe(HttpStatusCode.Unauthorized);
        using var again = await gateway.PostAsync("v1/chat/completions", chat, secret);
        again.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var answered = (await gateway.CallsAsync(1)).Count;
        openai.CallCount.ShouldBe(answered);
    }

    [Fact]
    public async Task TheLedgerFile_NeverHoldsTheSecretOrThePrompt()
    {
        await using var openai = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        var secret = "";
        var id = "";
        await using var gateway = await GatewayHarness.StartAsync(
            "upstreams:\n" + Upstream("openai", "openai", openai, "gpt-4o-mini"),
            ledger => secret = AddKey(ledger, "app", out id));
        const string Prompt = "zebra quokka 4711 umbrella tangerine";
        var whole = Chat.Replace("MODEL", "gpt-4o-mini").Replace("Say hello", Prompt);
        var streamed = whole.Replace("{\"model\"", "{\"stream\":true,\"model\"");

        using (var a = await gateway.PostAsync("v1/chat/completions", whole, secret))
        using (var b = await gateway.PostAsync("v1/chat/completions", streamed, secret))
        {
            a.StatusCode.ShouldBe(HttpStatusCode.OK);
            b.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await gateway.CallsAsync(2)).Count.ShouldBe(2);
        var bytes = LedgerBytes(gateway.LedgerPath);
        Holds(bytes, id).ShouldBeTrue(); // the right file: the key's public id is there
        Holds(bytes, secret).ShouldBeFalse();
        Holds(bytes, secret[VirtualKeys.Prefix.Length..]).ShouldBeFalse();
        Holds(bytes, "quokka").ShouldBeFalse();
        Holds(bytes, Prompt).ShouldBeFalse();
        // Nor does the caller's key travel upstream.
        openai.Requests.Count.ShouldBe(2);
        openai.Requests.ShouldAllBe(r => !r.Headers.Values.Any(v => v.Contains(secret)));
    }

    [Fact]
    public async Task RequestOverMaxRequestBytes_Gets413()
    {
        await using var openai = await FakeUpstream.StartAsync(FakeKind.OpenAI);
        await using var gateway = await GatewayHarness.StartAsync(
            "upstreams:\n" + Upstream("openai", "openai", openai, "gpt-4o-mini")
            + "anonymousProject: app\nmaxRequestBytes: 2048\n");
        var fits = Chat.Replace("MODEL", "gpt-4o-mini").Replace("Say hello", new string('a', 1500));
        var over = Chat.Replace("MODEL", "gpt-4o-mini").Replace("Say hello", new string('a', 3000));
        System.Text.Encoding.UTF8.GetByteCount(fits).ShouldBeLessThan(2048);
        System.Text.Encoding.UTF8.GetByteCount(over).ShouldBeGreaterThan(2048);

        using var small = await gateway.PostAsync("v1/chat/completions", fits);
        using var large = await gateway.PostAsync("v1/chat/completions", over);

        small.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await OpenAIErrorAsync(large, HttpStatusCode.RequestEntityTooLarge)).ShouldContain("maxRequestBytes");
        openai.CallCount.ShouldBe(1);
    }

    [Fact]
    public async Task UpstreamRedirect_IsNotFollowed()
    {
        await using var elsewhere = await LoopbackServer.StartAsync(context =>
            context.Response.WriteAsync("""{"choices":[]}""", context.RequestAborted));
        await using var redirector = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = new Uri(elsewhere.BaseUrl, "v1/chat/completions").ToString();
            return Task.CompletedTask;
        });
        await using var gateway = await GatewayHarness.StartAsync($"""
            upstreams:
              - name: openai
                kind: openai
                url: {redirector.BaseUrl}
                models: [gpt-4o-mini]
            anonymousProject: app
            """);

        using var response = await gateway.PostAsync("v1/chat/completions", Chat.Replace("MODEL", "gpt-4o-mini"));

        response.IsSuccessStatusCode.ShouldBeFalse();
        redirector.Requests.ShouldBe(1);
        var call = (await gateway.CallsAsync()).ShouldHaveSingleItem();
        call.Facts.Status.ShouldBe("error");
        // The caller (whose client follows redirects) and the gateway both had their chance by now.
        elsewhere.Requests.ShouldBe(0);
    }
}
