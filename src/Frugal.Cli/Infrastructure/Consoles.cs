using Spectre.Console;

namespace Frugal.Cli.Infrastructure;

/// <summary>
/// The two consoles: stdout for results, stderr for progress and warnings. Width is fixed when redirected.
/// </summary>
internal static class Consoles
{
    public static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected)
        {
            console.Profile.Width = 160;
        }

        return console;
    }

    public static IAnsiConsole Out() => Create(Console.Out, Console.IsOutputRedirected);

    public static IAnsiConsole Error() => Create(Console.Error, Console.IsErrorRedirected);
}
