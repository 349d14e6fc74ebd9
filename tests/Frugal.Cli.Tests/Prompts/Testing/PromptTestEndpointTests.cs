using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Frugal.Cli.Commands;
using Frugal.Domain.Prompts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace Frugal.Cli.Tests.Prompts.Testing;

public sealed class PromptTestEndpointTests
{
    [Theory]
    [InlineData("http://127.0.0.1:11434", "http://127.0.0.1:11434/v1/chat/completions")]
    [InlineData("http://host:9600/v1/", "http://host:9600/v1/chat/completions")]
    [InlineData("https://api.example.com/v1/chat/completions", "https://api.example.com/v1/chat/completions")]
    public void ChatUrl_BaseOrFullUrl_EndsInChatCompletions(string endpoint, string expected)
    {
        PromptTestEndpoint.ChatUrl(endpoint)!.ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("127.0.0.1:11434")]
    [InlineData("ftp://host/v1")]
    public void ChatUrl_NotHttp_IsNull(string endpoint) => PromptTestEndpoint.ChatUrl(endpoint).ShouldBeNull();

    [Fact]
    public void RequestBody_JsonSchemaFormat_SendsTheFilesSchemaAsIs()
    {
        var prompt = new PromptDefinition
        {
            Name = "p",
            Model = "openai/gpt-4o-mini",
            Messages = [new PromptMessage(PromptRole.User, "hi")],
            ResponseFormat = PromptResponseFormat.JsonSchema,
            JsonSchema = """{"name":"answer","schema":{"type":"object"}}""",
        };

        var body = JsonNode.Parse(PromptTestEndpoint.RequestBody(prompt, "m", prompt.Messages))!;

        body["response_format"]!["type"]!.ToString().ShouldBe("json_schema");
        body["response_format"]!["json_schema"]!["name"]!.ToString().ShouldBe("answer");
        body["messages"]![0]!["role"]!.ToString().ShouldBe("user");
        body["stream"]!.GetValue<bool>().ShouldBeFalse();
        body.AsObject().ContainsKey("temperature").ShouldBeFalse();
    }

    [Fact]
    public async Task Call_HttpsToAPlainHttpServer_SaysToGiveTheHttpAddress()
    {
        await using var plain = await FakeChatServer.StartAsync((_, _) => new FakeAnswer("ok"));
        var https = new UriBuilder(plain.BaseUrl) { Scheme = "https", Port = plain.BaseUrl.Port }.Uri;
        using var endpoint = Endpoint(PromptTestEndpoint.ChatUrl(https.ToString())!);

        var reply = await endpoint.CallAsync("{}", 0, TestContext.Current.CancellationToken);

        reply.Error.ShouldStartWith($"cannot open a TLS (https) connection to {https}v1/chat/completions (");
        reply.Error.ShouldEndWith("): if that server speaks plain http, as local servers such as Ollama, llama.cpp "
            + $"and LoLLMs do, give --endpoint {plain.BaseUrl}v1/chat/completions");
    }

    [Fact]
    public async Task Call_HttpsRedirectedToHttp_SaysWhyItIsNotFollowedAndWhatToGive()
    {
        using var certificate = Certificate();
        await using var app = await RedirectingHttpsServer(certificate, "http://127.0.0.1:1/v1/chat/completions");
        using var trusting = new SocketsHttpHandler();
        trusting.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
        var url = PromptTestEndpoint.ChatUrl(Address(app))!;
        using var endpoint = Endpoint(url, trusting);

        var reply = await endpoint.CallAsync("{}", 0, TestContext.Current.CancellationToken);

        reply.Error.ShouldBe($"{url} redirected (HTTP 302) to http://127.0.0.1:1/v1/chat/completions, plain http: a "
            + "redirect from https to http is not followed, as the prompt and any API key would travel unencrypted; "
            + "if that server is meant, give --endpoint http://127.0.0.1:1/v1/chat/completions yourself");
    }

    private static PromptTestEndpoint Endpoint(Uri url, SocketsHttpHandler? handler = null) =>
        new(url, null, false, TimeSpan.FromSeconds(30), null, TimeProvider.System, handler);

    /// <summary>A self-signed certificate for the loopback, valid from 2020 to 2100.</summary>
    private static X509Certificate2 Certificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    /// <summary>An https server on the loopback, with <paramref name="certificate"/>, redirecting every call.</summary>
    private static async Task<WebApplication> RedirectingHttpsServer(X509Certificate2 certificate, string location)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0, o => o.UseHttps(certificate)));
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.Redirect(location);
            return Task.CompletedTask;
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
