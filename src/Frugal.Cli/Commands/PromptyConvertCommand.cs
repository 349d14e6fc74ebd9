using System.CommandLine;
using System.Text;
using Frugal.Cli.Infrastructure;
using Frugal.Sources.Prompts;
using Frugal.Sources.Prompts.Prompty;

namespace Frugal.Cli.Commands;

/// <summary>
/// <c>frugal prompt import FILE.prompty...</c> and <c>frugal prompt export FILE.prompt.yml...</c>: conversion
/// between Microsoft Prompty files and <c>.prompt.yml</c>. Each file is written next to its source (or to
/// <c>--output</c>), never over an existing file unless <c>--force</c>; everything the conversion dropped or changed
/// is printed as a note. Exit code 0 when every file converted, 1 when one could not be (its problems are printed;
/// the other files still convert), 2 when used wrongly.
/// </summary>
internal static class PromptyConvertCommand
{
    private static readonly Option<string> Output = new("--output", "-o")
    {
        Description = "Where to write, for a single input: a file, or - for standard output (default: next to the "
            + "input, with the other extension).",
        HelpName = "FILE",
    };

    private static readonly Option<bool> Force = new("--force")
    {
        Description = "Overwrite an output file that already exists.",
    };

    private static readonly Option<int> PromptyVersion = new("--prompty-version")
    {
        Description = "The Prompty format to write: 2 (current; keeps tests and Frugal's metadata under metadata) or "
            + "1 (what Semantic Kernel's loader reads; tests beyond the first sample are left out).",
        HelpName = "1|2",
        DefaultValueFactory = _ => 2,
    };

    public static Command CreateImport()
    {
        var files = new Argument<string[]>("file")
        {
            Description = "Prompty files (.prompty), v1 or v2.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("import", "Convert Prompty files (.prompty) to .prompt.yml: model, parameters, "
            + "messages (Jinja {{ name }} to {{name}}), the sample or input examples as a test case; every field "
            + "that cannot be carried is named.")
        {
            files, Output, Force,
        };
        command.SetAction(parse => Run(parse, files, (path, text) => PromptyImport.Convert(path, text),
            PromptyImport.DefaultOutput));
        return command;
    }

    public static Command CreateExport()
    {
        var files = new Argument<string[]>("file")
        {
            Description = "Prompt files (.prompt.yml).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("export", "Convert .prompt.yml files to Prompty (.prompty) that renders the same "
            + "messages; v2 keeps test data, evaluators, checks and Frugal's metadata under metadata, so an import "
            + "gives the file back.")
        {
            files, Output, Force, PromptyVersion,
        };
        command.SetAction(parse =>
        {
            var version = parse.GetValue(PromptyVersion);
            if (version is not (1 or 2))
            {
                throw CliError.Usage($"--prompty-version {version} is not a Prompty format: use 1 or 2");
            }

            return Run(parse, files, (path, text) => PromptyExport.Convert(path, text, version),
                PromptyExport.DefaultOutput);
        });
        return command;
    }

    private static int Run(ParseResult parse, Argument<string[]> files,
        Func<string, string, PromptConversion> convert, Func<string, string> defaultOutput)
    {
        var inputs = parse.GetValue(files) ?? [];
        var output = parse.GetValue(Output);
        var force = parse.GetValue(Force);
        if (output is not null && inputs.Length > 1)
        {
            throw CliError.Usage($"--output names one file, but {inputs.Length} inputs were given: convert them one "
                + "at a time, or leave --output out to write each next to its input");
        }

        var problems = new UsageProblems();
        foreach (var input in inputs)
        {
            problems.Check(() => File.Exists(input) ? input
                : throw CliError.Usage(Directory.Exists(input)
                    ? $"{input} is a folder: name the files to convert"
                    : $"{input} does not exist: check the path"));
        }

        problems.ThrowIfAny();
        var exit = 0;
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var target = output ?? defaultOutput(input);
            if (target != "-" && Refused(input, target, force, written) is { } refusal)
            {
                Console.Error.WriteLine($"frugal: {refusal}");
                exit = CliError.FailureExitCode;
                continue;
            }

            if (PromptFileSearch.WhyNotRead(input) is { } reason)
            {
                // Not opened: reading a FIFO would wait forever.
                Console.Error.WriteLine($"frugal: {input} {reason}; not converted");
                exit = CliError.FailureExitCode;
                continue;
            }

            PromptConversion conversion;
            try
            {
                conversion = convert(input, PromptFile.ReadText(input));
            }
            catch (PromptFileException e)
            {
                foreach (var problem in e.Problems)
                {
                    Console.Error.WriteLine($"frugal: {input}:{problem.Line}: {problem.Message}");
                }

                Console.Error.WriteLine($"frugal: {input} not converted");
                exit = CliError.FailureExitCode;
                continue;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"frugal: {input} cannot be read ({e.Message})");
                exit = CliError.FailureExitCode;
                continue;
            }

            foreach (var note in conversion.Notes)
            {
                Console.Error.WriteLine(note.Line > 0 ? $"note: {input}:{note.Line}: {note.Message}"
                    : $"note: {input}: {note.Message}");
            }

            if (target == "-")
            {
                Console.Out.Write(conversion.Text);
                continue;
            }

            try
            {
                File.WriteAllText(target, conversion.Text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"frugal: {target} cannot be written ({e.Message}); {input} not converted");
                exit = CliError.FailureExitCode;
                continue;
            }

            written.Add(Path.GetFullPath(target));
            Console.Error.WriteLine($"wrote {target}{Noted(conversion.Notes.Count)}");
        }

        return exit;
    }

    /// <summary>Why <paramref name="target"/> must not be written, or null.</summary>
    private static string? Refused(string input, string target, bool force, HashSet<string> written)
    {
        var full = Path.GetFullPath(target);
        if (Resolved(target) == Resolved(input))
        {
            return $"{target} is the input itself: not overwritten (give --output another file)";
        }

        if (written.Contains(full))
        {
            return $"{target} was written a moment ago from another input: not overwritten ({input} not converted; "
                + "convert them one at a time with --output)";
        }

        if (Directory.Exists(target))
        {
            return $"{target} is a folder: not overwritten (give --output a file)";
        }

        return File.Exists(target) && !force
            ? $"{target} already exists: not overwritten (use --force, or --output another file)"
            : null;
    }

    /// <summary>The file a path ends at, links followed, so a link to the input is the input.</summary>
    private static string Resolved(string path)
    {
        try
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        }
        catch (IOException)
        {
            return Path.GetFullPath(path);
        }
    }

    private static string Noted(int notes) => notes switch
    {
        0 => " (exact)",
        1 => " (1 note above)",
        _ => $" ({notes} notes above)",
    };
}
