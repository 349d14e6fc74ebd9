namespace Frugal.Domain.Audit;

/// <summary>A session with the commits linked to it and what that says about its outcome.</summary>
/// <param name="Session">The session.</param>
/// <param name="Commits">Linked commits, oldest first.</param>
/// <param name="Mainline">The mainline commits its work landed in (each linked commit's landing), oldest first.</param>
/// <param name="Status">Shipped, reviewed, only committed, or nothing.</param>
public sealed record SessionLink(
    AuditSession Session,
    IReadOnlyList<AuditedCommit> Commits,
    IReadOnlyList<AuditedCommit> Mainline,
    ShipStatus Status);
