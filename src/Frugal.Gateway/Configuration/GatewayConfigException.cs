namespace Frugal.Gateway.Configuration;

/// <summary>A gateway configuration file that cannot be used; every problem found is listed.</summary>
public sealed class GatewayConfigException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> with its <paramref name="problems"/>.</summary>
    public GatewayConfigException(string path, IReadOnlyList<string> problems)
        : base($"{path}: {string.Join("; ", problems)}")
    {
        Path = path;
        Problems = problems;
    }

    /// <summary>Creates the exception with a message.</summary>
    public GatewayConfigException()
        : this(string.Empty, [])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GatewayConfigException(string message)
        : this(string.Empty, [message])
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public GatewayConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
        Problems = [message];
    }

    /// <summary>The file.</summary>
    public string Path { get; } = string.Empty;

    /// <summary>Each problem, naming where it is and what to do.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
