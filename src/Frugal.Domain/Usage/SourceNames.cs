namespace Frugal.Domain.Usage;

/// <summary>The names of the usage sources Frugal reads, as they appear in records and on the command line.</summary>
public static class SourceNames
{
    /// <summary>Anthropic's Claude Code CLI.</summary>
    public const string ClaudeCode = "claude-code";

    /// <summary>OpenAI's Codex CLI.</summary>
    public const string Codex = "codex";
}
