using System.Globalization;

namespace Frugal.Domain.Outcomes;

/// <summary>
/// What a merge or squash commit's message says about the pull request it landed: GitHub's <c>Merge pull request #N
/// from owner/branch</c> with the title in the next paragraph, GitLab's <c>Merge branch 'src' into 'dst'</c> with
/// the title next and <c>See merge request group/project!N</c> below, and GitHub's squash suffix <c>… (#N)</c>.
/// </summary>
/// <param name="PullRequest">The pull or merge request number, or null.</param>
/// <param name="Branch">The merged source branch, or null.</param>
/// <param name="Title">
/// The line to classify: the pull-request title, the squash subject without its suffix, or null for a merge whose
/// title cannot be read.
/// </param>
internal readonly record struct MergeSubject(int? PullRequest, string? Branch, string? Title)
{
    private const string GitHubMerge = "Merge pull request #";
    private const string BranchMerge = "Merge branch '";
    private const string GitLabReference = "See merge request ";

    /// <summary>Reads a merge or squash message; false when the subject is neither.</summary>
    /// <param name="message">The whole message.</param>
    /// <param name="subject">Its first line.</param>
    /// <param name="merge">What the message says.</param>
    public static bool TryParse(ReadOnlySpan<char> message, ReadOnlySpan<char> subject, out MergeSubject merge)
    {
        if (subject.StartsWith(GitHubMerge, StringComparison.Ordinal))
        {
            merge = ParseGitHub(message, subject);
            return true;
        }

        if (subject.StartsWith(BranchMerge, StringComparison.Ordinal))
        {
            merge = ParseBranchMerge(message, subject);
            return true;
        }

        return TryParseSquash(subject, out merge);
    }

    private static MergeSubject ParseGitHub(ReadOnlySpan<char> message, ReadOnlySpan<char> subject)
    {
        var rest = subject[GitHubMerge.Length..];
        var digits = DigitCount(rest);
        var number = ParseNumber(rest[..digits]);

        rest = rest[digits..];
        string? branch = null;
        const string From = " from ";
        if (rest.StartsWith(From, StringComparison.Ordinal))
        {
            var reference = rest[From.Length..].Trim();
            var slash = reference.IndexOf('/');
            var name = slash < 0 ? reference : reference[(slash + 1)..];
            branch = name.IsEmpty ? null : name.ToString();
        }

        var title = FirstLineAfterSubject(message);
        return new MergeSubject(number, branch, title.IsEmpty ? null : title.ToString());
    }

    /// <summary>
    /// GitLab's merge commit, or git's own <c>Merge branch 'x'</c>; the title is read only when a <c>See merge
    /// request</c> line shows GitLab's layout, since git's own merge body lists merged commits instead.
    /// </summary>
    private static MergeSubject ParseBranchMerge(ReadOnlySpan<char> message, ReadOnlySpan<char> subject)
    {
        var rest = subject[BranchMerge.Length..];
        var quote = rest.IndexOf('\'');
        var source = quote <= 0 ? [] : rest[..quote].Trim();
        var branch = source.IsEmpty ? null : source.ToString();

        var number = GitLabRequest(message);
        if (number is null)
        {
            return new MergeSubject(null, branch, null);
        }

        var title = FirstLineAfterSubject(message);
        var isTitle = !title.IsEmpty && !title.StartsWith(GitLabReference, StringComparison.Ordinal);
        return new MergeSubject(number, branch, isTitle ? title.ToString() : null);
    }

    private static bool TryParseSquash(ReadOnlySpan<char> subject, out MergeSubject merge)
    {
        merge = default;
        var trimmed = subject.TrimEnd();
        var open = trimmed.LastIndexOf("(#", StringComparison.Ordinal);
        if (!trimmed.EndsWith(')') || open <= 0 || trimmed[open - 1] != ' ')
        {
            return false;
        }

        var digits = trimmed[(open + 2)..^1];
        if (digits.IsEmpty || DigitCount(digits) != digits.Length || ParseNumber(digits) is not { } number)
        {
            return false;
        }

        merge = new MergeSubject(number, null, trimmed[..open].TrimEnd().ToString());
        return true;
    }

    /// <summary>The number in a <c>See merge request group/project!N</c> line, or null.</summary>
    private static int? GitLabRequest(ReadOnlySpan<char> message)
    {
        var at = message.LastIndexOf(GitLabReference, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var line = message[at..];
        var end = line.IndexOf('\n');
        line = end < 0 ? line : line[..end];
        var bang = line.LastIndexOf('!');
        if (bang < 0)
        {
            return null;
        }

        var rest = line[(bang + 1)..];
        return ParseNumber(rest[..DigitCount(rest)]);
    }

    /// <summary>The first non-blank line after the subject, trimmed; empty when there is none.</summary>
    private static ReadOnlySpan<char> FirstLineAfterSubject(ReadOnlySpan<char> message)
    {
        var end = message.IndexOf('\n');
        var rest = end < 0 ? [] : message[(end + 1)..];
        foreach (var line in rest.EnumerateLines())
        {
            if (!line.IsWhiteSpace())
            {
                return line.Trim();
            }
        }

        return [];
    }

    private static int DigitCount(ReadOnlySpan<char> text)
    {
        var count = text.IndexOfAnyExceptInRange('0', '9');
        return count < 0 ? text.Length : count;
    }

    private static int? ParseNumber(ReadOnlySpan<char> digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
