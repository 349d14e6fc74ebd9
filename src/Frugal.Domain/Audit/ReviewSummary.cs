namespace Frugal.Domain.Audit;

/// <summary>Reviews of the mainline changes in the window.</summary>
/// <param name="Changes">Mainline changes.</param>
/// <param name="Approved">Approved by someone other than the author.</param>
/// <param name="ReviewedNotApproved">Reviewed by someone else without an approval.</param>
/// <param name="NotReviewed">Known (from an export) to have had no review by another person.</param>
/// <param name="Unknown">No evidence either way.</param>
/// <param name="WithReviewTime">Changes whose pull request gives created and merged times.</param>
/// <param name="ReviewHours">Hours from creation to merge, summed over those.</param>
/// <param name="MedianReviewHours">The median of those hours, or null.</param>
/// <param name="MedianHoursToFirstReview">The median time to a first review by another person, or null.</param>
public sealed record ReviewSummary(
    int Changes,
    int Approved,
    int ReviewedNotApproved,
    int NotReviewed,
    int Unknown,
    int WithReviewTime,
    double ReviewHours,
    double? MedianReviewHours,
    double? MedianHoursToFirstReview);
