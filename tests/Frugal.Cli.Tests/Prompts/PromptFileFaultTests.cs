using Frugal.Cli.Tests.Support;
using Frugal.Storage.Tests.TestData;
using Shouldly;

namespace Frugal.Cli.Tests.Prompts;

/// <summary>
/// Prompt files that once crashed or misled <c>frugal prompt lint</c>, <c>test</c>, <c>diff</c> and <c>import</c>:
/// each command reads them the same way and reports the fault, exit code and all.
/// </summary>
public sealed class PromptFileFaultTests : IDisposable
{
    /// <summary>An address nothing listens on: no test here gets as far as a call.</summary>
    private const string NoEndpoint = "http://127.0.0.1:9";

    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    [Theory]
    [InlineData("prompt lint d.prompt.yml", 1)]
    [InlineData("prompt test d.prompt.yml --no-cache --endpoint " + NoEndpoint, 1)]
    [InlineData("prompt diff d.prompt.yml d.prompt.yml", 2)]
    [InlineData("prompt import d.prompty -o -", 1)]
    public void DeeplyNestedYaml_IsAProblemNotAStackOverflow(string command, int exitCode)
    {
        var nesting = new string('[', 30_000) + new string(']', 30_000);
        Write("d.prompt.yml", "name: d\nmodel: openai/gpt-4o\nmessages:\n  - role: user\n    content: hi\n"
            + "metadata:\n  version: 1.0.0\n  reviewers: [a]\n  tags: " + nesting + "\n");
        Write("d.prompty", "---\nname: d\ntags: " + nesting + "\n---\nuser:\nhi\n");

        var result = Frugal(command);

        result.ExitCode.ShouldBe(exitCode, "134 is an abort: " + result.Stderr[..Math.Min(300, result.Stderr.Length)]);
        (result.Stdout + result.Stderr).ShouldContain("nested more than 1,000 levels deep");
    }

    private void Write(string name, string text)
    {
        var path = _home.Combine("work", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private FrugalProcess.Result Frugal(string script) =>
        FrugalProcess.Shell(_home.Path, $"cd '{_home.Combine("work")}' && export XDG_CACHE_HOME='"
            + _home.Combine("cache") + $"' && $FRUGAL {script}");
}
