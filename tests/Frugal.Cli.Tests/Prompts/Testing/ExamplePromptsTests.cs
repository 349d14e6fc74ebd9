using System.Text.Json.Nodes;
using Frugal.Cli.Tests.Support;
using Frugal.Sources.Prompts;
using Frugal.Storage.Tests.TestData;
using Shouldly;

namespace Frugal.Cli.Tests.Prompts.Testing;

/// <summary>The repository's prompts/ folder reads without a problem and passes its tests against a fake.</summary>
public sealed class ExamplePromptsTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    private static string PromptsFolder
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Frugal.slnx")))
            {
                folder = folder.Parent;
            }

            return Path.Combine(folder!.FullName, "prompts");
        }
    }

    [Fact]
    public void Examples_ReadWithoutProblems()
    {
        var files = Directory.GetFiles(PromptsFolder, "*.prompt.yml", SearchOption.AllDirectories);

        files.Length.ShouldBeGreaterThanOrEqualTo(2);
        foreach (var file in files)
        {
            PromptFile.Read(file).Problems.ShouldBeEmpty(file);
        }
    }

    [Fact]
    public async Task Examples_PassTheirTestsAgainstAFakeThatAnswersWell()
    {
        await using var fake = await FakeChatServer.StartAsync((_, request) => new FakeAnswer(Answer(request)));
        var environment = new Dictionary<string, string> { ["XDG_CACHE_HOME"] = _home.Combine("cache") };

        var result = FrugalProcess.RunWith(_home.Path, environment, "prompt", "test", PromptsFolder,
            "--endpoint", fake.BaseUrl + "v1", "--json", "--ledger", _home.Combine("l.db"));

        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
        var prompts = JsonNode.Parse(result.Stdout)!["prompts"]!.AsArray();
        prompts.Select(p => p!["name"]!.ToString())
            .ShouldBe(["summarise-support-conversation", "triage-support-ticket"], ignoreOrder: true);
        prompts.ShouldAllBe(p => p!["passRate"]!.GetValue<double>() == 1);
        fake.Requests.Count.ShouldBe(2 * 3 + 2 * 2);
    }

    /// <summary>A good answer for each example case, chosen by what the user message holds.</summary>
    private static string Answer(JsonNode request)
    {
        var user = request["messages"]!.AsArray().Last()!["content"]!.ToString();
        return user switch
        {
            _ when user.Contains("charged twice for March", StringComparison.Ordinal) =>
                "The customer was charged twice for March; billing will refund one charge within five working days.",
            _ when user.Contains("login page", StringComparison.Ordinal) =>
                "The app loops back to the login page on phone and laptop even after clearing the cache; still open.",
            _ when user.Contains("charged twice this month", StringComparison.Ordinal) =>
                """{"category": "billing", "summary": "The customer was charged twice this month."}""",
            _ => """{"category": "login", "summary": "The password reset link expires as soon as it is opened."}""",
        };
    }
}
