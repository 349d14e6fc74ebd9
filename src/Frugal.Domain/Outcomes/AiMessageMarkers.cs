using System.Buffers;

namespace Frugal.Domain.Outcomes;

/// <summary>
/// Finds the co-author lines, tool trailers and body lines AI tools write, on any line of a commit message and in
/// any case: squash merges put trailers in the middle of the body and rewrite <c>Co-Authored-By</c> as
/// <c>Co-authored-by</c>.
/// </summary>
/// <remarks>
/// One vectorised search for every marker runs over the whole message; only lines it hits are read further, so a
/// commit without marks costs one pass and no allocation. Each line gives at most one piece of evidence.
/// </remarks>
internal static class AiMessageMarkers
{
    private static readonly (string Text, string Tool)[] BodyLines =
    [
        ("Generated with [Claude Code](", AiTools.ClaudeCode),
        ("https://claude.ai/code/session_", AiTools.ClaudeCode),
        ("Generated with [opencode](", AiTools.OpenCode),
        ("Link to Devin session: https://app.devin.ai/sessions/", AiTools.Devin),
        ("cursor.com/agents/", AiTools.Cursor),
        ("<!-- CURSOR_AGENT_PR_BODY_END -->", AiTools.Cursor),
        ("Made with [Cursor](", AiTools.Cursor),
    ];

    private static readonly SearchValues<string> Markers = SearchValues.Create(
        [
            "co-authored-by:", "claude-session:", "amp-thread-id:", "made-with:", "copilot-session:",
            "agent-logs-url:", "assisted-by:", "generated-by:",
            .. BodyLines.Select(line => line.Text),
        ],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Adds every mark in <paramref name="message"/> to <paramref name="found"/>, top to bottom.</summary>
    public static void Scan(ReadOnlySpan<char> message, ref AiEvidenceBuilder found)
    {
        var subjectEnd = message.IndexOf('\n');
        var subject = subjectEnd < 0 ? message : message[..subjectEnd];
        if (subject.TrimStart().StartsWith("aider: ", StringComparison.OrdinalIgnoreCase))
        {
            found.Add(AiMarkerClass.BodyLine, AiTools.Aider, null, subject);
        }

        var start = 0;
        while (start < message.Length)
        {
            var hit = message[start..].IndexOfAny(Markers);
            if (hit < 0)
            {
                return;
            }

            hit = checked(hit + start);
            var lineStart = checked(message[..hit].LastIndexOf('\n') + 1);
            var lineLength = message[hit..].IndexOf('\n');
            var lineEnd = lineLength < 0 ? message.Length : checked(hit + lineLength);
            ScanLine(message[lineStart..lineEnd], ref found);
            start = checked(lineEnd + 1);
        }
    }

    private static void ScanLine(ReadOnlySpan<char> line, ref AiEvidenceBuilder found)
    {
        line = line.Trim();
        if (TryTrailer(line, ref found))
        {
            return;
        }

        foreach (var (text, tool) in BodyLines)
        {
            if (line.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(AiMarkerClass.BodyLine, tool, null, line);
                return;
            }
        }
    }

    /// <summary>Reads the line as a trailer; true when its key is one of ours, evidence or not.</summary>
    private static bool TryTrailer(ReadOnlySpan<char> line, ref AiEvidenceBuilder found)
    {
        var colon = line.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        var key = line[..colon];
        var value = line[(colon + 1)..].Trim();
        if (Is(key, "Co-authored-by"))
        {
            AiIdentityRules.Split(value, out var name, out var email);
            if (AiIdentityRules.TryMatch(name, email, anyOpenAiAddress: true, out var tool, out var model))
            {
                found.Add(AiMarkerClass.CoAuthor, tool, model, line);
            }

            return true;
        }

        if (Is(key, "Assisted-by") || Is(key, "Generated-by"))
        {
            if (AiAssistanceValue.TryMatch(value, out var tool, out var model))
            {
                found.Add(AiMarkerClass.ToolTrailer, tool, model, line);
            }

            return true;
        }

        var trailerTool = ToolTrailer(key, value);
        if (trailerTool is not null)
        {
            found.Add(AiMarkerClass.ToolTrailer, trailerTool, null, line);
            return true;
        }

        return false;
    }

    /// <summary>The tool a tool-only trailer names, or null when the key or value is not one.</summary>
    private static string? ToolTrailer(ReadOnlySpan<char> key, ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return null;
        }

        if (Is(key, "Claude-Session"))
        {
            return AiTools.ClaudeCode;
        }

        if (Is(key, "Amp-Thread-ID"))
        {
            return AiTools.Amp;
        }

        if (Is(key, "Copilot-Session"))
        {
            return AiTools.Copilot;
        }

        if (Is(key, "Made-with") && Is(value, "Cursor"))
        {
            return AiTools.Cursor;
        }

        return Is(key, "Agent-Logs-Url") && IsGitHubSessionUrl(value) ? AiTools.Copilot : null;
    }

    private static bool IsGitHubSessionUrl(ReadOnlySpan<char> value) =>
        value.Contains("github.com/", StringComparison.OrdinalIgnoreCase)
        && value.Contains("/sessions/", StringComparison.OrdinalIgnoreCase);

    private static bool Is(ReadOnlySpan<char> text, string expected) =>
        text.Equals(expected, StringComparison.OrdinalIgnoreCase);
}
