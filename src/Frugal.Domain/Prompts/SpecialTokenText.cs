using System.Text.RegularExpressions;

namespace Frugal.Domain.Prompts;

/// <summary>
/// A string in prompt text that is written like a model's special (control) token: <c>&lt;|endoftext|&gt;</c>,
/// ChatML's <c>&lt;|im_start|&gt;</c>, Llama 3's <c>&lt;|eot_id|&gt;</c>, DeepSeek's full-width
/// <c>&lt;｜end▁of▁sentence｜&gt;</c>, Gemma's <c>&lt;start_of_turn&gt;</c>, Llama 2's <c>[INST]</c> and
/// <c>&lt;&lt;SYS&gt;&gt;</c>. Frugal counts such text as ordinary text (as tiktoken's <c>encode_ordinary</c> does),
/// but its presence is worth a finding: an endpoint that parses it as a control token would end or restructure the
/// prompt (the role-injection Prompty's spec §6.3 guards against). <c>&lt;s&gt;</c> and <c>&lt;/s&gt;</c> are not
/// reported: HTML uses them.
/// </summary>
/// <param name="Text">The string as written.</param>
/// <param name="Offset">Where it starts, in UTF-16 code units.</param>
/// <param name="SpecialIn">The tiktoken encodings where it is a special token; empty for other models'.</param>
public sealed partial record SpecialTokenText(string Text, int Offset, IReadOnlyList<TokenEncoding> SpecialIn)
{
    private static readonly string[] O200kSpecials = ["<|endoftext|>", "<|endofprompt|>"];

    private static readonly string[] Cl100kSpecials =
        ["<|endoftext|>", "<|fim_prefix|>", "<|fim_middle|>", "<|fim_suffix|>", "<|endofprompt|>"];

    /// <summary>The special tokens of <paramref name="encoding"/> as tiktoken defines them.</summary>
    public static IReadOnlyList<string> SpecialsOf(TokenEncoding encoding) =>
        encoding == TokenEncoding.O200kBase ? O200kSpecials : Cl100kSpecials;

    /// <summary>Every special-token-like string in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<SpecialTokenText> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<SpecialTokenText>();
        foreach (Match match in Pattern().Matches(text))
        {
            List<TokenEncoding> specialIn = [];
            if (O200kSpecials.Contains(match.Value, StringComparer.Ordinal))
            {
                specialIn.Add(TokenEncoding.O200kBase);
            }

            if (Cl100kSpecials.Contains(match.Value, StringComparer.Ordinal))
            {
                specialIn.Add(TokenEncoding.Cl100kBase);
            }

            found.Add(new SpecialTokenText(match.Value, match.Index, specialIn));
        }

        return found;
    }

    [GeneratedRegex(@"<[|｜][^\s<>|｜]{1,64}[|｜]>|<(?:start|end)_of_turn>|\[/?INST\]|<</?SYS>>")]
    private static partial Regex Pattern();
}
