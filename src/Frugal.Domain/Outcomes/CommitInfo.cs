namespace Frugal.Domain.Outcomes;

/// <summary>
/// One commit as history records it: who wrote and committed it, when, its whole message and its line counts.
/// </summary>
public sealed record CommitInfo
{
    /// <summary>The full object id, lower-case hexadecimal.</summary>
    public required string Sha { get; init; }

    /// <summary>The parents' object ids; empty for a root commit, two or more for a merge.</summary>
    public required IReadOnlyList<string> Parents { get; init; }

    /// <summary>Who wrote the change.</summary>
    public required GitIdentity Author { get; init; }

    /// <summary>Who made the commit (differs from the author after a squash merge, a rebase or a patch).</summary>
    public required GitIdentity Committer { get; init; }

    /// <summary>When the change was written.</summary>
    public required DateTimeOffset AuthoredAt { get; init; }

    /// <summary>When the commit was made; for a merged pull request, when it landed.</summary>
    public required DateTimeOffset CommittedAt { get; init; }

    /// <summary>The whole message: subject, body and trailers, line endings normalised to <c>\n</c>.</summary>
    public required string Message { get; init; }

    /// <summary>Text lines the commit added, against its first parent.</summary>
    public long LinesAdded { get; init; }

    /// <summary>Text lines the commit deleted, against its first parent.</summary>
    public long LinesDeleted { get; init; }

    /// <summary>Files the commit changed, binary files included.</summary>
    public int FilesChanged { get; init; }

    /// <summary>
    /// Whether the line counts are known: false when git could not compute them (a blob missing from a partial or
    /// damaged clone).
    /// </summary>
    public bool LineCountsKnown { get; init; } = true;

    /// <summary>Whether the commit merges two or more lines of history.</summary>
    public bool IsMerge => Parents.Count > 1;

    /// <summary>The first line of the message.</summary>
    public string Subject
    {
        get
        {
            var end = Message.IndexOf('\n', StringComparison.Ordinal);
            return end < 0 ? Message : Message[..end];
        }
    }
}
