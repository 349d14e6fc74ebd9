using System.Text.Json;
using System.Text.Json.Serialization;

namespace Frugal.Sources.Codex;

/// <summary>
/// What a Codex rollout reader knows at a line boundary, saved with the file's checkpoint so that appended lines
/// continue from the right cumulative baseline.
/// </summary>
internal sealed class CodexThreadState
{
    /// <summary>The thread's own id: the first <c>session_meta</c> of the file.</summary>
    public string? ThreadId { get; set; }

    /// <summary>The thread this one was forked or spawned from, if any.</summary>
    public string? ParentThreadId { get; set; }

    /// <summary>
    /// The oldest ancestor named by the file's opening <c>session_meta</c> lines. Token counts are keyed by it, so a
    /// fork's replay of its parent's history has the same keys as the parent's own counts and adds nothing.
    /// </summary>
    public string? FamilyId { get; set; }

    /// <summary>Parents named by the opening <c>session_meta</c> lines: thread id to parent id.</summary>
    public Dictionary<string, string?> Lineage { get; set; } = [];

    /// <summary>Whether a token count has been seen; the lineage is settled from then on.</summary>
    public bool Settled { get; set; }

    public string? Model { get; set; }
    public string? Cwd { get; set; }
    public string? Branch { get; set; }
    public string? Provider { get; set; }
    public string? Speed { get; set; }

    /// <summary>The last cumulative totals seen: input (cached included), cached, output, reasoning.</summary>
    public long[] Baseline { get; set; } = new long[4];

    public string Serialize() => JsonSerializer.Serialize(this, CodexStateJsonContext.Default.CodexThreadState);

    public static CodexThreadState Deserialize(string? text) =>
        text is null ? new CodexThreadState()
        : JsonSerializer.Deserialize(text, CodexStateJsonContext.Default.CodexThreadState) ?? new CodexThreadState();
}

[JsonSerializable(typeof(CodexThreadState))]
internal sealed partial class CodexStateJsonContext : JsonSerializerContext;
