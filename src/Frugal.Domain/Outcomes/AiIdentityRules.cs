namespace Frugal.Domain.Outcomes;

/// <summary>
/// Decides whether a name and e-mail address (an author, a committer or a co-author) belong to an AI tool, in this
/// order: a known address; a GitHub no-reply address, by its login; a name ending <c> (aider)</c>; and, only on an
/// automated address, the name itself.
/// </summary>
/// <remarks>
/// An automated address is a <c>noreply</c> / <c>no-reply</c> local part, an <c>example.com</c>-style placeholder
/// domain, a missing address, or a GitHub <c>[bot]</c> login not known here. On such an address a name word that
/// names a tool (<c>Claude</c>, <c>Codex</c>, <c>Copilot</c>, …) gives that tool, and a word with <c>GPT</c>, or the
/// word <c>LLM</c> or <c>AI</c>, gives <see cref="AiTools.UnknownAi"/>. Names on personal addresses, including
/// GitHub no-reply addresses of people, never count: <c>Claude</c> and <c>Devin</c> are also people's names.
/// Non-AI bots (dependabot, renovate, github-actions) name no tool and so are not AI.
/// </remarks>
internal static class AiIdentityRules
{
    private const string GitHubNoReplyDomain = "users.noreply.github.com";

    private static readonly (string Address, string Tool)[] Addresses =
    [
        ("noreply@anthropic.com", AiTools.ClaudeCode),
        ("claude@anthropic.com", AiTools.ClaudeCode),
        ("claude-code@anthropic.com", AiTools.ClaudeCode),
        ("aider@aider.chat", AiTools.Aider),
        ("noreply@aider.chat", AiTools.Aider),
        ("noreply@aider.dev", AiTools.Aider),
        ("copilot@github.com", AiTools.Copilot),
        ("codex@openai.com", AiTools.Codex),
        ("noreply@openai.com", AiTools.Codex),
        ("codex@example.com", AiTools.Codex),
        ("cursoragent@cursor.com", AiTools.Cursor),
        ("noreply@cursor.com", AiTools.Cursor),
        ("composer@cursor.com", AiTools.Cursor),
        ("amp@ampcode.com", AiTools.Amp),
        ("noreply@opencode.ai", AiTools.OpenCode),
        ("qwen-coder@alibabacloud.com", AiTools.QwenCode),
    ];

    private static readonly (string Login, string Tool)[] GitHubLogins =
    [
        ("claude[bot]", AiTools.ClaudeCode),
        ("Copilot", AiTools.Copilot),
        ("copilot-swe-agent[bot]", AiTools.Copilot),
        ("chatgpt-codex-connector[bot]", AiTools.Codex),
        ("devin-ai-integration[bot]", AiTools.Devin),
        ("google-labs-jules[bot]", AiTools.Jules),
        ("gemini-code-assist[bot]", AiTools.Gemini),
        ("opencode-agent[bot]", AiTools.OpenCode),
    ];

    private static readonly string[] PlaceholderDomains = ["example.com", "example.org", "example.net"];

    /// <summary>Matches an identity, giving the tool and the model its name states.</summary>
    /// <param name="name">The display name.</param>
    /// <param name="email">The e-mail address, without angle brackets; may be empty.</param>
    /// <param name="anyOpenAiAddress">
    /// Whether every <c>@openai.com</c> address is Codex: true for co-authors, where teams invent addresses; false
    /// for authors and committers, who may be OpenAI staff.
    /// </param>
    /// <param name="tool">The tool id when matched.</param>
    /// <param name="model">The model the name states, or null.</param>
    public static bool TryMatch(
        ReadOnlySpan<char> name,
        ReadOnlySpan<char> email,
        bool anyOpenAiAddress,
        out string tool,
        out string? model)
    {
        name = name.Trim();
        email = email.Trim();
        var found = ByAddress(email, anyOpenAiAddress) ?? ByClaudeAtAnthropic(name, email) ?? ByAiderSuffix(name)
            ?? ByAutomatedName(name, email);
        tool = found ?? string.Empty;
        model = found is null ? null : AiModelNames.FromIdentityName(found, name);
        return found is not null;
    }

    /// <summary>
    /// Any <c>@anthropic.com</c> address under a name that says Claude
    /// (<c>Claude Code &lt;support@anthropic.com&gt;</c> is seen in real history): the vendor's own domain with its
    /// tool's name is not a person.
    /// </summary>
    private static string? ByClaudeAtAnthropic(ReadOnlySpan<char> name, ReadOnlySpan<char> email) =>
        email.EndsWith("@anthropic.com", StringComparison.OrdinalIgnoreCase)
            && name.Contains("claude", StringComparison.OrdinalIgnoreCase)
            ? AiTools.ClaudeCode
            : null;

    /// <summary>Splits <c>Name &lt;e-mail&gt;</c> into its parts; without brackets the whole is the name.</summary>
    public static void Split(ReadOnlySpan<char> identity, out ReadOnlySpan<char> name, out ReadOnlySpan<char> email)
    {
        var open = identity.IndexOf('<');
        if (open < 0)
        {
            name = identity.Trim();
            email = [];
            return;
        }

        name = identity[..open].Trim();
        var rest = identity[(open + 1)..];
        var close = rest.IndexOf('>');
        email = (close < 0 ? rest : rest[..close]).Trim();
    }

    private static string? ByAddress(ReadOnlySpan<char> email, bool anyOpenAiAddress)
    {
        var at = email.LastIndexOf('@');
        if (at <= 0)
        {
            return null;
        }

        var domain = email[(at + 1)..];
        if (domain.Equals(GitHubNoReplyDomain, StringComparison.OrdinalIgnoreCase))
        {
            return ByGitHubLogin(GitHubLogin(email[..at]));
        }

        foreach (var (address, tool) in Addresses)
        {
            if (email.Equals(address, StringComparison.OrdinalIgnoreCase))
            {
                return tool;
            }
        }

        return anyOpenAiAddress && domain.Equals("openai.com", StringComparison.OrdinalIgnoreCase)
            ? AiTools.Codex
            : null;
    }

    private static string? ByGitHubLogin(ReadOnlySpan<char> login)
    {
        foreach (var (known, tool) in GitHubLogins)
        {
            if (login.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return tool;
            }
        }

        return null;
    }

    /// <summary>The login in a GitHub no-reply local part: <c>41898282+claude[bot]</c> is <c>claude[bot]</c>.</summary>
    private static ReadOnlySpan<char> GitHubLogin(ReadOnlySpan<char> localPart)
    {
        var plus = localPart.IndexOf('+');
        return plus > 0 && !localPart[..plus].ContainsAnyExceptInRange('0', '9') ? localPart[(plus + 1)..] : localPart;
    }

    private static string? ByAiderSuffix(ReadOnlySpan<char> name) =>
        name.EndsWith(" (aider)", StringComparison.OrdinalIgnoreCase) ? AiTools.Aider : null;

    private static string? ByAutomatedName(ReadOnlySpan<char> name, ReadOnlySpan<char> email) =>
        IsAutomatedAddress(email) ? AiNameWords.ToolNamedBy(name) : null;

    private static bool IsAutomatedAddress(ReadOnlySpan<char> email)
    {
        var at = email.LastIndexOf('@');
        if (at <= 0)
        {
            return true;
        }

        var local = email[..at];
        var domain = email[(at + 1)..];
        if (domain.Equals(GitHubNoReplyDomain, StringComparison.OrdinalIgnoreCase))
        {
            return GitHubLogin(local).EndsWith("[bot]", StringComparison.OrdinalIgnoreCase);
        }

        if (local.StartsWith("noreply", StringComparison.OrdinalIgnoreCase)
            || local.StartsWith("no-reply", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var placeholder in PlaceholderDomains)
        {
            if (domain.Equals(placeholder, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
