using System.Text.Json.Nodes;
using Frugal.Cli.Commands;
using Frugal.Domain.Prompts;
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
}
