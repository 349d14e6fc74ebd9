namespace Frugal.Sources.Prompts;

/// <summary>A structural problem in a prompt file: where it is, and what to change.</summary>
/// <param name="Line">The line, from 1 (0 when the file as a whole is at fault, such as unreadable).</param>
/// <param name="Column">The column, from 1 (0 with line 0).</param>
/// <param name="Message">The problem, naming the field by its path (<c>messages[1].role</c>) and the fix.</param>
public sealed record PromptFileProblem(int Line, int Column, string Message)
{
    /// <summary><c>line:column: message</c>, to follow a file name.</summary>
    public override string ToString() => $"{Line}:{Column}: {Message}";
}
