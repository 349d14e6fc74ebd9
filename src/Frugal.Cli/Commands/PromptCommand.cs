using System.CommandLine;

namespace Frugal.Cli.Commands;

/// <summary><c>frugal prompt</c>: prompt files kept as code — linted, tested, compared, converted.</summary>
internal static class PromptCommand
{
    public static Command Create(TimeProvider clock)
    {
        var command = new Command("prompt", "Lint, test and compare .prompt.yml files (prompts kept as code); "
            + "import and export Prompty files.");
        command.Subcommands.Add(PromptLintCommand.Create());
        command.Subcommands.Add(PromptTestCommand.Create(clock));
        command.Subcommands.Add(PromptDiffCommand.Create());
        command.Subcommands.Add(PromptyConvertCommand.CreateImport());
        command.Subcommands.Add(PromptyConvertCommand.CreateExport());
        return command;
    }
}
