using Frugal.Domain.Usage;

namespace Frugal.Storage.Ledger;

/// <summary>What a call shares with the other calls of its session: stored once per distinct value.</summary>
internal readonly record struct UsageContext(
    string Source,
    string SessionId,
    string? ParentSessionId,
    string? Project,
    string? GitBranch,
    string? Person,
    string? Tool,
    string? Provider,
    string? Model,
    string? Speed,
    string? ServiceTier,
    bool Local,
    bool Sidechain)
{
    public static UsageContext Of(UsageRecord record) => new(
        record.Source, record.SessionId, record.ParentSessionId, record.Project, record.GitBranch, record.Person,
        record.Tool, record.Provider, record.Model, record.Speed, record.ServiceTier, record.Local, record.Sidechain);
}
