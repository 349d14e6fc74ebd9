namespace Frugal.Domain.Usage;

/// <summary>
/// The one rule for two records that describe the same call (same source and key): a main-thread record wins over
/// a subagent's or fork's copy of it; otherwise the record with more tokens wins (Claude Code's later lines of a
/// streamed response carry the grown output); on a tie the record already kept stays.
/// The ledger applies the same rule in SQL.
/// </summary>
public static class UsageMerge
{
    /// <summary>Whether <paramref name="candidate"/> should replace <paramref name="kept"/>.</summary>
    public static bool Replaces(UsageRecord candidate, UsageRecord kept)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(kept);
        if (candidate.Sidechain != kept.Sidechain)
        {
            return !candidate.Sidechain;
        }

        return candidate.Tokens.TotalTokens > kept.Tokens.TotalTokens;
    }
}
