namespace Frugal.Cli.Audit;

/// <summary>The pull requests read from every export, and what had to be skipped in them.</summary>
internal sealed record PullRequestFiles(PullRequestIndex Index, IReadOnlyList<string> Warnings);
