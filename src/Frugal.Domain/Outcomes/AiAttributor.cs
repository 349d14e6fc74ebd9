namespace Frugal.Domain.Outcomes;

/// <summary>
/// Tells which AI tool, if any, marked a commit, from every mark tools are known to leave: the author or committer
/// identity, <c>Co-authored-by:</c> lines, tool trailers, body lines and the merged branch's name.
/// </summary>
/// <remarks>
/// Marks are a lower bound: users turn them off and squash merges can drop them. A commit without marks is "not
/// marked", never "written by a person". Git notes (line-level attribution) are read elsewhere.
/// </remarks>
public static class AiAttributor
{
    private static readonly (string Segment, string Tool)[] BranchSegments =
    [
        ("claude", AiTools.ClaudeCode),
        ("codex", AiTools.Codex),
        ("copilot", AiTools.Copilot),
        ("devin", AiTools.Devin),
        ("cursor", AiTools.Cursor),
    ];

    /// <summary>Finds every AI mark on a commit.</summary>
    /// <param name="commit">The commit, with its whole message.</param>
    /// <param name="mergedBranch">
    /// The branch the commit merged, when known (<see cref="ChangeClass.MergedBranch"/> or pull-request metadata); a
    /// path segment <c>claude</c>, <c>codex</c>, <c>copilot</c>, <c>devin</c> or <c>cursor</c> followed by <c>/</c>
    /// is weak evidence.
    /// </param>
    public static AiAttribution Attribute(CommitInfo commit, string? mergedBranch = null)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var found = default(AiEvidenceBuilder);

        AddIdentity(ref found, commit.Author);
        if (commit.Committer != commit.Author)
        {
            AddIdentity(ref found, commit.Committer);
        }

        AiMessageMarkers.Scan(commit.Message, ref found);

        if (mergedBranch is not null && BranchTool(mergedBranch) is { } branchTool)
        {
            found.Add(AiMarkerClass.BranchName, branchTool, null, mergedBranch);
        }

        return found.Build();
    }

    private static void AddIdentity(ref AiEvidenceBuilder found, GitIdentity identity)
    {
        var isAi = AiIdentityRules.TryMatch(
            identity.Name, identity.Email, anyOpenAiAddress: false, out var tool, out var model);
        if (isAi)
        {
            var text = $"{identity.Name.Trim()} <{identity.Email.Trim()}>";
            found.Add(AiMarkerClass.AgentAuthored, tool, model, text);
        }
    }

    /// <summary>The tool a branch names by a path segment followed by <c>/</c>, such as <c>claude/fix-x</c>.</summary>
    private static string? BranchTool(ReadOnlySpan<char> branch)
    {
        branch = branch.Trim();
        var slash = branch.IndexOf('/');
        while (slash >= 0)
        {
            var segment = branch[..slash];
            foreach (var (name, tool) in BranchSegments)
            {
                if (segment.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return tool;
                }
            }

            branch = branch[(slash + 1)..];
            slash = branch.IndexOf('/');
        }

        return null;
    }
}
