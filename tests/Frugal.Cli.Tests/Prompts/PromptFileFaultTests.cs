using Frugal.Cli.Tests.Prompts.Testing;
using Frugal.Cli.Tests.Support;
using Frugal.Storage.Tests.TestData;
using Shouldly;

namespace Frugal.Cli.Tests.Prompts;

/// <summary>
/// Prompt files that once crashed or misled <c>frugal prompt lint</c>, <c>test</c>, <c>diff</c>, <c>import</c> or
/// <c>export</c>: each command reads them the same way and reports the fault, exit code and all.
/// </summary>
public sealed class PromptFileFaultTests : IDisposable
{
    /// <summary>An address nothing listens on: no test here gets as far as a call.</summary>
    private const string NoEndpoint = "http://127.0.0.1:9";

    /// <summary>A made-up key of OpenAI's shape.</summary>
    private const string Key = "sk-proj-ABCDEFGHIJ0123456789abcdefghij";

    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    [Theory]
    [InlineData("prompt lint d.prompt.yml", 1)]
    [InlineData("prompt test d.prompt.yml --no-cache --endpoint " + NoEndpoint, 1)]
    [InlineData("prompt diff d.prompt.yml d.prompt.yml", 2)]
    [InlineData("prompt import d.prompty -o -", 1)]
    public void Command_DeeplyNestedYaml_IsAProblemNotAStackOverflow(string command, int exitCode)
    {
        var nesting = new string('[', 30_000) + new string(']', 30_000);
        Write("d.prompt.yml", "name: d\nmodel: openai/gpt-4o\nmessages:\n  - role: user\n    content: hi\n"
            + "metadata:\n  version: 1.0.0\n  reviewers: [a]\n  tags: " + nesting + "\n");
        Write("d.prompty", "---\nname: d\ntags: " + nesting + "\n---\nuser:\nhi\n");

        var result = Frugal(command);

        result.ExitCode.ShouldBe(exitCode, "134 is an abort: " + result.Stderr[..Math.Min(300, result.Stderr.Length)]);
        (result.Stdout + result.Stderr).ShouldContain("nested more than 1,000 levels deep");
    }

    [Theory]
    [InlineData("prompt lint l.prompt.yml", 1, "5: error [yaml-syntax]")]
    [InlineData("prompt test l.prompt.yml --no-cache --endpoint " + NoEndpoint, 1, "l.prompt.yml:5:17:")]
    [InlineData("prompt diff l.prompt.yml l.prompt.yml", 2, "l.prompt.yml:5:")]
    [InlineData("prompt export l.prompt.yml -o -", 1, "l.prompt.yml:5:")]
    public void Command_ALatin1File_IsRefusedWithItsLine(string command, int exitCode, string where)
    {
        var path = _home.Combine("work", "l.prompt.yml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [.. "name: t\nmodel: openai/gpt-4o\nmessages:\n  - role: user\n    content: caf"u8,
            0xE9, .. "\nmetadata:\n  version: 1.0.0\n  reviewers: [a]\n"u8]);

        var result = Frugal(command);

        result.ExitCode.ShouldBe(exitCode, result.Stderr);
        (result.Stdout + result.Stderr).ShouldContain(where);
        (result.Stdout + result.Stderr).ShouldContain("not valid UTF-8: byte 0xE9");
    }

    // The lint reports the file and goes on (exit 1); the test refuses to start (exit 2), before any call.
    [Theory]
    [InlineData("prompt lint .", 1)]
    [InlineData("prompt test . --no-cache --endpoint " + NoEndpoint, 2)]
    public void Command_AFileNameThatIsNotUtf8_IsNamedAsSuch(string command, int exitCode)
    {
        var result = Frugal(command, setup: "printf 'name: x\\n' > \"$(printf 'caf\\351.prompt.yml')\"");

        result.ExitCode.ShouldBe(exitCode, result.Stderr);
        (result.Stdout + result.Stderr).ShouldContain("has a name that is not valid UTF-8");
    }

    [Fact]
    public async Task Test_ATestDataKeyThatIsNoPlainName_IsFilledAsGhModelsFillsIt()
    {
        await using var fake = await FakeChatServer.StartAsync((_, _) => new FakeAnswer("Hello Ada"));
        Write("k.prompt.yml", "name: k\nmodel: openai/gpt-4o\nmessages:\n  - role: user\n"
            + "    content: 'Greet {{user-name}}'\ntestData:\n  - id: one\n    user-name: Ada\nevaluators:\n"
            + "  - name: greets\n    string: {contains: '{{user-name}}'}\nmetadata:\n  version: 1.0.0\n");

        var result = Frugal($"prompt test k.prompt.yml --no-cache --min-efficiency 0 --endpoint {fake.BaseUrl}");

        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
        fake.Requests.ShouldHaveSingleItem().Json["messages"]![0]!["content"]!.ToString().ShouldBe("Greet Ada");
    }

    [Fact]
    public async Task LintAndTest_ARegexCheckPlaceholder_AgreeItIsFilled()
    {
        await using var fake = await FakeChatServer.StartAsync((_, _) => new FakeAnswer("refund (full)"));
        Write("r.prompt.yml", """
            name: r
            model: openai/gpt-4o
            messages:
              - role: user
                content: 'Say {{word}}'
            testData:
              - id: one
                word: refund
                expected: refund (full)
            checks:
              - type: regex
                value: '^{{expected}}$'
            metadata:
              version: 1.0.0
              reviewers: [alice]
            """);

        var lint = Frugal("prompt lint r.prompt.yml");
        var test = Frugal($"prompt test r.prompt.yml --no-cache --min-efficiency 0 --endpoint {fake.BaseUrl}");

        lint.ExitCode.ShouldBe(0, "the lint counts {{expected}} in the regex as a use of the value: " + lint.Stdout);
        test.ExitCode.ShouldBe(0, "the reply 'refund (full)' matches ^refund\\ \\(full\\)$: " + test.Stdout);
    }

    [Theory]
    [InlineData("prompt lint s.prompt.yml", 1)]
    [InlineData("prompt test s.prompt.yml --no-cache --endpoint " + NoEndpoint, 1)]
    [InlineData("prompt diff s.prompt.yml s.prompt.yml", 2)]
    public void Command_ASecretInAStructuralProblem_IsShownByItsKind(string command, int exitCode)
    {
        Write("s.prompt.yml", "name: s\nmodel: openai/gpt-4o\nresponseFormat: " + Key + "\nmessages:\n"
            + "  - role: user\n    content: hello\nmetadata:\n  version: 1.0.0\n  reviewers: [alice]\n");

        var result = Frugal(command);

        result.ExitCode.ShouldBe(exitCode, result.Stderr);
        (result.Stdout + result.Stderr).ShouldNotContain(Key);
        (result.Stdout + result.Stderr).ShouldContain("responseFormat \"[OpenAI API key]\" is not a format");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" --json")]
    public void Diff_ASecretInChangedLinesOrValues_IsShownByItsKind(string json)
    {
        const string Text = "name: s\nmodel: openai/gpt-4o\nmessages:\n  - role: user\n    content: |\n"
            + "      Use KEY\n      today\ntestData:\n  - id: one\n    token: KEY\nmetadata:\n  version: 1.0.0\n";
        Write("old.prompt.yml", Text.Replace("KEY", "none", StringComparison.Ordinal));
        Write("new.prompt.yml", Text.Replace("KEY", Key, StringComparison.Ordinal));

        var result = Frugal("prompt diff old.prompt.yml new.prompt.yml" + json);

        result.ExitCode.ShouldBe(1, result.Stderr);
        (result.Stdout + result.Stderr).ShouldNotContain("ABCDEFGHIJ0123456789");
        result.Stdout.ShouldContain("+ Use [OpenAI API key]");
        result.Stdout.ShouldContain("token=[OpenAI API key]");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" --json --junit j.xml")]
    public async Task Test_AKeyInACaseIdOrACheck_IsShownByItsKind(string options)
    {
        await using var fake = await FakeChatServer.StartAsync((_, _) => new FakeAnswer("no key"));
        Write("k.prompt.yml", "name: k\nmodel: openai/gpt-4o\nmessages:\n  - role: user\n    content: hi\n"
            + "testData:\n  - id: " + Key + "\nchecks:\n  - type: equals\n    value: " + Key + "\n");

        var result = Frugal($"prompt test k.prompt.yml --no-cache --endpoint {fake.BaseUrl}{options}");

        result.ExitCode.ShouldBe(1, result.Stderr);
        (result.Stdout + result.Stderr).ShouldNotContain(Key);
        result.Stdout.ShouldContain("[OpenAI API key]");
        var junit = _home.Combine("work", "j.xml");
        (File.Exists(junit) ? File.ReadAllText(junit) : string.Empty).ShouldNotContain(Key);
    }

    private void Write(string name, string text)
    {
        var path = _home.Combine("work", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Runs <c>frugal COMMAND</c> in the work folder after the shell commands of <c>setup</c>.</summary>
    private FrugalProcess.Result Frugal(string command, string setup = "true")
    {
        Directory.CreateDirectory(_home.Combine("work"));
        return FrugalProcess.Shell(_home.Path, $"cd '{_home.Combine("work")}' && export XDG_CACHE_HOME='"
            + _home.Combine("cache") + $"' && {setup} && $FRUGAL {command}");
    }
}
