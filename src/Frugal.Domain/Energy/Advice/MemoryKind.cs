namespace Frugal.Domain.Energy.Advice;

/// <summary>How a device's accelerator reaches memory, which decides how much of it a model may use.</summary>
public enum MemoryKind
{
    /// <summary>
    /// Apple unified memory: by default the GPU may use about 70 % (smaller machines) to 78 % (larger ones)
    /// of RAM (<c>recommendedMaxWorkingSetSize</c>).
    /// </summary>
    Unified,

    /// <summary>Discrete GPU memory, less 0.5–1 GB for the driver and desktop.</summary>
    Discrete,
}
