namespace Frugal.Domain.Outcomes;

/// <summary>The stable lower-case ids <see cref="AiAttributor"/> names tools by.</summary>
public static class AiTools
{
    /// <summary>Anthropic's Claude Code, its web sessions and its GitHub app (<c>claude[bot]</c>).</summary>
    public const string ClaudeCode = "claude-code";

    /// <summary>Aider.</summary>
    public const string Aider = "aider";

    /// <summary>GitHub Copilot: coding agent, CLI, review suggestions, VS Code and Autofix.</summary>
    public const string Copilot = "copilot";

    /// <summary>OpenAI Codex, cloud and CLI.</summary>
    public const string Codex = "codex";

    /// <summary>Cursor, its agents and its Composer model.</summary>
    public const string Cursor = "cursor";

    /// <summary>Google Gemini (Gemini Code Assist suggestions, Gemini CLI).</summary>
    public const string Gemini = "gemini";

    /// <summary>Cognition's Devin.</summary>
    public const string Devin = "devin";

    /// <summary>Google's Jules.</summary>
    public const string Jules = "jules";

    /// <summary>Sourcegraph's Amp.</summary>
    public const string Amp = "amp";

    /// <summary>OpenCode.</summary>
    public const string OpenCode = "opencode";

    /// <summary>Qwen Code.</summary>
    public const string QwenCode = "qwen-code";

    /// <summary>
    /// An identity or trailer that looks like AI but names no known tool: a name with <c>GPT</c>, <c>LLM</c> or
    /// <c>AI</c> on an automated address, or a trailer that names only a model.
    /// </summary>
    public const string UnknownAi = "unknown-ai";
}
