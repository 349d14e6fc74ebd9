namespace Frugal.Domain.Outcomes;

/// <summary>
/// Reads the value of an <c>Assisted-by:</c> or <c>Generated-by:</c> trailer, which counts only when it names an AI
/// tool or model: curl and others use these keys for people.
/// </summary>
/// <remarks>
/// Three forms: an identity with an e-mail address, judged as a co-author would be (<c>Jane Doe
/// &lt;jane@x.org&gt;</c> is a person); the Linux kernel's <c>AGENT:MODEL [TOOL…]</c>, which counts when the agent
/// is a known tool or the model a known model family; and plain words (<c>Claude Code (Claude Opus 4.6)</c>), which
/// count only when every word outside parentheses is a tool, a vendor, a qualifier such as <c>Code</c> or
/// <c>CLI</c>, a model id or a version, so <c>Devin Smith</c> is a person. <c>Devin</c>, <c>Jules</c> and
/// <c>Amp</c> alone are read as people's names; <c>Claude</c> alone is read as the tool.
/// </remarks>
internal static class AiAssistanceValue
{
    private static readonly string[] QualifierWords =
    [
        "code", "cli", "agent", "assistant", "ai", "app", "chat", "github", "google", "openai", "anthropic",
        "sourcegraph", "cognition", "labs", "opus", "sonnet", "haiku",
    ];

    private static readonly string[] PersonLikeToolWords = ["devin", "jules", "amp"];

    /// <summary>Whether the value names an AI tool or model; gives the tool and the model it states.</summary>
    public static bool TryMatch(ReadOnlySpan<char> value, out string tool, out string? model)
    {
        tool = string.Empty;
        model = null;
        value = value.Trim();
        if (value.IsEmpty)
        {
            return false;
        }

        var open = value.IndexOf('<');
        if (open >= 0 && value[open..].Contains('@'))
        {
            AiIdentityRules.Split(value, out var name, out var email);
            return AiIdentityRules.TryMatch(name, email, anyOpenAiAddress: true, out tool, out model);
        }

        return IsKernelForm(value, out var agent, out var modelId)
            ? TryKernelForm(agent, modelId, out tool, out model)
            : TryWords(value, out tool, out model);
    }

    private static bool IsKernelForm(
        ReadOnlySpan<char> value,
        out ReadOnlySpan<char> agent,
        out ReadOnlySpan<char> modelId)
    {
        var space = value.IndexOfAny(' ', '\t');
        var first = space < 0 ? value : value[..space];
        var colon = first.IndexOf(':');
        var isKernel = colon > 0 && colon < first.Length - 1 && !first[(colon + 1)..].StartsWith("//");
        agent = isKernel ? first[..colon] : [];
        modelId = isKernel ? first[(colon + 1)..] : [];
        return isKernel;
    }

    private static bool TryKernelForm(
        ReadOnlySpan<char> agent,
        ReadOnlySpan<char> modelId,
        out string tool,
        out string? model)
    {
        var named = AiNameWords.Tool(agent) ?? (AiNameWords.IsModelId(modelId) ? AiTools.UnknownAi : null);
        tool = named ?? string.Empty;
        model = named is null ? null : modelId.ToString();
        return named is not null;
    }

    private static bool TryWords(ReadOnlySpan<char> value, out string tool, out string? model)
    {
        tool = string.Empty;
        model = null;
        var open = value.IndexOf('(');
        var words = open < 0 ? value : value[..open];
        var inParentheses = open < 0 ? [] : InParentheses(value[(open + 1)..]);

        string? named = null;
        ReadOnlySpan<char> modelWord = [];
        var wordCount = 0;
        var rest = words;
        while (AiNameWords.NextWord(ref rest, out var word))
        {
            wordCount = checked(wordCount + 1);
            if (AiNameWords.Tool(word) is { } wordTool)
            {
                named ??= wordTool;
            }
            else if (AiNameWords.IsModelId(word))
            {
                modelWord = modelWord.IsEmpty ? word : modelWord;
            }
            else if (!IsQualifier(word) && !word.ContainsAnyInRange('0', '9'))
            {
                return false;
            }
        }

        if (named is null && modelWord.IsEmpty)
        {
            return false;
        }

        if (named is not null && wordCount == 1 && inParentheses.IsEmpty && IsPersonLike(words.Trim()))
        {
            return false;
        }

        tool = named ?? AiTools.UnknownAi;
        model = StatedModel(words, inParentheses, modelWord);
        return true;
    }

    private static string? StatedModel(
        ReadOnlySpan<char> words,
        ReadOnlySpan<char> inParentheses,
        ReadOnlySpan<char> modelWord)
    {
        if (!inParentheses.IsEmpty)
        {
            return inParentheses.StartsWith("Claude", StringComparison.OrdinalIgnoreCase)
                ? AiModelNames.Claude(inParentheses)
                : inParentheses.ToString();
        }

        return AiModelNames.Claude(words) ?? (modelWord.IsEmpty ? null : modelWord.ToString());
    }

    private static ReadOnlySpan<char> InParentheses(ReadOnlySpan<char> afterOpen)
    {
        var close = afterOpen.IndexOf(')');
        return (close < 0 ? afterOpen : afterOpen[..close]).Trim();
    }

    private static bool IsQualifier(ReadOnlySpan<char> word)
    {
        foreach (var qualifier in QualifierWords)
        {
            if (word.Equals(qualifier, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPersonLike(ReadOnlySpan<char> word)
    {
        foreach (var name in PersonLikeToolWords)
        {
            if (word.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
