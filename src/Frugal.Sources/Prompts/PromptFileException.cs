namespace Frugal.Sources.Prompts;

/// <summary>A prompt file that cannot be used, with every problem found in it.</summary>
public sealed class PromptFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> with its problems.</summary>
    public PromptFileException(string path, IReadOnlyList<PromptFileProblem> problems)
        : base(string.Join("; ", problems.Select(p => $"{path}:{p.Line}: {p.Message}")))
    {
        Path = path;
        Problems = problems;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public PromptFileException(string message) : base(message)
    {
        Path = string.Empty;
        Problems = [new PromptFileProblem(0, 0, message)];
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public PromptFileException(string message, Exception innerException) : base(message, innerException)
    {
        Path = string.Empty;
        Problems = [new PromptFileProblem(0, 0, message)];
    }

    /// <summary>Creates the exception without details.</summary>
    public PromptFileException() : this("The prompt file cannot be used.")
    {
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>Every problem, each with its line and what to change.</summary>
    public IReadOnlyList<PromptFileProblem> Problems { get; }
}
