namespace Frugal.Sources.Prices;

/// <summary>A price file that cannot be used, with every problem found in it.</summary>
public sealed class PriceFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> with its problems.</summary>
    public PriceFileException(string path, IReadOnlyList<string> problems)
        : base($"{path}: {string.Join("; ", problems)}")
    {
        Path = path;
        Problems = problems;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public PriceFileException(string message) : base(message)
    {
        Path = string.Empty;
        Problems = [message];
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public PriceFileException(string message, Exception innerException) : base(message, innerException)
    {
        Path = string.Empty;
        Problems = [message];
    }

    /// <summary>Creates the exception without details.</summary>
    public PriceFileException() : this("The price file cannot be used.")
    {
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>Every problem, each naming the entry and what to change.</summary>
    public IReadOnlyList<string> Problems { get; }
}
