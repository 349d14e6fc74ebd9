using Microsoft.ML.Tokenizers;

namespace Frugal.Gateway.Metering;

/// <summary>
/// Counts tokens when an upstream reports none: with o200k_base (exact for OpenAI's current models, an estimate for
/// others). A count made here is always recorded as estimated.
/// </summary>
public static class TokenEstimator
{
    private static readonly Lazy<Tokenizer> O200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    /// <summary>The token count of <paramref name="text"/>.</summary>
    public static long Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? 0 : O200k.Value.CountTokens(text);
    }
}
