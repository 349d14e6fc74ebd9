namespace Frugal.Domain.Outcomes;

/// <summary>Reads tool names, AI words and model ids out of free text such as a display name.</summary>
/// <remarks>
/// A word is a run of letters, digits, <c>-</c>, <c>.</c> and <c>_</c>; everything else separates words, so
/// <c>claude[bot]</c> is the words <c>claude</c> and <c>bot</c>, and <c>GPT-5</c> stays one word.
/// </remarks>
internal static class AiNameWords
{
    private static readonly (string Word, string Tool)[] ToolWords =
    [
        ("claude", AiTools.ClaudeCode),
        ("claude-code", AiTools.ClaudeCode),
        ("aider", AiTools.Aider),
        ("copilot", AiTools.Copilot),
        ("codex", AiTools.Codex),
        ("cursor", AiTools.Cursor),
        ("gemini", AiTools.Gemini),
        ("gemini-cli", AiTools.Gemini),
        ("devin", AiTools.Devin),
        ("jules", AiTools.Jules),
        ("amp", AiTools.Amp),
        ("opencode", AiTools.OpenCode),
        ("qwen", AiTools.QwenCode),
        ("qwen-code", AiTools.QwenCode),
        ("qwen-coder", AiTools.QwenCode),
    ];

    private static readonly string[] ModelFamilies =
    [
        "claude-", "gpt", "chatgpt", "gemini-", "grok", "llama", "deepseek", "mistral", "codestral", "kimi", "glm-",
        "qwen",
    ];

    /// <summary>
    /// The tool the first tool word names; otherwise <see cref="AiTools.UnknownAi"/> when a word contains
    /// <c>GPT</c> or is <c>LLM</c> or <c>AI</c>; otherwise null.
    /// </summary>
    public static string? ToolNamedBy(ReadOnlySpan<char> text)
    {
        var looksAi = false;
        var rest = text;
        while (NextWord(ref rest, out var word))
        {
            if (Tool(word) is { } tool)
            {
                return tool;
            }

            looksAi |= IsAiWord(word);
        }

        return looksAi ? AiTools.UnknownAi : null;
    }

    /// <summary>The tool a single word names (<c>Claude</c>, <c>codex</c>, <c>Qwen-Coder</c>), or null.</summary>
    public static string? Tool(ReadOnlySpan<char> word)
    {
        foreach (var (known, tool) in ToolWords)
        {
            if (word.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return tool;
            }
        }

        return null;
    }

    /// <summary>Whether a word contains <c>GPT</c> or is <c>LLM</c> or <c>AI</c>, in any case.</summary>
    public static bool IsAiWord(ReadOnlySpan<char> word) =>
        word.Contains("gpt", StringComparison.OrdinalIgnoreCase)
        || word.Equals("llm", StringComparison.OrdinalIgnoreCase)
        || word.Equals("ai", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a word starts like a model id of a known family (<c>claude-</c>, <c>gpt</c>, …).</summary>
    public static bool IsModelId(ReadOnlySpan<char> word)
    {
        foreach (var family in ModelFamilies)
        {
            if (word.StartsWith(family, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Takes the next word off the front of <paramref name="text"/>; false when none is left.</summary>
    public static bool NextWord(scoped ref ReadOnlySpan<char> text, out ReadOnlySpan<char> word)
    {
        var start = 0;
        while (start < text.Length && !IsWordChar(text[start]))
        {
            start++;
        }

        var end = start;
        while (end < text.Length && IsWordChar(text[end]))
        {
            end++;
        }

        word = text[start..end];
        text = text[end..];
        return !word.IsEmpty;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '.' or '_';
}
