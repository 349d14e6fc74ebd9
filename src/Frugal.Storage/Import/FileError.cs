namespace Frugal.Storage.Import;

/// <summary>A log file that could not be read, with the system's reason.</summary>
/// <param name="Path">The file.</param>
/// <param name="Message">Why it could not be read.</param>
public sealed record FileError(string Path, string Message);
