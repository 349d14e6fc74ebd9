using Frugal.Domain.Outcomes;

namespace Frugal.Domain.Tests.Outcomes;

internal static class TestCommits
{
    public static readonly GitIdentity Jane = new("Jane Doe", "jane@doe.dev");

    public static CommitInfo Commit(
        string message,
        GitIdentity? author = null,
        GitIdentity? committer = null,
        int parentCount = 1)
    {
        var who = author ?? Jane;
        var at = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        return new CommitInfo
        {
            Sha = "0123456789abcdef0123456789abcdef01234567",
            Parents = [.. Enumerable.Range(0, parentCount).Select(i => $"{i:x40}")],
            Author = who,
            Committer = committer ?? who,
            AuthoredAt = at,
            CommittedAt = at,
            Message = message,
        };
    }

    public static GitIdentity Identity(string nameAndEmail)
    {
        var open = nameAndEmail.IndexOf('<', StringComparison.Ordinal);
        return new GitIdentity(nameAndEmail[..open].Trim(), nameAndEmail[(open + 1)..^1]);
    }
}
