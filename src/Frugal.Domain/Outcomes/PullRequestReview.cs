namespace Frugal.Domain.Outcomes;

/// <summary>One review of a pull request as the forge records it.</summary>
/// <param name="AuthorLogin">
/// The reviewer's login, as written; null when the forge no longer knows the account (a deleted user).
/// </param>
/// <param name="State">What the review said.</param>
/// <param name="SubmittedAt">When it was submitted; null for a pending review or when the export gives no time.</param>
public sealed record PullRequestReview(string? AuthorLogin, ReviewState State, DateTimeOffset? SubmittedAt);
