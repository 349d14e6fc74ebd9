using System.CommandLine;

namespace Frugal.Cli.Commands;

/// <summary><c>frugal prompt</c>: prompt files kept as code — linted, tested and compared.</summary>
internal static class PromptCommand
{
    public static Command Create(TimeProvider clock)
    {
        var command = new Command("prompt", "Lint, test and compare .prompt.yml files (prompts kept as code).");
        command.Subcommands.Add(PromptLintCommand.Create());
        command.Subcommands.Add(PromptTestCommand.Create(clock));
        command.Subcommands.Add(PromptDiffCommand.Create());
        return command;
    }
}
