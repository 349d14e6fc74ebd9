using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json.Nodes;
using Frugal.Cli.Tests.Support;
using Frugal.Storage.Tests.TestData;
using OpenAI;
using OpenAI.Chat;
using Shouldly;

namespace Frugal.Cli.Tests.Prompts.Testing;

/// <summary>The request frugal prompt test sends has the shape the official OpenAI .NET SDK (2.15.0) sends.</summary>
public sealed class PromptTestSdkShapeTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Request_SameAsTheOpenAiSdksForTheSamePrompt()
    {
        await using var fake = await FakeChatServer.StartAsync((_, _) => new FakeAnswer("ok"));
        var file = _home.Combine("greet.prompt.yml");
        await File.WriteAllTextAsync(file, """
            name: greet
            model: openai/gpt-4o-mini
            modelParameters: { temperature: 0.5, maxTokens: 50, topP: 0.9 }
            messages:
              - role: system
                content: Answer with one word.
              - role: user
                content: 'Say {{word}}'
            testData:
              - word: ok
            metadata: { seed: 7 }
            """, TestContext.Current.CancellationToken);
        var cli = FrugalProcess.RunWith(_home.Path, new Dictionary<string, string>(), "prompt", "test", file,
            "--endpoint", fake.BaseUrl.ToString(), "--model", "fake-model", "--no-cache", "--min-efficiency", "0",
            "--ledger", _home.Combine("ledger.db"));
        cli.ExitCode.ShouldBe(0, cli.Stderr);

        var sdk = new ChatClient("fake-model", new ApiKeyCredential("unused"),
            new OpenAIClientOptions { Endpoint = new Uri(fake.BaseUrl, "v1") });
#pragma warning disable OPENAI001 // Seed is marked experimental in the SDK.
        var options = new ChatCompletionOptions { Temperature = 0.5f, TopP = 0.9f, MaxOutputTokenCount = 50, Seed = 7 };
#pragma warning restore OPENAI001
        ChatMessage[] messages = [new SystemChatMessage("Answer with one word."), new UserChatMessage("Say ok")];
        var answer = await sdk.CompleteChatAsync(messages, options, TestContext.Current.CancellationToken);

        answer.Value.Content[0].Text.ShouldBe("ok");
        var ours = fake.Requests[0].Json.AsObject();
        var theirs = fake.Requests[1].Json.AsObject();
        ours["model"]!.ToString().ShouldBe(theirs["model"]!.ToString());
        Messages(ours).ShouldBe(Messages(theirs));
        Number(ours, "temperature").ShouldBe(Number(theirs, "temperature"), 1e-6);
        Number(ours, "top_p").ShouldBe(Number(theirs, "top_p"), 1e-6);
        Number(ours, "seed").ShouldBe(Number(theirs, "seed"));
        Number(ours, "max_tokens").ShouldBe(Number(theirs, "max_completion_tokens"));
        var sdkKeys = theirs.Select(p => p.Key).ToHashSet();
        ours.Select(p => p.Key).Except(["max_tokens", "stream"]).ShouldBeSubsetOf(sdkKeys);
        var read = ModelReaderWriter.Read<ChatCompletionOptions>(BinaryData.FromString(fake.Requests[0].Body))!;
        read.Temperature.ShouldBe(0.5f);
        read.TopP.ShouldBe(0.9f);
    }

    private static List<string> Messages(JsonObject request) =>
        request["messages"]!.AsArray().Select(m => $"{m!["role"]}: {Text(m["content"]!)}").ToList();

    private static string Text(JsonNode content) => content is JsonArray parts
        ? string.Concat(parts.Select(p => p!["text"]!.ToString()))
        : content.ToString();

    private static double Number(JsonObject request, string name) => request[name]!.GetValue<double>();
}
