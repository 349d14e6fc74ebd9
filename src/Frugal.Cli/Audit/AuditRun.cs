using Frugal.Domain.Audit;

namespace Frugal.Cli.Audit;

/// <summary>An audit's report and the warnings gathered while reading its inputs.</summary>
internal sealed record AuditRun(AuditReport Report, IReadOnlyList<string> Warnings);
