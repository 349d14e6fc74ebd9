namespace Frugal.Domain.Energy.Advice;

/// <summary>Whether a model fits a device's usable memory, given that both are known only within bounds.</summary>
public enum FitVerdict
{
    /// <summary>The most it may need is within the least the device surely offers.</summary>
    Fits,

    /// <summary>It fits only if buffers are small or the device lets more memory be used: try it and see.</summary>
    Tight,

    /// <summary>The least it may need is beyond the most the device offers: part would run on the CPU.</summary>
    DoesNotFit,
}
