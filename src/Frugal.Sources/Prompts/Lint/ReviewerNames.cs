namespace Frugal.Sources.Prompts.Lint;

/// <summary>
/// When two reviewer names are one person: a handle with or without its <c>@</c>, in any letter case, as GitHub
/// compares handles. The reviewer count and the git check both use it, so they agree.
/// </summary>
internal static class ReviewerNames
{
    /// <summary>How keys compare: letter case ignored.</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>The name without the white space around it and the <c>@</c> before a handle.</summary>
    public static string Key(string reviewer) => reviewer.Trim().TrimStart('@');
}
