namespace Frugal.Domain.Outcomes;

/// <summary>One mark of an AI tool found on a commit.</summary>
/// <param name="Class">What kind of mark it is, which sets how strong it is.</param>
/// <param name="Tool">The tool's stable lower-case id, one of <see cref="AiTools"/>.</param>
/// <param name="Model">The model the mark states, as written (<c>Opus 4.6</c>, <c>gpt-5.4</c>), or null.</param>
/// <param name="Text">
/// The matched message line, the identity as <c>Name &lt;e-mail&gt;</c>, or the branch name; trimmed.
/// </param>
public sealed record AiEvidence(AiMarkerClass Class, string Tool, string? Model, string Text);
