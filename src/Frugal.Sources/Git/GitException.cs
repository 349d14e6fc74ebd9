namespace Frugal.Sources.Git;

/// <summary>A git command that could not run or failed, with what git said.</summary>
public sealed class GitException : Exception
{
    /// <summary>Creates the exception with a message that says what failed and what to do.</summary>
    public GitException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public GitException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without details.</summary>
    public GitException() : this("A git command failed.")
    {
    }
}
