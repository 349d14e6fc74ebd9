using System.Text.Json;
using Frugal.Cli.Tests.Support;
using Frugal.Sources.Tests.Git;
using Frugal.Sources.Tests.Prompts.Lint;
using Frugal.Storage.Tests.TestData;
using Shouldly;

namespace Frugal.Cli.Tests.Prompts.Lint;

public sealed class PromptLintCommandTests : IDisposable
{
    /// <summary>A prompt that breaks no rule; each test changes one line of it.</summary>
    private const string Clean = LintSamples.Clean;

    private const string FiveFaults = """
        name: t
        model: openai/gpt-4o-mini
        messages:
          - role: system
            content: |
              You answer questions. <|im_start|>
              # key: sk-ant-api03-abcdefghij0123456789abcdefghij
          - role: user
            content: "Question: {{ question }} about {{topic}}"
        testData:
          - id: first
            question: Why?
            tone: dry
        metadata:
          reviewers: []
        """;

    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    private string Write(string name, string text)
    {
        var path = _home.Combine("work", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private FrugalProcess.Result Lint(string script) =>
        FrugalProcess.Shell(_home.Path, $"cd '{_home.Combine("work")}' && $FRUGAL prompt lint {script}");

    [Fact]
    public void Lint_TheShippedExample_IsClean()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "prompts", "examples", "summarise.prompt.yml")))
        {
            folder = folder.Parent!;
        }

        var result = FrugalProcess.Shell(_home.Path, $"cd '{folder.FullName}' && $FRUGAL prompt lint");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var files = Directory.GetFiles(Path.Combine(folder.FullName, "prompts"), "*.prompt.y*ml",
            SearchOption.AllDirectories).Length;
        files.ShouldBeGreaterThanOrEqualTo(2);
        result.Stdout.ShouldBe($"{files} files linted: 0 errors, 0 warnings.\n");
    }

    [Fact]
    public void Lint_TheDefaultFolder_FindsBothExtensionsAndPassesWithWarningsOnly()
    {
        Write("prompts/a.prompt.yml", Clean);
        Write("prompts/sub/b.prompt.yaml", Clean.Replace("Why?", "Why?\n    tone: dry", StringComparison.Ordinal));
        Write("prompts/notes.yml", "not: a prompt\n");

        var result = Lint(string.Empty);

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldBe("prompts/sub/b.prompt.yaml\n"
            + "  9: warning [unused-variable] test case \"one\" (testData[0]) gives tone, which no message, evaluator "
            + "or check uses: remove it, or write {{tone}} where it belongs\n\n"
            + "2 files linted: 0 errors, 1 warning.\n");
    }

    [Fact]
    public void Lint_FiveFaults_ReportsEveryOneAndExitsOne()
    {
        Write("five.prompt.yml", FiveFaults);

        var result = Lint("five.prompt.yml");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stdout.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Select(l => l.Split(']')[0].Trim() + "]")
            .ShouldBe(
            [
                "6: error [special-token]", "7: error [secret]", "9: error [placeholder-syntax]",
                "11: error [missing-variable]", "13: warning [unused-variable]", "14: error [version]",
                "15: error [reviewers]",
            ]);
        result.Stdout.ShouldEndWith("1 file linted: 6 errors, 1 warning.\n");
        result.Stdout.ShouldNotContain("abcdefghij0123456789");
    }

    [Fact]
    public void Lint_Json_ListsEveryFindingWithItsFields()
    {
        Write("five.prompt.yml", FiveFaults);

        var result = Lint("--json five.prompt.yml");

        result.ExitCode.ShouldBe(1, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        root.GetProperty("files").GetInt32().ShouldBe(1);
        root.GetProperty("errors").GetInt32().ShouldBe(6);
        root.GetProperty("warnings").GetInt32().ShouldBe(1);
        var findings = root.GetProperty("findings");
        findings.GetArrayLength().ShouldBe(7);
        var first = findings[3];
        first.GetProperty("file").GetString().ShouldBe("five.prompt.yml");
        first.GetProperty("line").GetInt32().ShouldBe(11);
        first.GetProperty("severity").GetString().ShouldBe("error");
        first.GetProperty("rule").GetString().ShouldBe("missing-variable");
        first.GetProperty("message").GetString().ShouldBe(
            "test case \"first\" (testData[0]) has no value for {{topic}}, which messages[1] uses: add topic: to "
            + "the case");
    }

    [Fact]
    public void Lint_GitHubFormat_WritesOneWorkflowCommandPerFinding()
    {
        Write("p/t.prompt.yml", Clean.Replace("{{question}}", "{{ question }}", StringComparison.Ordinal)
            + "\n  tokenBudget: 5");

        var result = Lint("--format github p");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stdout.ShouldBe(
            "::error file=p/t.prompt.yml,line=5,title=placeholder-syntax::messages[0].content: {{ question }} has "
            + "spaces inside the braces, so gh-models does not substitute it: write {{question}}\n"
            + "::error file=p/t.prompt.yml,line=12,title=token-budget::test case \"one\" (testData[0]) renders to 10 "
            + "input tokens for openai/gpt-4o-mini (o200k_base), over metadata.tokenBudget of 5: shorten the "
            + "messages or the values, or raise the budget\n");
    }

    [Fact]
    public void Lint_GitHubFormat_EscapesWhatTheRunnerWouldReadAsSyntax()
    {
        Write("a,b:c.prompt.yml", Clean.Replace("\n  reviewers: [alice]", string.Empty, StringComparison.Ordinal));

        var result = Lint("--format github 'a,b:c.prompt.yml'");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stdout.ShouldBe("::error file=a%2Cb%3Ac.prompt.yml,line=9,title=reviewers::metadata.reviewers is "
            + "missing: name at least 1 reviewer, such as reviewers: [alice] under metadata:\n");
    }

    [Fact]
    public void Lint_MinReviewersAndMaxTokens_ChangeThePolicy()
    {
        Write("t.prompt.yml", Clean);

        var result = Lint("--min-reviewers 2 --max-tokens 8 t.prompt.yml");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stdout.ShouldContain("11: error [reviewers] metadata.reviewers names 1, fewer than the 2 reviewers");
        result.Stdout.ShouldContain("3: error [token-budget] test case \"one\" (testData[0]) renders to 9 input "
            + "tokens for openai/gpt-4o-mini (o200k_base), over the default budget of 8");
    }

    [Fact]
    public void Lint_TwoSpellingsOfOneReviewer_CountOnce()
    {
        Write("t.prompt.yml", Clean.Replace("[alice]", "[alice, '@alice']", StringComparison.Ordinal));

        var result = Lint("--min-reviewers 2 t.prompt.yml");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stdout.ShouldBe("t.prompt.yml\n"
            + "  11: error [reviewers] metadata.reviewers names 1, fewer than the 2 reviewers required: add more\n"
            + "  11: warning [reviewers] metadata.reviewers[1]: @alice is alice again (handles ignore letter case and "
            + "the @), so it counts once: remove it\n\n"
            + "1 file linted: 1 error, 1 warning.\n");
    }

    [Theory]
    [InlineData("missing.prompt.yml",
        "frugal: missing.prompt.yml: no such file or folder; give prompt files or folders holding them.\n")]
    [InlineData("", "frugal: there is no prompts/ folder here: pass the prompt files or folders to lint.\n")]
    [InlineData("--format sarif t.prompt.yml", "frugal: --format 'sarif' is not a format: use text, json or github.\n")]
    [InlineData("--json --format github t.prompt.yml",
        "frugal: --json and --format github ask for two outputs: keep one.\n")]
    [InlineData("--git t.prompt.yml",
        "frugal: --git: t.prompt.yml is not in a git repository; leave out --git, or lint a clone.\n")]
    public void Lint_UsedWrongly_ExitsTwo(string arguments, string error)
    {
        Write("t.prompt.yml", Clean);

        var result = Lint(arguments);

        result.ExitCode.ShouldBe(2, result.Stdout);
        result.Stderr.ShouldBe(error);
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public void Lint_Git_FindsAVersionGoingBackAndAReviewerNobodyVouchesFor()
    {
        using var repo = new TestRepository();
        var day = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        var reviewers = "  reviewers: [alice]";
        repo.Commit("Add the prompt", day, files:
            [("CODEOWNERS", "prompts/ @alice\n"), ("prompts/t.prompt.yml", Clean.Replace("1.0.0", "1.2.0"))]);
        var widened = repo.Commit(
            "Widen the reviewers\n\nReviewed-by: Bob Example <bob@users.noreply.github.com>\n", day.AddDays(1),
            files: [("prompts/t.prompt.yml",
                Clean.Replace("1.0.0", "1.3.0").Replace(reviewers, "  reviewers: [alice, bob]"))]);
        File.WriteAllText(Path.Combine(repo.Path, "prompts", "t.prompt.yml"), Clean
            .Replace("1.0.0", "1.1.0").Replace(reviewers, "  reviewers: [alice, bob, carol]"));

        var result = FrugalProcess.Shell(_home.Path, $"cd '{repo.Path}' && $FRUGAL prompt lint --git");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stdout.ShouldBe("prompts/t.prompt.yml\n"
            + "  10: error [version-backwards] metadata.version 1.1.0 is lower than 1.3.0, committed in "
            + $"{widened[..7]}: a version never goes back; set one above 1.3.0\n"
            + "  11: error [reviewer-unverified] metadata.reviewers: carol is not in CODEOWNERS and approved no commit "
            + "that changed this file: add carol to CODEOWNERS, or have carol review the change and add a "
            + "Reviewed-by: carol trailer\n\n"
            + "1 file linted: 2 errors, 0 warnings.\n");
    }

    [Fact]
    public void Lint_GitInAShallowClone_WarnsOnceThatTheHistoryIsIncomplete()
    {
        using var repo = new TestRepository();
        var day = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        repo.Commit("Add the prompts", day, files:
            [("CODEOWNERS", "prompts/ @alice\n"), ("prompts/a.prompt.yml", Clean.Replace("1.0.0", "1.2.0")),
                ("prompts/b.prompt.yml", Clean)]);
        repo.Commit("Go back", day.AddDays(1), files: [("prompts/a.prompt.yml", Clean.Replace("1.0.0", "1.1.0"))]);
        var clone = Path.Combine(repo.Parent, "shallow");
        repo.Git("clone", "-q", "--depth", "1", $"file://{repo.Path}", clone);

        var full = FrugalProcess.Shell(_home.Path, $"cd '{repo.Path}' && $FRUGAL prompt lint --git");
        var shallow = FrugalProcess.Shell(_home.Path, $"cd '{clone}' && $FRUGAL prompt lint --git");

        full.Stdout.ShouldContain("[version-backwards]");
        full.Stdout.ShouldNotContain("[git-history]");
        shallow.ExitCode.ShouldBe(0, shallow.Stdout + shallow.Stderr);
        shallow.Stdout.ShouldBe("prompts/a.prompt.yml\n"
            + "  0: warning [git-history] the git history is incomplete (a shallow clone), so version-backwards and "
            + "reviewer-unverified saw only the commits it holds and may pass or fail wrongly: run git fetch "
            + "--unshallow first, or in GitHub Actions set fetch-depth: 0 on actions/checkout\n\n"
            + "2 files linted: 0 errors, 1 warning.\n");
    }
}
