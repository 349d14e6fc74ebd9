using Frugal.Domain.Reporting;

namespace Frugal.Domain.Audit;

/// <summary>
/// Calls of one session that share a project, branch, tool, model, speed and prompt tier on one UTC date, summed:
/// the unit the audit prices and links to commits.
/// </summary>
/// <param name="Source">The log source, such as <c>claude-code</c>.</param>
/// <param name="SessionKey">The session, subagents and forks folded into the session that started them.</param>
/// <param name="Branch">The git branch checked out during these calls, when the source records it.</param>
/// <param name="Tool">The tool that made the calls.</param>
/// <param name="Group">The summed calls; its <see cref="UsageGroup.Key"/> is the session key.</param>
public sealed record SessionCallGroup(string Source, string SessionKey, string? Branch, string? Tool, UsageGroup Group);
