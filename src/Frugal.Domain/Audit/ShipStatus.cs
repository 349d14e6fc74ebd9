namespace Frugal.Domain.Audit;

/// <summary>What came of a session's work, from the commits it links to.</summary>
public enum ShipStatus
{
    /// <summary>Its working directory is in no audited repository, so nothing can be said.</summary>
    NoRepository,

    /// <summary>No commit links to it.</summary>
    Unshipped,

    /// <summary>Its commits are only on branches the default branch does not reach (yet).</summary>
    CommittedNotShipped,

    /// <summary>Its commits reached the default branch, with no approving review known.</summary>
    Shipped,

    /// <summary>
    /// Its commits reached the default branch through a review that someone other than the author approved.
    /// </summary>
    ShippedReviewed,
}
