using Frugal.Cli.Tests.Support;
using Frugal.Storage.Tests.TestData;
using Shouldly;

namespace Frugal.Cli.Tests.Prompts.Lint;

/// <summary>
/// Which files <c>frugal prompt lint</c> finds in the folders it is given, and what it says of those it cannot read.
/// </summary>
public sealed class PromptLintFilesTests : IDisposable
{
    private const string Clean = """
        name: t
        model: openai/gpt-4o-mini
        messages:
          - role: user
            content: "Answer {{question}}"
        testData:
          - id: one
            question: Why?
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

    private FrugalProcess.Result Lint(string script) =>
        FrugalProcess.Shell(_home.Path, $"cd '{Work()}' && $FRUGAL prompt lint {script}");

    private static string Unreviewed(string file) =>
        $"{file}\n  11: error [reviewers] metadata.reviewers names 0, fewer than the 1 reviewer required: add more\n\n";

    [Fact]
    public void Lint_AFolder_LintsALinkedFileButNotALinkedFolder()
    {
        Write("common/shared.prompt.yml", Clean.Replace("[alice]", "[]", StringComparison.Ordinal));
        Write("prompts/own.prompt.yml", Clean);
        File.CreateSymbolicLink(Work("prompts", "shared.prompt.yml"), "../common/shared.prompt.yml");
        Directory.CreateSymbolicLink(Work("prompts", "common"), "../common");
        Directory.CreateSymbolicLink(Work("prompts", "loop"), ".");

        var result = Lint("prompts");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stdout.ShouldBe(Unreviewed("prompts/shared.prompt.yml") + "2 files linted: 1 error, 0 warnings.\n");
    }

    [Fact]
    public void Lint_AFolder_LintsPromptFilesInAnyLetterCase()
    {
        Write("prompts/Upper.Prompt.YML", Clean.Replace("[alice]", "[]", StringComparison.Ordinal));
        Write("prompts/lower.prompt.yaml", Clean);
        Write("prompts/notes.yml", "not: a prompt\n");

        var result = Lint("prompts");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stdout.ShouldBe(Unreviewed("prompts/Upper.Prompt.YML") + "2 files linted: 1 error, 0 warnings.\n");
    }
}
