namespace Frugal.Domain.Audit;

/// <summary>What is known about the review of a change that reached the default branch.</summary>
public enum ReviewKind
{
    /// <summary>Nothing says whether anyone reviewed it: never counted as zero review.</summary>
    Unknown,

    /// <summary>Someone other than the author approved it.</summary>
    Approved,

    /// <summary>Someone other than the author reviewed it without approving.</summary>
    ReviewedNotApproved,

    /// <summary>A pull request export shows no review by anyone but the author or bots.</summary>
    NotReviewed,
}
