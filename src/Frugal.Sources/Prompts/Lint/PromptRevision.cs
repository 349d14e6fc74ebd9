namespace Frugal.Sources.Prompts.Lint;

/// <summary>A prompt file's text as one commit left it.</summary>
/// <param name="Commit">The commit's short id, as git abbreviates it.</param>
/// <param name="Text">The file's text in it, a leading BOM dropped.</param>
public sealed record PromptRevision(string Commit, string Text);
