namespace Frugal.Sources.Energy;

/// <summary>A model-facts file that cannot be used, with every problem found in it.</summary>
public sealed class ModelFactsFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> with its problems.</summary>
    public ModelFactsFileException(string path, IReadOnlyList<string> problems)
        : base($"{path}: {string.Join("; ", problems)}")
    {
        Path = path;
        Problems = problems;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ModelFactsFileException(string message) : base(message)
    {
        Path = string.Empty;
        Problems = [message];
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ModelFactsFileException(string message, Exception innerException) : base(message, innerException)
    {
        Path = string.Empty;
        Problems = [message];
    }

    /// <summary>Creates the exception without details.</summary>
    public ModelFactsFileException() : this("The model-facts file cannot be used.")
    {
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>Every problem, each naming the entry and what to change.</summary>
    public IReadOnlyList<string> Problems { get; }
}
