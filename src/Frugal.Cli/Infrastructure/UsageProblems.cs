namespace Frugal.Cli.Infrastructure;

/// <summary>Collects the usage errors of several options, so that one message names all of them.</summary>
internal sealed class UsageProblems
{
    private readonly List<string> _messages = [];

    /// <summary>Runs <paramref name="parse"/>; a usage error is kept and the default value returned.</summary>
    public T? Check<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (CliError e) when (e.ExitCode == CliError.UsageExitCode)
        {
            _messages.Add(e.Message);
            return default;
        }
    }

    /// <summary>Throws one usage error naming every problem kept, if any.</summary>
    public void ThrowIfAny()
    {
        if (_messages.Count > 0)
        {
            // Sentences end with a full stop, so several read as sentences, not one run-on line.
            throw CliError.Usage(_messages.Count == 1 ? _messages[0]
                : string.Join(" ", _messages.Select(m => m.EndsWith('.') ? m : m + ".")));
        }
    }
}
