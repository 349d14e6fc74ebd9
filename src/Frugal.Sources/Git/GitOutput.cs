namespace Frugal.Sources.Git;

/// <summary>What one git command returned.</summary>
/// <param name="ExitCode">The process exit code; zero for success.</param>
/// <param name="Stdout">Standard output, as bytes (messages may not be UTF-8).</param>
/// <param name="Stderr">Standard error, as text.</param>
internal sealed record GitOutput(int ExitCode, byte[] Stdout, string Stderr);
