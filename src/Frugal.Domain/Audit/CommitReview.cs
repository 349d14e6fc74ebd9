namespace Frugal.Domain.Audit;

/// <summary>The review of one change, with where the evidence came from.</summary>
/// <param name="Kind">Approved, reviewed, not reviewed or unknown.</param>
/// <param name="Evidence">
/// Where it was learnt: <c>pull request</c> (an export), <c>Reviewed-by trailer</c>, <c>merged by another
/// person</c>, or <c>none</c>.
/// </param>
/// <param name="ReviewHours">Hours from the pull request's creation to its merge, when an export gives them.</param>
/// <param name="HoursToFirstReview">Hours to the first review by a person other than the author, when known.</param>
public sealed record CommitReview(ReviewKind Kind, string Evidence, double? ReviewHours, double? HoursToFirstReview)
{
    /// <summary>No evidence either way.</summary>
    public static CommitReview Unknown { get; } = new(ReviewKind.Unknown, "none", null, null);

    /// <summary>Whether another person approved the change.</summary>
    public bool IsApproved => Kind == ReviewKind.Approved;
}
