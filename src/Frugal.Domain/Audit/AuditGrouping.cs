namespace Frugal.Domain.Audit;

/// <summary>What the audit's breakdown and leaderboard group by.</summary>
public enum AuditGrouping
{
    /// <summary>Per repository (project).</summary>
    Project,

    /// <summary>Per person: the author of the commits a session links to, shown as a pseudonym by default.</summary>
    Person,

    /// <summary>Per AI tool.</summary>
    Tool,

    /// <summary>Per model.</summary>
    Model,
}
