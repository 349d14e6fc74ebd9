namespace Frugal.Domain.Outcomes;

/// <summary>Reads the model out of the names tools give their identities.</summary>
internal static class AiModelNames
{
    /// <summary>
    /// The model an identity's name states for the tool it was matched to: Claude after <c>Claude </c>
    /// (<c>Claude Opus 4.6 (1M context)</c> gives <c>Opus 4.6</c>), Aider in parentheses (<c>aider (gpt-5.4)</c>),
    /// OpenCode and Cursor's model-named co-authors as the whole name (<c>x-ai/grok-4.5</c>, <c>Composer</c>).
    /// </summary>
    public static string? FromIdentityName(string tool, ReadOnlySpan<char> name) => tool switch
    {
        AiTools.ClaudeCode => Claude(name),
        AiTools.Aider => Aider(name),
        AiTools.OpenCode => WholeNameUnless(name, "opencode"),
        AiTools.Cursor => WholeNameUnless(name, "cursor"),
        _ => null,
    };

    /// <summary>
    /// The model in a Claude name: the text after <c>Claude </c> without a trailing parenthesis such as
    /// <c>(1M context)</c>; null for plain <c>Claude</c>, for <c>Claude Code …</c> (the tool, not a model) and for
    /// names that do not start with <c>Claude </c>.
    /// </summary>
    public static string? Claude(ReadOnlySpan<char> name)
    {
        name = name.Trim();
        const string Prefix = "Claude ";
        if (!name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = name[Prefix.Length..].Trim();
        var open = rest.LastIndexOf('(');
        if (rest.EndsWith(")") && open >= 0)
        {
            rest = rest[..open].TrimEnd();
        }

        var firstWord = rest;
        AiNameWords.NextWord(ref firstWord, out var word);
        return rest.IsEmpty || word.Equals("code", StringComparison.OrdinalIgnoreCase) ? null : rest.ToString();
    }

    private static string? Aider(ReadOnlySpan<char> name)
    {
        const string Prefix = "aider (";
        if (!name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = name[Prefix.Length..];
        var close = rest.IndexOf(')');
        var model = (close < 0 ? rest : rest[..close]).Trim();
        return model.IsEmpty ? null : model.ToString();
    }

    private static string? WholeNameUnless(ReadOnlySpan<char> name, string toolName) =>
        name.IsEmpty || name.StartsWith(toolName, StringComparison.OrdinalIgnoreCase) ? null : name.ToString();
}
