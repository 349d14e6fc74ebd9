namespace Frugal.Domain.Energy.Advice;

/// <summary>Whether a past call could have run on a tier's local model, and if not, the first reason why not.</summary>
public enum LocalFitVerdict
{
    /// <summary>Within every limit: it could have run locally.</summary>
    CouldRunLocally,

    /// <summary>Its prompt and output do not fit the model's context window at the device.</summary>
    ContextTooLong,

    /// <summary>It produced more output than the stated limit.</summary>
    OutputTooLong,

    /// <summary>It used the provider's web search, which a local model does not have.</summary>
    UsedWebSearch,
}
