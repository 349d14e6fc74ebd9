using System.Buffers;

namespace Frugal.Domain.Outcomes;

/// <summary>
/// Reads the lines of a message that name other commits or declare a breaking change, on any line (squash merges
/// put the squashed commits' footers in the middle of the body).
/// </summary>
/// <remarks>Each search is one vectorised pass; only hits are read further.</remarks>
internal static class CommitReferences
{
    private const int MinShaLength = 7;
    private const int MaxShaLength = 40;

    /// <summary>Numbers with no letter shorter than this are read as bug-tracker ids, not abbreviated shas.</summary>
    private const int MinAllDigitShaLength = 12;

    private static readonly SearchValues<string> RevertLine =
        SearchValues.Create(["This reverts commit "], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> FixesKey =
        SearchValues.Create(["Fixes:"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> BreakingKeys =
        SearchValues.Create(["BREAKING CHANGE:", "BREAKING-CHANGE:"], StringComparison.Ordinal);

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>The shas named by <c>This reverts commit &lt;sha&gt;</c>, lower case, without repeats.</summary>
    public static IReadOnlyList<string> RevertedShas(ReadOnlySpan<char> message)
    {
        List<string>? shas = null;
        var rest = message;
        var at = rest.IndexOfAny(RevertLine);
        while (at >= 0)
        {
            rest = rest[(at + "This reverts commit ".Length)..];
            var length = HexLength(rest);
            if (length is >= MinShaLength and <= MaxShaLength)
            {
                AddSha(ref shas, rest[..length]);
            }

            at = rest.IndexOfAny(RevertLine);
        }

        return shas is null ? [] : shas;
    }

    /// <summary>
    /// The shas named by <c>Fixes: &lt;sha&gt;</c> trailers in any case, optionally followed by <c>("subject")</c>;
    /// lower case, without repeats.
    /// </summary>
    /// <remarks>
    /// A sha must hold a digit (so English words made of a–f are not read as one), and one with no letter must be at
    /// least 12 characters (so <c>Fixes: 1234567</c>, a bug-tracker id, is not either).
    /// </remarks>
    public static IReadOnlyList<string> FixesShas(ReadOnlySpan<char> message)
    {
        List<string>? shas = null;
        var searched = 0;
        var at = message.IndexOfAny(FixesKey);
        while (at >= 0)
        {
            at = checked(at + searched);
            searched = checked(at + "Fixes:".Length);
            if (StartsLine(message, at) && FixedSha(message[searched..]) is var sha && !sha.IsEmpty)
            {
                AddSha(ref shas, sha);
            }

            at = message[searched..].IndexOfAny(FixesKey);
        }

        return shas is null ? [] : shas;
    }

    /// <summary>Whether a line starts with a <c>BREAKING CHANGE:</c> or <c>BREAKING-CHANGE:</c> footer key.</summary>
    /// <remarks>The key is upper case only, as Conventional Commits requires.</remarks>
    public static bool HasBreakingFooter(ReadOnlySpan<char> message)
    {
        var searched = 0;
        var at = message.IndexOfAny(BreakingKeys);
        while (at >= 0)
        {
            at = checked(at + searched);
            if (StartsLine(message, at))
            {
                return true;
            }

            searched = checked(at + 1);
            at = message[searched..].IndexOfAny(BreakingKeys);
        }

        return false;
    }

    /// <summary>Whether only spaces or tabs stand between the start of the line and <paramref name="at"/>.</summary>
    private static bool StartsLine(ReadOnlySpan<char> message, int at)
    {
        var before = message[..at];
        var lineStart = checked(before.LastIndexOf('\n') + 1);
        return before[lineStart..].TrimStart(" \t").IsEmpty;
    }

    /// <summary>The sha after a <c>Fixes:</c> key, or empty when the value is not one.</summary>
    private static ReadOnlySpan<char> FixedSha(ReadOnlySpan<char> afterKey)
    {
        var value = afterKey.TrimStart(" \t");
        var length = HexLength(value);
        if (length is < MinShaLength or > MaxShaLength)
        {
            return [];
        }

        var sha = value[..length];
        var ends = length == value.Length || value[length] is ' ' or '\t' or '\n' or '(';
        var hasDigit = sha.ContainsAnyInRange('0', '9');
        var hasLetter = sha.ContainsAnyExceptInRange('0', '9');
        return ends && hasDigit && (hasLetter || length >= MinAllDigitShaLength) ? sha : [];
    }

    private static int HexLength(ReadOnlySpan<char> text)
    {
        var length = text.IndexOfAnyExcept(HexDigits);
        return length < 0 ? text.Length : length;
    }

    private static void AddSha(ref List<string>? shas, ReadOnlySpan<char> sha)
    {
        var lower = sha.ToString().ToLowerInvariant();
        shas ??= [];
        if (!shas.Contains(lower))
        {
            shas.Add(lower);
        }
    }
}
