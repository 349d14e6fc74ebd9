using System.CommandLine;
using Frugal.Cli.Infrastructure;
using Frugal.Cli.Rendering;
using Frugal.Sources.Prompts;

namespace Frugal.Cli.Commands;

/// <summary>
/// <c>frugal prompt test</c>: runs every test case of prompt files against an OpenAI-compatible endpoint, checks the
/// replies, and reports pass rate, flakiness, tokens and efficiency; exit code 1 when a case or the policy fails.
/// </summary>
internal static class PromptTestCommand
{
    private static readonly Argument<string[]> Paths = new("path")
    {
        Description = "Prompt files, or folders searched for *.prompt.yml and *.prompt.yaml (default: .).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<string> Endpoint = new("--endpoint")
    {
        Description = "The OpenAI-compatible endpoint: a base such as http://127.0.0.1:11434 (Ollama) or "
            + "http://host:9600/v1 (LoLLMs), or the full .../v1/chat/completions URL.",
        HelpName = "URL",
        Required = true,
    };

    private static readonly Option<string?> Model = new("--model")
    {
        Description = "The model to call (default: the file's model).",
        HelpName = "NAME",
    };

    private static readonly Option<string?> ApiKeyEnv = new("--api-key-env")
    {
        Description = "The environment variable holding the API key, sent as Authorization: Bearer.",
        HelpName = "VAR",
    };

    private static readonly Option<bool> ViaGateway = new("--via-gateway")
    {
        Description = "The endpoint is a Frugal gateway: calls carry x-frugal-session: prompt-test, and the gateway "
            + "(not this command) writes them to its ledger.",
    };

    private static readonly Option<int?> Repeat = new("--repeat")
    {
        Description = "Runs per test case (default: metadata.repeat, else 1); a case passes only if every run does.",
        HelpName = "N",
    };

    private static readonly Option<double> TimeoutSeconds = new("--timeout")
    {
        Description = "Seconds to wait for each answer before the run fails.",
        HelpName = "S",
        DefaultValueFactory = _ => 60,
    };

    private static readonly Option<string?> JUnit = new("--junit")
    {
        Description = "Also write the results as JUnit XML to FILE, for CI test viewers.",
        HelpName = "FILE",
    };

    private static readonly Option<bool> Json = new("--json") { Description = "Print the results as JSON." };

    private static readonly Option<bool> NoCache = new("--no-cache")
    {
        Description = "Call the endpoint for every run, neither reading nor writing the reply cache "
            + "($XDG_CACHE_HOME/frugal/prompt-test, else ~/.cache/frugal/prompt-test).",
    };

    private static readonly Option<double> MinEfficiency = new("--min-efficiency")
    {
        Description = "The least efficiency (passed cases per 1,000 tokens, reference §4.4) a prompt must reach "
            + "(default 0.8, the published policy: at most 1,250 tokens per passed case).",
        HelpName = "X",
        DefaultValueFactory = _ => 0.8,
    };

    public static Command Create(TimeProvider clock)
    {
        var command = new Command("test", "Run prompt files' test cases against an OpenAI-compatible endpoint.")
        {
            Paths, Endpoint, Model, ApiKeyEnv, ViaGateway, Repeat, TimeoutSeconds, JUnit, Json, NoCache,
            MinEfficiency, CommonOptions.Ledger,
        };
        command.SetAction((parse, cancel) => RunAsync(parse, clock, cancel));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, TimeProvider clock, CancellationToken cancel)
    {
        var url = PromptTestEndpoint.ChatUrl(parse.GetValue(Endpoint)!)
            ?? throw CliError.Usage($"--endpoint '{PromptTestEndpoint.Redacted(parse.GetValue(Endpoint)!)}' is not "
                + "an http(s) URL: give one such "
                + "as http://127.0.0.1:11434 or http://host/v1/chat/completions.");
        if (parse.GetValue(JUnit) is { } junitPath)
        {
            var full = Path.GetFullPath(string.IsNullOrWhiteSpace(junitPath) ? "." : junitPath);
            if (string.IsNullOrWhiteSpace(junitPath) || Directory.Exists(full)
                || !Directory.Exists(Path.GetDirectoryName(full)))
            {
                throw CliError.Usage($"--junit '{junitPath}' is not a file in an existing folder: name the XML file "
                    + "to write, such as results/prompts.xml.");
            }
        }

        if (parse.GetValue(MinEfficiency) is var floor && (!double.IsFinite(floor) || floor < 0))
        {
            throw CliError.Usage($"--min-efficiency {floor} is not a number of passed cases per 1,000 tokens: give 0 "
                + "or more, such as 0.8.");
        }

        var repeat = parse.GetValue(Repeat);
        if (repeat is < 1 or > PromptFile.MaxRepeat)
        {
            throw CliError.Usage(PromptFile.RepeatOutOfRange("--repeat", $"{repeat}") + ".");
        }

        if (parse.GetValue(Model) is { } model && string.IsNullOrWhiteSpace(model))
        {
            throw CliError.Usage("--model is empty: give the model to call, such as llama3.2, or leave --model out to "
                + "call each file's own model.");
        }

        var timeout = parse.GetValue(TimeoutSeconds);
        if (!(timeout > 0 && timeout <= 3600))
        {
            throw CliError.Usage("--timeout must be above 0 and at most 3600 seconds.");
        }

        var files = PromptFiles(parse.GetValue(Paths) ?? []);
        var cache = parse.GetValue(NoCache) ? null : CacheFolder();
        using var endpoint = new PromptTestEndpoint(url, ApiKey(parse.GetValue(ApiKeyEnv)),
            parse.GetValue(ViaGateway), TimeSpan.FromSeconds(timeout), cache, clock);
        using var ledger = new PromptTestLedger(parse.GetValue(CommonOptions.Ledger), parse.GetValue(ViaGateway));
        var runner = new PromptTestRunner(endpoint, parse.GetValue(Model), repeat, clock, ledger.Add);
        var results = await RunFilesAsync(runner, files, cancel).ConfigureAwait(false);
        if (parse.GetValue(ViaGateway) && ledger.Calls > 0)
        {
            Console.Error.WriteLine($"{ledger.Calls} calls went through the gateway, which records them "
                + "(session prompt-test); they are not written again here.");
        }

        return Report(parse, results);
    }

    private static async Task<List<PromptTestFile>> RunFilesAsync(
        PromptTestRunner runner, IReadOnlyList<string> files, CancellationToken cancel)
    {
        var results = new List<PromptTestFile>();
        foreach (var file in files)
        {
            PromptFileReading reading;
            try
            {
                reading = PromptFile.Read(file);
            }
            catch (PromptFileException e)
            {
                await Console.Error.WriteLineAsync(TerminalText.Printable($"{file}: {e.Message}"))
                    .ConfigureAwait(false);
                results.Add(PromptTestFile.Unreadable(file, e.Problems));
                continue;
            }

            if (!reading.IsValid)
            {
                foreach (var problem in reading.Problems)
                {
                    await Console.Error.WriteLineAsync(TerminalText.Printable($"{file}:{problem}"))
                        .ConfigureAwait(false);
                }

                results.Add(PromptTestFile.Unreadable(file, reading.Problems));
                continue;
            }

            results.Add(PromptTestFile.Ran(await runner.RunAsync(file, reading.Prompt, cancel).ConfigureAwait(false)));
        }

        return results;
    }

    private static int Report(ParseResult parse, List<PromptTestFile> results)
    {
        var minEfficiency = parse.GetValue(MinEfficiency);
        if (parse.GetValue(JUnit) is { } junit)
        {
            PromptTestReport.JUnit(junit, results, minEfficiency);
        }

        if (parse.GetValue(Json))
        {
            using var stdout = Console.OpenStandardOutput();
            PromptTestReport.Json(stdout, results, minEfficiency);
            stdout.WriteByte((byte)'\n');
        }
        else
        {
            Console.Out.Write(PromptTestReport.Text(results, minEfficiency));
        }

        return results.All(r => r.Passes(minEfficiency)) ? 0 : CliError.FailureExitCode;
    }

    private static string? ApiKey(string? variable)
    {
        if (variable is null)
        {
            return null;
        }

        var key = Environment.GetEnvironmentVariable(variable)?.Trim();
        if (string.IsNullOrEmpty(key))
        {
            throw CliError.Usage($"--api-key-env {variable}: that variable is unset or empty; export the key in it.");
        }

        // Printable ASCII only: a line break would split the Authorization header, and the key is never printed.
        return key.All(c => c is > ' ' and <= '~')
            ? key
            : throw CliError.Usage($"--api-key-env {variable}: the key in that variable holds a line break, space or "
                + "other character an HTTP header cannot carry; export the key alone, on one line.");
    }

    /// <summary>
    /// The files named, and the prompt files under the folders named (this folder when none is given), each once.
    /// As with the lint, a path that is missing or a folder without a prompt file is a usage error, and so is a file
    /// that cannot be read (all of them named at once): a run that tests nothing must not pass.
    /// </summary>
    private static List<string> PromptFiles(string[] paths)
    {
        var selection = PromptFileSearch.Resolve(paths, ".", "test");

        // Refused before any call: reading a FIFO would wait forever.
        var problems = selection.Problems.Concat(selection.Files
            .Select(f => (File: f, Reason: PromptFileSearch.WhyNotRead(f)))
            .Where(f => f.Reason is not null)
            .Select(f => $"{f.File.Replace('\\', '/')} {f.Reason}.")).ToList();
        return problems.Count > 0 ? throw CliError.Usage(string.Join(" ", problems)) : [.. selection.Files];
    }

    /// <summary><c>$XDG_CACHE_HOME/frugal/prompt-test</c>, else <c>~/.cache/frugal/prompt-test</c>.</summary>
    private static string CacheFolder()
    {
        var cacheHome = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrWhiteSpace(cacheHome))
        {
            cacheHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        return Path.Combine(cacheHome, "frugal", "prompt-test");
    }
}
