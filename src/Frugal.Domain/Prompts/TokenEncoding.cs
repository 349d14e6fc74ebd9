namespace Frugal.Domain.Prompts;

/// <summary>The public BPE encodings Frugal counts with (OpenAI's tiktoken vocabularies).</summary>
public enum TokenEncoding
{
    /// <summary><c>o200k_base</c>: GPT-4o, GPT-4.1, GPT-4.5, the o-series, GPT-5, gpt-oss.</summary>
    O200kBase,

    /// <summary><c>cl100k_base</c>: GPT-4, GPT-3.5 Turbo, text-embedding-3 and ada-002.</summary>
    Cl100kBase,
}

/// <summary>
/// Which encoding a model uses, by model id, and the encodings' names. Models with no public tokenizer (Claude,
/// Gemini, local models) have none here: their counts are estimates made with <c>o200k_base</c>.
/// </summary>
public static class TokenEncodings
{
    /// <summary>The encoding used for models without a known one, whose counts are then estimates.</summary>
    public const TokenEncoding Fallback = TokenEncoding.O200kBase;

    /// <summary>The tiktoken name: <c>o200k_base</c> or <c>cl100k_base</c>.</summary>
    public static string Name(this TokenEncoding encoding) => encoding switch
    {
        TokenEncoding.O200kBase => "o200k_base",
        TokenEncoding.Cl100kBase => "cl100k_base",
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Not a known encoding."),
    };

    /// <summary>
    /// The encoding named <paramref name="name"/> (<c>o200k_base</c>, <c>cl100k_base</c>, or <c>o200k_harmony</c>,
    /// which counts ordinary text as <c>o200k_base</c> does), or null.
    /// </summary>
    public static TokenEncoding? FromName(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "o200k_base" or "o200k_harmony" => TokenEncoding.O200kBase,
        "cl100k_base" => TokenEncoding.Cl100kBase,
        _ => null,
    };

    /// <summary>
    /// The encoding of <paramref name="model"/>, or null when it has no known public one. The id may carry a
    /// provider prefix (<c>openai/gpt-4o-mini</c>, <c>azure/gpt-4.1</c>), a fine-tune prefix
    /// (<c>ft:gpt-4o-mini:...</c>) or an Ollama tag (<c>gpt-oss:20b</c>); letter case is ignored. gpt-oss uses
    /// <c>o200k_harmony</c>, which has the ranks and split pattern of <c>o200k_base</c> and differs only in special
    /// tokens, so ordinary text counts the same.
    /// </summary>
    public static TokenEncoding? ForModel(string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return null;
        }

        var name = model.Trim().ToLowerInvariant();
        if (name.StartsWith("ft:", StringComparison.Ordinal))
        {
            name = name[3..];
        }

        name = name[(name.LastIndexOf('/') + 1)..];
        if (Family(name, "gpt-4o") || Family(name, "chatgpt-4o") || Family(name, "gpt-4.1") || Family(name, "gpt-4.5")
            || Family(name, "gpt-5") || name.StartsWith("gpt-5.", StringComparison.Ordinal) || Family(name, "gpt-oss")
            || Family(name, "o1") || Family(name, "o3") || Family(name, "o4"))
        {
            return TokenEncoding.O200kBase;
        }

        if (Family(name, "gpt-4") || Family(name, "gpt-3.5-turbo") || Family(name, "gpt-35-turbo")
            || name.StartsWith("text-embedding-3-", StringComparison.Ordinal) || name == "text-embedding-ada-002")
        {
            return TokenEncoding.Cl100kBase;
        }

        return null;
    }

    /// <summary>Whether name is the family or a variant, <c>family-x</c> or <c>family:x</c>.</summary>
    private static bool Family(string name, string family) =>
        name.StartsWith(family, StringComparison.Ordinal)
        && (name.Length == family.Length || name[family.Length] is '-' or ':');
}
