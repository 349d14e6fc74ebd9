namespace Frugal.Domain.Outcomes;

/// <summary>
/// The kinds of mark an AI coding tool leaves on a commit, strongest first: a lower value is stronger evidence.
/// </summary>
public enum AiMarkerClass
{
    /// <summary>The commit's author or committer is an AI tool's identity (an agent wrote or committed it).</summary>
    AgentAuthored,

    /// <summary>A <c>Co-authored-by:</c> line, on any line of the message, names an AI tool's identity.</summary>
    CoAuthor,

    /// <summary>A trailer only a tool writes (<c>Claude-Session:</c>, <c>Amp-Thread-ID:</c>, …).</summary>
    ToolTrailer,

    /// <summary>A line a tool writes into the body or subject (<c>Generated with [Claude Code](…)</c>).</summary>
    BodyLine,

    /// <summary>The merged branch is one agents name (<c>claude/…</c>, <c>codex/…</c>); weak on its own.</summary>
    BranchName,
}
