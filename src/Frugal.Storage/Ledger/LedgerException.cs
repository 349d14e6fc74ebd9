namespace Frugal.Storage.Ledger;

/// <summary>A ledger that cannot be used as it is, with what to do about it.</summary>
public sealed class LedgerException : Exception
{
    /// <summary>Creates the exception with a message that says what to do.</summary>
    public LedgerException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public LedgerException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without details.</summary>
    public LedgerException() : this("The ledger cannot be used.")
    {
    }
}
