namespace Frugal.Domain.Prompts.Diff;

/// <summary>Whether a part of a prompt was added, removed or changed.</summary>
public enum ChangeKind
{
    /// <summary>Only in the new version.</summary>
    Added,

    /// <summary>Only in the old version.</summary>
    Removed,

    /// <summary>In both, different.</summary>
    Changed,
}

/// <summary>One difference between two versions of a prompt.</summary>
/// <param name="Area">The part of the file: <c>model</c>, <c>parameters</c>, <c>messages</c>…</param>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Subject">What changed within the area (a parameter, <c>system #1</c>, a test id).</param>
/// <param name="Before">The old value in short, if any.</param>
/// <param name="After">The new value in short, if any.</param>
public sealed record PromptChange(string Area, ChangeKind Kind, string Subject, string? Before, string? After)
{
    /// <summary>For a changed message: its changed lines, <c>- old</c> and <c>+ new</c>.</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];
}

/// <summary>A bump a change calls for, and the rule of prompts.md §5 it follows.</summary>
/// <param name="Bump">The least bump this change alone requires.</param>
/// <param name="Reason">The change and the rule, in words.</param>
public sealed record BumpReason(VersionBump Bump, string Reason);

/// <summary>The input tokens of the prompt's messages before and after, counted with one encoding.</summary>
/// <param name="Label">A tokenizer name or a model id.</param>
/// <param name="Encoding">The encoding counted with.</param>
/// <param name="IsEstimate">Whether the model's own tokenizer is unknown, so the count is an estimate.</param>
/// <param name="Before">The old version's tokens, chat overhead included.</param>
/// <param name="After">The new version's tokens, chat overhead included.</param>
public sealed record TokenDelta(string Label, TokenEncoding Encoding, bool IsEstimate, int Before, int After)
{
    /// <summary>After minus before.</summary>
    public int Delta => After - Before;
}

/// <summary>
/// What changed between two versions of a prompt file, the least semantic-version bump that requires (the
/// mechanically checkable policy of prompts.md §5) and the bump the two <c>metadata.version</c> values declare.
/// </summary>
/// <param name="Changes">Every difference, in file order of the areas.</param>
/// <param name="Reasons">Every change that requires a bump, with the rule.</param>
/// <param name="Tokens">The token counts of the messages, per tokenizer and model.</param>
/// <param name="OldVersion">The old <c>metadata.version</c>, if any.</param>
/// <param name="NewVersion">The new <c>metadata.version</c>, if any.</param>
public sealed record PromptDiff(
    IReadOnlyList<PromptChange> Changes, IReadOnlyList<BumpReason> Reasons, IReadOnlyList<TokenDelta> Tokens,
    SemanticVersion? OldVersion, SemanticVersion? NewVersion)
{
    /// <summary>The least bump the changes require: the largest of <see cref="Reasons"/>.</summary>
    public VersionBump Required => Reasons.Count == 0 ? VersionBump.None : Reasons.Max(r => r.Bump);

    /// <summary>
    /// The bump the versions declare: <see cref="SemanticVersion.BumpBetween"/>, or null when either has no version.
    /// A new version not above the old one declares <see cref="VersionBump.None"/>.
    /// </summary>
    public VersionBump? Declared => OldVersion is null || NewVersion is null ? null
        : NewVersion > OldVersion ? SemanticVersion.BumpBetween(OldVersion, NewVersion) : VersionBump.None;

    /// <summary>
    /// Why the declared version is not enough, or null when it is: the declared bump is below the required one, or
    /// a bump is required and the new version has none. An old version without one declares nothing to check.
    /// </summary>
    public string? Failure
    {
        get
        {
            var required = Required;
            if (required == VersionBump.None || OldVersion is null)
            {
                return null;
            }

            if (NewVersion is null)
            {
                return $"the change requires a {Name(required)} bump but the new file has no metadata.version: "
                    + SetTo("it", OldVersion, required);
            }

            var declared = Declared!.Value;
            return declared >= required ? null
                : $"declared bump {Name(declared)} ({OldVersion} -> {NewVersion}) is smaller than the required "
                    + $"{Name(required)}: {SetTo("metadata.version", OldVersion, required)}";
        }
    }

    /// <summary>The fix: the least version declaring <paramref name="bump"/> after <paramref name="old"/>.</summary>
    private static string SetTo(string field, SemanticVersion old, VersionBump bump) =>
        old.TryNext(bump, out var next)
            ? $"set {field} to {next} or higher"
            : $"no version can declare it, as {Name(bump)} is already {long.MaxValue}, the largest number Frugal reads "
                + "in a version: give the changed prompt a new name and start it at 1.0.0";

    /// <summary>The bump's name as shown: <c>MAJOR</c>, <c>MINOR</c>, <c>PATCH</c> or <c>NONE</c>.</summary>
    public static string Name(VersionBump bump) => bump switch
    {
        VersionBump.Major => "MAJOR",
        VersionBump.Minor => "MINOR",
        VersionBump.Patch => "PATCH",
        _ => "NONE",
    };
}
