using System.Text.Json.Nodes;
using Frugal.Cli.Tests.Support;
using Frugal.Storage.Tests.TestData;
using Shouldly;

namespace Frugal.Cli.Tests.Prompts.Testing;

/// <summary>
/// Which files <c>frugal prompt test</c> runs from the folders it is given: the ones the lint checks.
/// </summary>
public sealed class PromptTestFilesTests : IDisposable
{
    private const string Prompt = """
        name: greet
        model: openai/gpt-4o-mini
        messages:
          - role: user
            content: 'Say {{word}}'
        testData:
          - id: says-ok
            word: ok
        metadata:
          version: 1.0.0
          reviewers: [alice]
        """;

    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    private string Work(params string[] parts) => _home.Combine(["work", .. parts]);

    private void Write(string name, string text)
    {
        var path = Work(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private FrugalProcess.Result Test(FakeChatServer fake, string folder)
    {
        var environment = new Dictionary<string, string> { ["XDG_CACHE_HOME"] = _home.Combine("cache") };
        return FrugalProcess.RunWith(_home.Path, environment, "prompt", "test", Work(folder), "--endpoint",
            fake.BaseUrl.ToString(), "--no-cache", "--json", "--min-efficiency", "0", "--ledger",
            _home.Combine("ledger.db"));
    }

    [Fact]
    public async Task Test_AFolder_RunsALinkedFileAndEveryLetterCaseButNotALinkedFolder()
    {
        Write("common/linked.prompt.yml", Prompt);
        Write("prompts/Upper.Prompt.YML", Prompt);
        Write("prompts/notes.yml", "not: a prompt\n");
        File.CreateSymbolicLink(Work("prompts", "linked.prompt.yml"), "../common/linked.prompt.yml");
        Directory.CreateSymbolicLink(Work("prompts", "common"), "../common");
        await using var fake = await FakeChatServer.StartAsync((_, _) => new FakeAnswer("ok"));

        var result = Test(fake, "prompts");

        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
        JsonNode.Parse(result.Stdout)!["prompts"]!.AsArray().Select(p => Path.GetFileName(p!["path"]!.ToString()))
            .ShouldBe(["Upper.Prompt.YML", "linked.prompt.yml"]);
    }

    [Fact]
    public void Test_AFifoNamedLikeAPromptFile_IsRefusedNotAHang()
    {
        Write("prompts/a.prompt.yml", Prompt);

        // timeout ends a hanging run with 124, so that the test fails rather than waits forever. No call is made.
        var result = FrugalProcess.Shell(_home.Path, $"cd '{Work()}' && mkfifo prompts/pipe.prompt.yml "
            + "&& timeout 30 $FRUGAL prompt test prompts --endpoint http://127.0.0.1:9");

        result.ExitCode.ShouldBe(2, result.Stdout + result.Stderr);
        result.Stderr.ShouldBe("frugal: prompts/pipe.prompt.yml is empty, or is not a regular file (a FIFO, socket "
            + "or device, whose reading could wait forever), so it was not read: a prompt file is a regular file "
            + "holding YAML.\n");
    }
}
