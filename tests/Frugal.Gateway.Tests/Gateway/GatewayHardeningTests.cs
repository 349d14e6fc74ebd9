using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Shouldly;
using static Frugal.Gateway.Tests.Gateway.GatewayTestKit;

namespace Frugal.Gateway.Tests.Gateway;

/// <summary>
/// What a break test of the gateway found, each kept as a test: bad requests and misbehaving upstreams.
/// </summary>
public sealed class GatewayHardeningTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Config(Uri url, string extra = "") => $"""
        upstreams:
          - name: odd
            kind: vllm
            url: {url}
            models: [odd-model]
            timeoutSeconds: 1
        anonymousProject: app
        {extra}
        """;

    private const string Chat = """{"model":"odd-model","messages":[{"role":"user","content":"hi"}]}""";

    [Theory]
    [InlineData("""{"model":"odd-model","max_tokens":-5,"messages":[]}""", "\"max_tokens\" must be a whole number")]
    [InlineData("""{"model":"odd-model","max_tokens":1.5,"messages":[]}""", "\"max_tokens\" must be a whole number")]
    [InlineData("""{"model":"ok","model":"odd-model","messages":[]}""", "repeats a field")]
    [InlineData("""{"model":7,"messages":[]}""", "\"model\" is missing or not a string")]
    [InlineData("""{"model":"odd-model","stream":"true","messages":[]}""", "\"stream\" must be true or false")]
    public async Task BadRequest_Gets400NamingTheField(string body, string expected)
    {
        await using var upstream = await LoopbackServer.StartAsync(_ => Task.CompletedTask);
        await using var gateway = await GatewayHarness.StartAsync(Config(upstream.BaseUrl));

        using var response = await gateway.PostAsync("v1/chat/completions", body);

        (await OpenAIErrorAsync(response, HttpStatusCode.BadRequest)).ShouldContain(expected);
        upstream.Requests.ShouldBe(0);
    }

    [Fact]
    public async Task InvalidUtf8_Gets400()
    {
        await using var upstream = await LoopbackServer.StartAsync(_ => Task.CompletedTask);
        await using var gateway = await GatewayHarness.StartAsync(Config(upstream.BaseUrl));
        var bytes = Encoding.UTF8.GetBytes(Chat.Replace("hi", "@@", StringComparison.Ordinal));
        var at = Array.IndexOf(bytes, (byte)'@');
        bytes[at] = 0xff;
        bytes[at + 1] = 0xfe;
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");

        using var response = await gateway.Client.PostAsync("v1/chat/completions", content, Cancel);

        (await OpenAIErrorAsync(response, HttpStatusCode.BadRequest)).ShouldContain("not valid UTF-8");
    }

    [Fact]
    public async Task UpstreamPointingBackAtTheGateway_IsRefusedNotLooped()
    {
        // The gateway's own address as its upstream: the first hop comes back with the hop header and gets 508,
        // which the first call passes on; two ledger rows at most, not thousands.
        var port = FreePort();
        await using var gateway = await GatewayHarness.StartAsync($"""
            upstreams:
              - name: self
                kind: openai
                url: http://127.0.0.1:{port}
                models: [odd-model]
            anonymousProject: app
            """, urls: $"http://127.0.0.1:{port}");

        using var response = await gateway.PostAsync("v1/chat/completions", Chat);

        ((int)response.StatusCode).ShouldBe(508);
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("points back at a gateway");
        (await gateway.CallsAsync(1)).Count.ShouldBeLessThanOrEqualTo(2);
    }

    [Fact]
    public async Task UpstreamAnsweringGarbage_Gets502_AndTheCallIsAnError()
    {
        await using var upstream = await LoopbackServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.Body.WriteAsync(new byte[] { 0x00, 0x9f, 0x92, 0x96, 0x7b }, Cancel).AsTask();
        });
        await using var gateway = await GatewayHarness.StartAsync(Config(upstream.BaseUrl));

        using var response = await gateway.PostAsync("v1/chat/completions", Chat);

        (await OpenAIErrorAsync(response, HttpStatusCode.BadGateway)).ShouldContain("not a chat answer");
        (await gateway.CallsAsync()).ShouldHaveSingleItem().Facts.Status.ShouldBe("error");
    }

    [Fact]
    public async Task GzipAnswer_ReachesTheCallerReadable_AndItsUsageIsRead()
    {
        const string Answer = """
            {"id":"x","object":"chat.completion","created":1,"model":"odd-model","choices":[{"index":0,
             "message":{"role":"assistant","content":"zipped"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}
            """;
        await using var upstream = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.ContentEncoding = "gzip";
            await using var zip = new GZipStream(context.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await zip.WriteAsync(Encoding.UTF8.GetBytes(Answer), Cancel);
        });
        await using var gateway = await GatewayHarness.StartAsync(Config(upstream.BaseUrl));

        using var response = await gateway.PostAsync("v1/chat/completions", Chat);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("\"zipped\"");
        (await gateway.CallsAsync()).ShouldHaveSingleItem().Tokens.TotalTokens.ShouldBe(7);
    }

    [Fact]
    public async Task AbsurdUsage_IsNotTrusted_TokensAreCountedHere()
    {
        await using var upstream = await LoopbackServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("""
                {"id":"x","object":"chat.completion","created":1,"model":"odd-model","choices":[{"index":0,
                 "message":{"role":"assistant","content":"fine"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":-5,"completion_tokens":1000000000000000,"total_tokens":1}}
                """, Cancel);
        });
        await using var gateway = await GatewayHarness.StartAsync(Config(upstream.BaseUrl));

        using var response = await gateway.PostAsync("v1/chat/completions", Chat);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var call = (await gateway.CallsAsync()).ShouldHaveSingleItem();
        call.Facts.TokensEstimated.ShouldBeTrue();
        call.Tokens.OutputTokens.ShouldBeLessThan(10);
    }

    [Fact]
    public async Task Upstream429_PassesItsRetryAfter()
    {
        await using var upstream = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "7";
            return context.Response.WriteAsync("""{"error":{"message":"slow down"}}""", Cancel);
        });
        await using var gateway = await GatewayHarness.StartAsync(Config(upstream.BaseUrl));

        using var response = await gateway.PostAsync("v1/chat/completions", Chat);

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task SlowAnswerBody_EndsIn502NotAnEmpty200()
    {
        // Headers at once, then a byte every 300 ms: the whole answer is not there within the 1 s limit.
        await using var upstream = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.StartAsync(Cancel);
            for (var i = 0; i < 20 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.WriteAsync(" ", CancellationToken.None);
                await context.Response.Body.FlushAsync(CancellationToken.None);
                await Task.Delay(300, CancellationToken.None);
            }
        });
        await using var gateway = await GatewayHarness.StartAsync(Config(upstream.BaseUrl));

        using var response = await gateway.PostAsync("v1/chat/completions", Chat);

        (await OpenAIErrorAsync(response, HttpStatusCode.BadGateway)).ShouldContain("no whole answer within 1 s");
        (await gateway.CallsAsync()).ShouldHaveSingleItem().Facts.Status.ShouldBe("timeout");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
