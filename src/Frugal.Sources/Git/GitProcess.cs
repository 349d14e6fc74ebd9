using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Frugal.Sources.Git;

/// <summary>
/// Runs the <c>git</c> executable in one repository with settings that make its output machine-readable and the
/// same everywhere: no pager, no colour, no signature checks, no prompts, paths unquoted, messages in UTF-8.
/// </summary>
internal sealed class GitProcess(string directory)
{
    private static readonly string[] Settings =
    [
        "-c", "core.quotepath=off", "-c", "log.showSignature=false", "-c", "i18n.logOutputEncoding=UTF-8",
        "-c", "color.ui=false", "-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false",
        "-c", "diff.renames=true", "--no-pager",
    ];

    /// <summary>The directory git runs in.</summary>
    public string Directory { get; } = directory;

    /// <summary>Runs git and returns its exit code, whole standard output and standard error.</summary>
    public GitOutput Run(IEnumerable<string> arguments, string? input = null)
    {
        using var process = Start(arguments, input is not null);
        var errors = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            var writer = process.StandardInput;
            writer.Write(input);
            writer.Close();
        }

        using var buffer = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(buffer);
        process.WaitForExit();
        return new GitOutput(process.ExitCode, buffer.ToArray(), errors.GetAwaiter().GetResult());
    }

    /// <summary>Runs git and returns its standard output, failing with git's own message when git fails.</summary>
    public byte[] RunChecked(IEnumerable<string> arguments, string? input = null)
    {
        var list = arguments as IReadOnlyList<string> ?? [.. arguments];
        var output = Run(list, input);
        if (output.ExitCode != 0)
        {
            throw Failed(list, output);
        }

        return output.Stdout;
    }

    /// <summary>The exception for a git command that exited with an error.</summary>
    public GitException Failed(IReadOnlyList<string> arguments, GitOutput output)
    {
        var said = output.Stderr.Trim();
        var first = said.Split('\n', 2)[0];
        var reason = first.Length == 0 ? $"exit code {output.ExitCode}" : first;
        return new GitException($"git {string.Join(' ', arguments.Take(3))} failed in {Directory}: {reason}");
    }

    private Process Start(IEnumerable<string> arguments, bool input)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input,
            UseShellExecute = false,
            StandardOutputEncoding = null,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Directory,
        };
        foreach (var setting in Settings)
        {
            start.ArgumentList.Add(setting);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LC_ALL"] = "C";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_PAGER"] = "cat";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        try
        {
            return Process.Start(start) ?? throw new GitException("git could not be started.");
        }
        catch (Win32Exception e)
        {
            throw new GitException(
                "git was not found on PATH; install git (the audit reads history through it) and try again.", e);
        }
    }
}
