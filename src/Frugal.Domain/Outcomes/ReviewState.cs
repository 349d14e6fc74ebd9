namespace Frugal.Domain.Outcomes;

/// <summary>What a submitted review said, in GitHub's terms (GitLab reviewer states map onto them).</summary>
public enum ReviewState
{
    /// <summary>The reviewer approved the change.</summary>
    Approved,

    /// <summary>The reviewer asked for changes before merging.</summary>
    ChangesRequested,

    /// <summary>The reviewer commented without approving or blocking.</summary>
    Commented,

    /// <summary>An approval or change request that was later dismissed; the review still happened.</summary>
    Dismissed,

    /// <summary>A review started but not submitted: only its author can see it.</summary>
    Pending,
}
