namespace Frugal.Gateway.Tests.Fakes;

/// <summary>Splits a reply into the pieces a stream sends.</summary>
internal static class TextChunks
{
    /// <summary>
    /// The text in <paramref name="count"/> consecutive pieces of near-equal length (fewer when the text is
    /// shorter; none when it is empty), never splitting a surrogate pair.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int count)
    {
        if (text.Length == 0)
        {
            return [];
        }

        count = Math.Clamp(count, 1, text.Length);
        var pieces = new List<string>(count);
        var start = 0;
        for (var i = 1; i <= count; i++)
        {
            var end = i == count ? text.Length : text.Length * i / count;
            if (end < text.Length && end > start && char.IsLowSurrogate(text[end]))
            {
                end++;
            }

            if (end > start)
            {
                pieces.Add(text[start..end]);
                start = end;
            }
        }

        return pieces;
    }
}
