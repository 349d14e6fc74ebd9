namespace Frugal.Sources.ClaudeCode;

/// <summary>What a Claude Code transcript's path says about the lines inside it.</summary>
/// <param name="FallbackSessionId">The session id to use when a line has none: the file stem.</param>
/// <param name="ParentSessionId">For a subagent file, the session folder it sits in; otherwise null.</param>
/// <param name="ProjectFolder">The encoded project folder name, used when a line has no working directory.</param>
public sealed record ClaudeFileContext(string FallbackSessionId, string? ParentSessionId, string? ProjectFolder)
{
    /// <summary>Reads the context from a path below a <c>projects</c> folder.</summary>
    public static ClaudeFileContext FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stem = Path.GetFileNameWithoutExtension(path);
        var folder = Path.GetDirectoryName(path);
        var folderName = folder is null ? null : Path.GetFileName(folder);
        if (folderName == "subagents" && folder is not null)
        {
            var sessionFolder = Path.GetDirectoryName(folder);
            var projectFolder = sessionFolder is null ? null : Path.GetDirectoryName(sessionFolder);
            return new ClaudeFileContext(
                stem,
                sessionFolder is null ? null : Path.GetFileName(sessionFolder),
                projectFolder is null ? null : Path.GetFileName(projectFolder));
        }

        return new ClaudeFileContext(stem, null, folderName);
    }
}
