using System.CommandLine;
using System.Text.Json;
using Frugal.Cli.Infrastructure;
using Frugal.Cli.Rendering;
using Frugal.Domain.Prompts.Lint;
using Frugal.Sources.Git;
using Frugal.Sources.Prompts;
using Frugal.Sources.Prompts.Lint;

namespace Frugal.Cli.Commands;

/// <summary>
/// <c>frugal prompt lint [PATH...]</c>: every problem of every prompt file at once, each with its file, line, rule
/// and fix. Exit code 0 without errors (warnings allowed), 1 with errors, 2 when used wrongly.
/// </summary>
internal static class PromptLintCommand
{
    private static readonly Argument<string[]> Paths = new("path")
    {
        Description = "Prompt files or folders searched for *.prompt.yml and *.prompt.yaml (default: prompts/).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<bool> Git = new("--git")
    {
        Description = "Also check against git history: the version is never lower than the highest any earlier "
            + "commit gave the file, and each reviewer is in CODEOWNERS or approved a commit that changed the file "
            + "(Reviewed-by: or Approved-by: trailer).",
    };

    private static readonly Option<int> MinReviewers = new("--min-reviewers")
    {
        Description = "How many metadata.reviewers each prompt must name.",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
    };

    private static readonly Option<int> MaxTokens = new("--max-tokens")
    {
        Description = "The input token budget of a prompt that declares no metadata.tokenBudget.",
        HelpName = "TOKENS",
        DefaultValueFactory = _ => LintPolicy.DefaultMaxTokens,
    };

    private static readonly Option<string> Format = new("--format")
    {
        Description = "text (for people), json, or github (GitHub Actions annotations).",
        HelpName = "FORMAT",
        DefaultValueFactory = _ => "text",
    };

    public static Command Create()
    {
        var command = new Command("lint", "Check prompt files: structure, placeholders, test cases, version, "
            + "reviewers, token budget, special tokens and secrets.")
        {
            Paths, Git, MinReviewers, MaxTokens, CommonOptions.Json, Format,
        };
        command.SetAction(parse => Run(parse));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var problems = new UsageProblems();
        var format = problems.Check(() => FormatOf(parse));
        var policy = problems.Check(() => Policy(parse));
        var files = problems.Check(() => Files(parse.GetValue(Paths) ?? []));
        var git = parse.GetValue(Git);
        if (git)
        {
            problems.Check(RequireGit);
        }

        problems.ThrowIfAny();
        var findings = new List<LintFinding>();
        var shallowReported = false;
        foreach (var (path, display) in files!)
        {
            if (PromptFileSearch.WhyNotRead(path) is { } reason)
            {
                findings.Add(new LintFinding(display, 0, LintSeverity.Error, LintRules.Structure, reason));
                continue;
            }

            var history = git ? History(path, display) : null;
            if (history is { IsShallow: true } && !shallowReported)
            {
                findings.Add(PromptLinter.ShallowHistory(display));
                shallowReported = true;
            }

            findings.AddRange(PromptLinter.LintFile(path, display, policy!, history));
        }

        using var stdout = Console.OpenStandardOutput();
        switch (format)
        {
            case "json":
                WriteJson(stdout, files.Count, findings);
                break;
            case "github":
                Write(stdout, GitHubLines(findings));
                break;
            default:
                Write(stdout, TextLines(files.Count, findings));
                break;
        }

        return findings.Any(f => f.Severity == LintSeverity.Error) ? CliError.FailureExitCode : 0;
    }

    private static string FormatOf(ParseResult parse)
    {
        var format = parse.GetValue(Format) ?? "text";
        if (format is not ("text" or "json" or "github"))
        {
            throw CliError.Usage($"--format '{format}' is not a format: use text, json or github.");
        }

        var json = parse.GetValue(CommonOptions.Json);
        if (json && format == "github")
        {
            throw CliError.Usage("--json and --format github ask for two outputs: keep one.");
        }

        return json ? "json" : format;
    }

    private static LintPolicy Policy(ParseResult parse)
    {
        var reviewers = parse.GetValue(MinReviewers);
        var tokens = parse.GetValue(MaxTokens);
        if (reviewers < 0)
        {
            throw CliError.Usage($"--min-reviewers {reviewers} is below zero: give 0 or more.");
        }

        if (tokens < 1)
        {
            throw CliError.Usage($"--max-tokens {tokens} is not a budget: give a number of tokens above zero.");
        }

        return new LintPolicy(reviewers, tokens);
    }

    /// <summary>The files to lint (<c>prompts</c> when none is given), each with the name findings give it.</summary>
    private static List<(string Path, string Display)> Files(string[] paths)
    {
        var selection = PromptFileSearch.Resolve(paths, "prompts", "lint");
        return selection.Problems.Count > 0
            ? throw CliError.Usage(string.Join(" ", selection.Problems))
            : [.. selection.Files.Select(f => (f, f.Replace('\\', '/')))];
    }

    private static bool RequireGit()
    {
        if (!GitRepository.IsInstalled())
        {
            throw CliError.Usage("--git reads the history through the git executable, which could not be run: "
                + "install git and put it on PATH, or leave out --git.");
        }

        return true;
    }

    private static PromptHistory History(string path, string display)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (GitRepository.FindRoot(folder) is null)
        {
            throw CliError.Usage($"--git: {display} is not in a git repository; leave out --git, or lint a clone.");
        }

        try
        {
            return PromptHistory.Read(path);
        }
        catch (GitException e)
        {
            throw CliError.Git(e.Message, e);
        }
    }

    private static IEnumerable<string> TextLines(int files, List<LintFinding> findings)
    {
        foreach (var group in findings.GroupBy(f => f.File))
        {
            yield return group.Key;
            foreach (var f in group)
            {
                yield return $"  {f.Line}: {Severity(f)} [{f.Rule}] {f.Message}";
            }

            yield return string.Empty;
        }

        var errors = findings.Count(f => f.Severity == LintSeverity.Error);
        yield return $"{Numbers.Count(files, "file")} linted: {Numbers.Count(errors, "error")}, "
            + $"{Numbers.Count(findings.Count - errors, "warning")}.";
    }

    /// <summary>GitHub Actions workflow commands, one per finding, escaped as the runner expects.</summary>
    private static IEnumerable<string> GitHubLines(List<LintFinding> findings) => findings.Select(f =>
        $"::{Severity(f)} file={Property(f.File)},line={Math.Max(f.Line, 1)},title={Property(f.Rule)}::"
        + Data(f.Message));

    private static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static string Severity(LintFinding finding) =>
        finding.Severity == LintSeverity.Error ? "error" : "warning";

    private static void Write(Stream stream, IEnumerable<string> lines)
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
        foreach (var line in lines)
        {
            writer.Write(line);
            writer.Write('\n');
        }
    }

    private static void WriteJson(Stream stream, int files, List<LintFinding> findings)
    {
        using (var json = new Utf8JsonWriter(stream, ReportJson.Options))
        {
            var errors = findings.Count(f => f.Severity == LintSeverity.Error);
            json.WriteStartObject();
            json.WriteNumber("files", files);
            json.WriteNumber("errors", errors);
            json.WriteNumber("warnings", findings.Count - errors);
            json.WriteStartArray("findings");
            foreach (var f in findings)
            {
                json.WriteStartObject();
                json.WriteString("file", f.File);
                json.WriteNumber("line", f.Line);
                json.WriteString("severity", Severity(f));
                json.WriteString("rule", f.Rule);
                json.WriteString("message", f.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }
}
