namespace Frugal.Sources.Reviews;

/// <summary>An entry of a pull-request export that was skipped, and why.</summary>
/// <param name="EntryIndex">
/// The entry's place among all entries of the file, from 0, counting across concatenated arrays and lines.
/// </param>
/// <param name="LineNumber">The line (from 1) the entry starts on.</param>
/// <param name="Number">The pull request's number (GitLab: <c>iid</c>) when it could be read.</param>
/// <param name="Reason">Every problem with the entry, each naming the field and what was expected.</param>
public sealed record PullRequestExportDiagnostic(int EntryIndex, long LineNumber, int? Number, string Reason)
{
    /// <summary>The diagnostic as one line: where, which pull request, and what was wrong.</summary>
    public override string ToString() =>
        Number is { } number
            ? $"entry {EntryIndex} (line {LineNumber}, #{number}): {Reason}"
            : $"entry {EntryIndex} (line {LineNumber}): {Reason}";
}
