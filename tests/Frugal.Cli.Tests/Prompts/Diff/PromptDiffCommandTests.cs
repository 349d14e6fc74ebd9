using System.Text.Json;
using Frugal.Cli.Tests.Support;
using Frugal.Sources.Tests.Git;
using Shouldly;

namespace Frugal.Cli.Tests.Prompts.Diff;

/// <summary><c>frugal prompt diff</c> as a process: files, git revisions, exit codes, the report and JSON.</summary>
public sealed class PromptDiffCommandTests : IDisposable
{
    private const string V1 = """
        name: triage
        model: openai/gpt-4o-mini
        messages:
          - role: system
            content: You triage support tickets.
          - role: user
            content: "Ticket: {{ticket}}"
        testData:
          - id: billing
            ticket: I was charged twice.
        metadata:
          version: 1.0.0
        """;

    private static readonly string V11 = V1.Replace(
        "ticket: I was charged twice.", "ticket: I was charged twice.\n  - id: login\n    ticket: I cannot sign in.",
        StringComparison.Ordinal).Replace("1.0.0", "1.1.0", StringComparison.Ordinal);

    private static readonly DateTimeOffset When = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TestRepository _repository = new();

    private string Home => _repository.Parent;

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void Diff_BareRevisionAgainstTheWorkingCopy_ReadsTheFileAtThatRevision()
    {
        _repository.Commit("v1", When, files: ("prompts/triage.prompt.yml", V1));
        _repository.Commit("v1.1", When.AddDays(1), files: ("prompts/triage.prompt.yml", V11));
        File.WriteAllText(Path.Combine(_repository.Path, "prompts", "triage.prompt.yml"),
            V1.Replace("{{ticket}}", "{{issue}}", StringComparison.Ordinal)
                .Replace("1.0.0", "1.1.1", StringComparison.Ordinal));

        var result = Shell("prompt diff HEAD~1 prompts/triage.prompt.yml");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stdout.ShouldContain("prompt diff HEAD~1 -> prompts/triage.prompt.yml");
        result.Stdout.ShouldContain("  placeholders: removed ticket: {{ticket}}");
        result.Stdout.ShouldContain("  placeholders: added issue: {{issue}}");
        result.Stdout.ShouldContain("Required bump: MAJOR");
        result.Stderr.ShouldBe("frugal: declared bump MINOR (1.0.0 -> 1.1.1) is smaller than the required MAJOR: "
            + "set metadata.version to 2.0.0 or higher\n");
    }

    [Fact]
    public void Diff_TwoRevisionPaths_ComparesCommittedVersions()
    {
        _repository.Commit("v1", When, files: ("prompts/triage.prompt.yml", V1));
        _repository.Commit("v1.1", When.AddDays(1), files: ("prompts/triage.prompt.yml", V11));

        var result = Shell("prompt diff HEAD~1:prompts/triage.prompt.yml HEAD:prompts/triage.prompt.yml --json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        root.GetProperty("required").GetString().ShouldBe("MINOR");
        root.GetProperty("declared").GetString().ShouldBe("MINOR");
        root.GetProperty("ok").GetBoolean().ShouldBeTrue();
        root.GetProperty("failure").ValueKind.ShouldBe(JsonValueKind.Null);
        var change = root.GetProperty("changes").EnumerateArray()
            .Single(c => c.GetProperty("area").GetString() == "testData");
        change.GetProperty("kind").GetString().ShouldBe("added");
        change.GetProperty("subject").GetString().ShouldBe("login");
        root.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("reason").GetString())
            .ShouldBe(["test case login added (§5: MINOR)"]);
        result.Stdout.ShouldContain("\"reason\": \"test case login added (§5: MINOR)\"");
    }

    [Fact]
    public void Diff_RevisionPathFromASubfolder_IsRelativeToThatFolder()
    {
        _repository.Commit("v1", When, files: ("prompts/triage.prompt.yml", V1));
        _repository.Commit("v1.1", When.AddDays(1), files: ("prompts/triage.prompt.yml", V11));

        var result = FrugalProcess.Shell(Home,
            $"cd '{_repository.Path}/prompts' && $FRUGAL prompt diff HEAD~1:triage.prompt.yml triage.prompt.yml");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldStartWith("prompt diff HEAD~1:triage.prompt.yml -> triage.prompt.yml\n");
        result.Stdout.ShouldContain("  testData: added login\n");
        result.Stdout.ShouldContain("Declared bump: MINOR (1.0.0 -> 1.1.0)");
    }

    [Fact]
    public void Diff_TwoFiles_ReportsTokensAndPasses()
    {
        var folder = _repository.Path;
        File.WriteAllText(Path.Combine(folder, "a.prompt.yml"), V1);
        File.WriteAllText(Path.Combine(folder, "b.prompt.yml"), V1
            .Replace("You triage support tickets.", "Triage support tickets.", StringComparison.Ordinal)
            .Replace("1.0.0", "1.0.1", StringComparison.Ordinal));

        var result = Shell("prompt diff a.prompt.yml b.prompt.yml");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("      - You triage support tickets.\n      + Triage support tickets.\n");
        result.Stdout.ShouldContain("  o200k_base (exact): ");
        result.Stdout.ShouldContain("(-1)");
        result.Stdout.ShouldContain("Required bump: PATCH");
        result.Stdout.ShouldContain("Declared bump: PATCH (1.0.0 -> 1.0.1)");
        result.Stdout.ShouldContain("OK: the declared version is enough.");
    }

    [Theory]
    [InlineData("prompt diff nothing.prompt.yml HEAD", "neither side names one")]
    [InlineData("prompt diff nope a.prompt.yml", "OLD 'nope' is neither a file nor a git revision")]
    [InlineData("prompt diff HEAD:missing.prompt.yml a.prompt.yml", "OLD: missing.prompt.yml does not exist at HEAD")]
    [InlineData("prompt diff a.prompt.yml", "Required argument missing")]
    public void Diff_UsageError_ExitsTwoWithAClearLine(string arguments, string message)
    {
        _repository.Commit("v1", When, files: ("a.prompt.yml", V1));

        var result = Shell(arguments);

        result.ExitCode.ShouldBe(2, result.Stdout);
        result.Stderr.ShouldContain(message);
    }

    [Fact]
    public void Diff_InvalidPromptFile_ExitsTwoWithItsProblem()
    {
        File.WriteAllText(Path.Combine(_repository.Path, "a.prompt.yml"), V1);
        File.WriteAllText(Path.Combine(_repository.Path, "b.prompt.yml"), V1.Replace("role: user", "role: bot",
            StringComparison.Ordinal));

        var result = Shell("prompt diff a.prompt.yml b.prompt.yml");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("b.prompt.yml:6: messages[1].role \"bot\" is not a role");
    }

    [Fact]
    public void Diff_AJsonSchemaWithARepeatedPropertyName_IsComparedNotACrash()
    {
        const string Schema = "{\"name\":\"x\",\"schema\":{\"type\":\"object\",\"properties\":"
            + "{\"a\":{\"type\":\"string\"},\"a\":{\"type\":\"number\"}}}}";
        var text = "name: s\nmodel: openai/gpt-4o\nresponseFormat: json_schema\njsonSchema: '" + Schema + "'\n"
            + "messages:\n  - role: user\n    content: hi\nmetadata:\n  version: 1.0.0\n";
        WriteFile("old.prompt.yml", text);
        WriteFile("new.prompt.yml", text.Replace("\"number\"}}", "\"number\"},\"b\":{}}", StringComparison.Ordinal));

        var result = Shell("prompt diff old.prompt.yml new.prompt.yml");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stdout.ShouldContain("  MINOR: optional output field $.b added (§5: MINOR)");
    }

    [Fact]
    public void Diff_AChangedEvaluatorThatSharesItsName_IsAPatchChange()
    {
        const string Text = """
            name: s
            model: openai/gpt-4o
            messages:
              - role: user
                content: hi
            evaluators:
              - name: e
                string: {contains: a}
              - name: e
                string: {contains: B}
            metadata:
              version: 1.0.0
            """;
        WriteFile("old.prompt.yml", Text.Replace("B", "b", StringComparison.Ordinal));
        WriteFile("new.prompt.yml", Text.Replace("B", "c", StringComparison.Ordinal));

        var result = Shell("prompt diff old.prompt.yml new.prompt.yml");

        result.ExitCode.ShouldBe(1, "gh-models runs both evaluators, so changing one needs a PATCH bump");
        result.Stdout.ShouldContain("  evaluators: changed e (2): string contains: b -> string contains: c\n");
    }

    [Fact]
    public void Diff_TheLargestVersionWithAMajorChange_SaysSoWithoutCrashing()
    {
        var old = V1.Replace("1.0.0", "9223372036854775807.0.0", StringComparison.Ordinal);
        WriteFile("old.prompt.yml", old);
        WriteFile("new.prompt.yml", old.Replace("{{ticket}}", "{{ticket}} {{extra}}", StringComparison.Ordinal)
            .Replace(".0.0", ".0.1", StringComparison.Ordinal));

        var result = Shell("prompt diff old.prompt.yml new.prompt.yml");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stderr.ShouldContain("no version can declare it, as MAJOR is already 9223372036854775807");
    }

    private void WriteFile(string name, string text) => File.WriteAllText(Path.Combine(_repository.Path, name), text);

    private FrugalProcess.Result Shell(string arguments) =>
        FrugalProcess.Shell(Home, $"cd '{_repository.Path}' && $FRUGAL {arguments}");
}
