using System.Text.RegularExpressions;
using Frugal.Domain.Prompts;
using Microsoft.ML.Tokenizers;

namespace Frugal.Sources.Prompts;

/// <summary>
/// Counts prompt tokens with OpenAI's public encodings (Microsoft.ML.Tokenizers' tiktoken port, vocabularies
/// embedded, nothing downloaded). Text is always counted as ordinary text, as tiktoken's <c>encode_ordinary</c>
/// does: a string such as <c>&lt;|endoftext|&gt;</c> in a prompt is text its author wrote, and an API counts it as
/// text (7 tokens in o200k_base), while ML.Tokenizers' <c>CountTokens</c> would count it as one special token.
/// Find such strings with <see cref="SpecialTokenText.Find"/>.
/// </summary>
/// <remarks>
/// Each encoding is loaded once, on first use (about 0.1–0.3 s), and shared; counting is thread-safe.
/// </remarks>
public static partial class PromptTokens
{
    private static readonly Lazy<Tokenizer> O200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));
    private static readonly Lazy<Tokenizer> Cl100k = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    /// <summary>The ordinary-text token count of <paramref name="text"/> in <paramref name="encoding"/>.</summary>
    public static int Count(string text, TokenEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return 0;
        }

        var specials = SpecialTokenText.SpecialsOf(encoding);
        return specials.Any(s => text.Contains(s, StringComparison.Ordinal))
            ? CountByPieces(text, encoding)
            : Tokenizer(encoding).CountTokens(text);
    }

    /// <summary>
    /// The token count of <paramref name="text"/> for <paramref name="model"/>: with its own encoding when it has a
    /// public one, else with <see cref="TokenEncodings.Fallback"/> and marked as an estimate.
    /// </summary>
    public static TextTokenCount Count(string text, string? model)
    {
        var known = TokenEncodings.ForModel(model);
        var encoding = known ?? TokenEncodings.Fallback;
        return new TextTokenCount(Count(text, encoding), encoding, IsEstimate: known is null);
    }

    /// <summary>
    /// The input tokens of <paramref name="messages"/> sent to <paramref name="model"/>: each message's content
    /// counted as in <see cref="Count(string, string?)"/>, with the chat overhead <see cref="ChatTokenCount"/> adds.
    /// </summary>
    public static ChatTokenCount CountChat(IEnumerable<PromptMessage> messages, string? model)
    {
        var known = TokenEncodings.ForModel(model);
        return CountChat(messages, known ?? TokenEncodings.Fallback, isEstimate: known is null);
    }

    /// <summary>
    /// The input tokens of <paramref name="messages"/> counted with <paramref name="encoding"/>, such as the one a
    /// <see cref="TokenBudget.EncodingFor"/> names; <paramref name="isEstimate"/> is carried into the result.
    /// </summary>
    public static ChatTokenCount CountChat(IEnumerable<PromptMessage> messages, TokenEncoding encoding, bool isEstimate)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var counts = messages.Select(m => Count(m.Content, encoding)).ToList();
        return new ChatTokenCount(counts, encoding, isEstimate);
    }

    /// <summary>
    /// Counts with the encoding's split pattern applied here, without special tokens, then each piece alone: what
    /// tiktoken's <c>encode_ordinary</c> does. The pieces of the pattern never hold a whole <c>&lt;|...|&gt;</c>
    /// string, so none is taken for a special token. Used for text holding a special token's string; it gives the
    /// same count as <see cref="Tokenizer.CountTokens(string, bool, bool)"/> for any other text.
    /// </summary>
    internal static int CountByPieces(string text, TokenEncoding encoding)
    {
        var tokenizer = Tokenizer(encoding);
        var pattern = encoding == TokenEncoding.O200kBase ? O200kPattern() : Cl100kPattern();
        var total = 0;
        foreach (var piece in pattern.EnumerateMatches(text))
        {
            total += tokenizer.CountTokens(
                text.AsSpan(piece.Index, piece.Length), considerPreTokenization: false, considerNormalization: false);
        }

        return total;
    }

    private static Tokenizer Tokenizer(TokenEncoding encoding) => encoding switch
    {
        TokenEncoding.O200kBase => O200k.Value,
        TokenEncoding.Cl100kBase => Cl100k.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Not a known encoding."),
    };

    /// <summary>o200k_base's split pattern, as tiktoken (tiktoken_ext/openai_public.py) defines it.</summary>
    [GeneratedRegex(
        @"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?"
        + @"|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?"
        + @"|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+")]
    private static partial Regex O200kPattern();

    /// <summary>cl100k_base's split pattern, as tiktoken defines it.</summary>
    [GeneratedRegex(
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+"
        + @"|\s+(?!\S)|\s+")]
    private static partial Regex Cl100kPattern();
}
