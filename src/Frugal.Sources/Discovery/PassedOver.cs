namespace Frugal.Sources.Discovery;

/// <summary>Something under a log folder that was not read, and why.</summary>
/// <param name="Path">The link or folder.</param>
/// <param name="Reason">Why it was passed over.</param>
public sealed record PassedOver(string Path, string Reason);
