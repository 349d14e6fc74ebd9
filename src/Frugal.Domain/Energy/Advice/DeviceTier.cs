namespace Frugal.Domain.Energy.Advice;

/// <summary>The hardware tiers the advisor compares.</summary>
public enum DeviceTier
{
    /// <summary>The cheapest machine that runs a small model: a 16 GB Mac mini M4.</summary>
    Entry,

    /// <summary>A workstation with a large unified memory: Mac Studio M2 Ultra, MacBook Pro M3 Max.</summary>
    Pro,

    /// <summary>A desktop with a high-end discrete GPU: RTX 4090 or RTX 5090.</summary>
    Power,

    /// <summary>A machine the user describes.</summary>
    Custom,
}
