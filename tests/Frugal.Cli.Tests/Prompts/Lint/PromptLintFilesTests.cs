using Frugal.Cli.Tests.Support;
using Frugal.Sources.Tests.Prompts.Lint;
using Frugal.Storage.Tests.TestData;
using Shouldly;

namespace Frugal.Cli.Tests.Prompts.Lint;

/// <summary>
/// Which files <c>frugal prompt lint</c> finds in the folders it is given, and what it says of those it cannot read.
/// </summary>
public sealed class PromptLintFilesTests : IDisposable
{
    /// <summary>A prompt that breaks no rule; each test changes one line of it.</summary>
    private const string Clean = LintSamples.Clean;

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

    [Fact]
    public void Lint_AFifoNamedLikeAPromptFile_IsAFindingNotAHang()
    {
        Write("prompts/a.prompt.yml", Clean);
        Directory.CreateDirectory(Work("prompts"));

        // timeout ends a hanging lint with 124, so that the test fails rather than waits forever.
        var result = FrugalProcess.Shell(_home.Path, $"cd '{Work()}' && mkfifo prompts/pipe.prompt.yml "
            + "&& timeout 30 $FRUGAL prompt lint prompts");

        result.ExitCode.ShouldBe(1, result.Stdout + result.Stderr);
        result.Stdout.ShouldBe("prompts/pipe.prompt.yml\n"
            + "  0: error [structure] is empty, or is not a regular file (a FIFO, socket or device, whose reading "
            + "could wait forever), so it was not read: a prompt file is a regular file holding YAML\n\n"
            + "2 files linted: 1 error, 0 warnings.\n");
    }

    [Fact]
    public void Lint_ANameThatIsNotUtf8_IsSaidToBeSo()
    {
        Write("prompts/a.prompt.yml", Clean);

        // \xe9 alone (Latin-1 e-acute) is not UTF-8.
        var result = FrugalProcess.Shell(_home.Path, $"cd '{Work()}' && cp prompts/a.prompt.yml "
            + "\"prompts/caf$(printf '\\351').prompt.yml\" && $FRUGAL prompt lint prompts");

        result.ExitCode.ShouldBe(1, result.Stdout + result.Stderr);
        result.Stdout.ShouldBe("prompts/caf\uFFFD.prompt.yml\n"
            + "  0: error [structure] has a name that is not valid UTF-8, and files are opened only by UTF-8 names: "
            + "rename it\n\n"
            + "2 files linted: 1 error, 0 warnings.\n");
    }

    [Fact]
    public void Lint_ANameGivenThatIsNotUtf8_IsAUsageErrorThatSaysSo()
    {
        var result = FrugalProcess.Shell(_home.Path,
            $"cd '{_home.Path}' && $FRUGAL prompt lint $'caf\\351.prompt.yml'");

        result.ExitCode.ShouldBe(2, result.Stdout + result.Stderr);
        result.Stderr.ShouldBe("frugal: caf\uFFFD.prompt.yml has a name that is not valid UTF-8, and files are opened "
            + "only by UTF-8 names: rename it.\n");
    }

    [Fact]
    public void Lint_GitWithoutGitOnPath_IsAUsageErrorThatSaysGitIsNeeded()
    {
        Write("prompts/a.prompt.yml", Clean);

        // A PATH with dotnet alone: frugal runs, git is not found.
        var result = FrugalProcess.Shell(_home.Path, $"cd '{Work()}' && mkdir bin "
            + "&& ln -s \"$(command -v dotnet)\" bin/dotnet && PATH=\"$PWD/bin\" $FRUGAL prompt lint --git");

        result.ExitCode.ShouldBe(2, result.Stdout + result.Stderr);
        result.Stderr.ShouldBe("frugal: --git reads the history through the git executable, which could not be run: "
            + "install git and put it on PATH, or leave out --git.\n");
        result.Stdout.ShouldBeEmpty();
    }
}
