namespace Frugal.Sources.Reviews;

/// <summary>
/// A file that cannot be read as a pull-request export at all: unreadable, empty, not JSON, or JSON of another kind.
/// Its message names the file, the position when known, what was expected and how to produce a valid export.
/// </summary>
public sealed class PullRequestExportException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    /// <param name="path">The file's path, or the name given for a stream.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <param name="lineNumber">The line (from 1) where it went wrong, when known.</param>
    /// <param name="bytePositionInLine">The byte within that line (from 1), when known.</param>
    /// <param name="innerException">The cause, when there is one.</param>
    public PullRequestExportException(
        string path, string problem, long? lineNumber, long? bytePositionInLine, Exception? innerException = null)
        : base(Describe(path, problem, lineNumber, bytePositionInLine), innerException)
    {
        Path = path;
        Problem = problem;
        LineNumber = lineNumber;
        BytePositionInLine = bytePositionInLine;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public PullRequestExportException(string message) : base(message)
    {
        Path = string.Empty;
        Problem = message;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public PullRequestExportException(string message, Exception innerException) : base(message, innerException)
    {
        Path = string.Empty;
        Problem = message;
    }

    /// <summary>Creates the exception without details.</summary>
    public PullRequestExportException() : this("The pull-request export cannot be read.")
    {
    }

    /// <summary>The file's path, or the name given for a stream.</summary>
    public string Path { get; }

    /// <summary>What is wrong, without the advice.</summary>
    public string Problem { get; }

    /// <summary>The line (from 1) where it went wrong, when known.</summary>
    public long? LineNumber { get; }

    /// <summary>The byte within <see cref="LineNumber"/> (from 1), when known.</summary>
    public long? BytePositionInLine { get; }

    private static string Describe(string path, string problem, long? line, long? bytePosition)
    {
        var where = (line, bytePosition) switch
        {
            ({ } l, { } b) => $" (line {l}, byte {b})",
            ({ } l, null) => $" (line {l})",
            _ => string.Empty,
        };
        return $"{path}{where}: {problem}. Expected the JSON array that gh pr list --json writes, or GitLab's merge "
            + "request list; several of either, concatenated or one per line, are fine. To produce one, run: "
            + PullRequestExport.GitHubCommand;
    }
}
