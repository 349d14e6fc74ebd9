namespace Frugal.Domain.Outcomes;

/// <summary>
/// A subject in Conventional Commits form, <c>type(scope)!: description</c>, read by hand: a type is a letter then
/// up to 31 letters, digits, <c>-</c> or <c>_</c>; the colon must be followed by a space and a description.
/// </summary>
/// <param name="Type">The type, lower case.</param>
/// <param name="Scope">The scope, or null when absent or empty.</param>
/// <param name="Breaking">Whether <c>!</c> stands before the colon.</param>
internal readonly record struct ConventionalSubject(string Type, string? Scope, bool Breaking)
{
    private const int MaxTypeLength = 32;

    private static readonly string[] CommonTypes =
    [
        "feat", "feature", "fix", "bugfix", "hotfix", "revert", "build", "chore", "ci", "docs", "style", "refactor",
        "perf", "test",
    ];

    /// <summary>Parses a subject; false when it is not in Conventional Commits form.</summary>
    public static bool TryParse(ReadOnlySpan<char> subject, out ConventionalSubject parsed)
    {
        parsed = default;
        subject = subject.Trim();
        var typeEnd = TypeLength(subject);
        if (typeEnd == 0)
        {
            return false;
        }

        var rest = subject[typeEnd..];
        string? scope = null;
        if (rest.StartsWith('('))
        {
            var inside = rest[1..];
            var close = inside.IndexOfAny('(', ')');
            if (close < 0 || inside[close] != ')')
            {
                return false;
            }

            var scopeText = inside[..close].Trim();
            scope = scopeText.IsEmpty ? null : scopeText.ToString();
            rest = inside[(close + 1)..];
        }

        var breaking = rest.StartsWith('!');
        rest = breaking ? rest[1..] : rest;
        if (!rest.StartsWith(": ") || rest[2..].IsWhiteSpace())
        {
            return false;
        }

        parsed = new ConventionalSubject(LowerCaseType(subject[..typeEnd]), scope, breaking);
        return true;
    }

    /// <summary>The kind the type declares.</summary>
    public ChangeKind Kind => Type switch
    {
        "feat" or "feature" => ChangeKind.Feature,
        "fix" or "bugfix" or "hotfix" => ChangeKind.Fix,
        "revert" => ChangeKind.Revert,
        _ => ChangeKind.Other,
    };

    /// <summary>The type in lower case, without allocating for the common types.</summary>
    private static string LowerCaseType(ReadOnlySpan<char> type)
    {
        foreach (var common in CommonTypes)
        {
            if (type.Equals(common, StringComparison.OrdinalIgnoreCase))
            {
                return common;
            }
        }

        return type.ToString().ToLowerInvariant();
    }

    private static int TypeLength(ReadOnlySpan<char> subject)
    {
        if (subject.IsEmpty || !char.IsAsciiLetter(subject[0]))
        {
            return 0;
        }

        var length = 1;
        while (length < subject.Length && (char.IsAsciiLetterOrDigit(subject[length]) || subject[length] is '-' or '_'))
        {
            length++;
        }

        return length <= MaxTypeLength ? length : 0;
    }
}
