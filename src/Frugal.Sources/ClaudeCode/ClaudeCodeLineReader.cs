using Frugal.Domain.Usage;
using Frugal.Sources.Jsonl;

namespace Frugal.Sources.ClaudeCode;

/// <summary>
/// Turns the lines of one Claude Code transcript into usage records. Only <c>assistant</c> lines with a
/// <c>message.usage</c> object carry usage; each becomes a record keyed by <c>(message.id, requestId)</c>, so the
/// several lines Claude Code writes for one streamed response share a key and the ledger keeps the largest.
/// </summary>
public sealed class ClaudeCodeLineReader : UsageLineReader
{
    private const string SyntheticModel = "<synthetic>";
    private readonly ClaudeFileContext _context;
    private readonly Utf8StringCache _strings = new();

    /// <summary>Starts reading a transcript whose path gave <paramref name="context"/>.</summary>
    public ClaudeCodeLineReader(ClaudeFileContext context) =>
        _context = context ?? throw new ArgumentNullException(nameof(context));

    /// <inheritdoc />
    protected override bool MayCarryUsage(ReadOnlySpan<byte> line) => line.IndexOf("\"usage\""u8) >= 0;

    /// <inheritdoc />
    protected override void ReadLine(ReadOnlySpan<byte> line, long lineNumber)
    {
        var parsed = ClaudeLine.Parse(line, _strings);
        Take(ref parsed, lineNumber);
    }

    private void Take(ref ClaudeLine line, long lineNumber)
    {
        var isAssistant = line.Type is null ? line.Role == "assistant" : line.Type == "assistant";
        if (!line.HasUsage || !isAssistant)
        {
            return;
        }

        if (Reject(ref line, out var instant) is { } reason)
        {
            Diagnostics.Add(DiagnosticKind.Skipped, reason, lineNumber);
            return;
        }

        Emit(ToRecord(ref line, instant, lineNumber));
    }

    private static string? Reject(ref ClaudeLine line, out DateTimeOffset instant)
    {
        // An ISO instant was read straight from the line's bytes; any other text gets the careful parser.
        instant = line.Instant ?? default;
        if (line.Instant is null && line.Timestamp is null)
        {
            return line.HasTimestampField ? SkipReasons.InvalidTimestamp : SkipReasons.MissingTimestamp;
        }

        if (line.Instant is null && !JsonValues.TryParseInstant(line.Timestamp!, out instant))
        {
            return SkipReasons.InvalidTimestamp;
        }

        if (line.Model == SyntheticModel)
        {
            return SkipReasons.SyntheticModel;
        }

        if (line.Usage.Invalid)
        {
            return SkipReasons.InvalidTokenCount;
        }

        return line.Usage.HasInput || line.Usage.HasOutput ? null : SkipReasons.MissingTokenCounts;
    }

    private UsageRecord ToRecord(ref ClaudeLine line, DateTimeOffset instant, long lineNumber)
    {
        var (tokens, provenance) = Tokens(ref line.Usage, lineNumber);
        var sessionId = line.SessionId ?? _context.ParentSessionId ?? _context.FallbackSessionId;
        var isSubagent = _context.ParentSessionId is not null || line.AgentId is not null;
        if (line.CostUsd is not null)
        {
            provenance |= Provenance.CostReported;
        }

        return new UsageRecord
        {
            Source = SourceNames.ClaudeCode,
            SourceKey = KeyOf(ref line, sessionId, instant, tokens),
            Timestamp = instant,
            SessionId = isSubagent ? $"{sessionId}/{AgentName(line.AgentId)}" : sessionId,
            ParentSessionId = isSubagent ? sessionId : null,
            Project = string.IsNullOrEmpty(line.Cwd) ? _context.ProjectFolder : line.Cwd,
            GitBranch = string.IsNullOrEmpty(line.GitBranch) ? null : line.GitBranch,
            Tool = SourceNames.ClaudeCode,
            Provider = ProviderOf(line.MessageId),
            Model = line.Model,
            Tokens = tokens,
            WebSearchRequests = line.Usage.WebSearchRequests,
            Speed = line.Usage.Speed,
            ServiceTier = line.Usage.ServiceTier,
            Sidechain = line.IsSidechain || isSubagent,
            ResponseId = line.MessageId,
            CostReportedUsd = line.CostUsd,
            Provenance = provenance,
        };
    }

    private (TokenCounts Tokens, Provenance Provenance) Tokens(ref ClaudeUsage usage, long lineNumber)
    {
        var fiveMinute = usage.CacheCreation;
        var oneHour = 0L;
        var provenance = Provenance.None;
        if (usage.HasTtlSplit)
        {
            oneHour = usage.Ephemeral1h;
            fiveMinute = Math.Max(usage.Ephemeral5m, usage.CacheCreation - usage.Ephemeral1h);
        }
        else if (usage.CacheCreation > 0)
        {
            provenance |= Provenance.CacheWriteLifetimeAssumed;
            Diagnostics.Add(DiagnosticKind.Note, SkipReasons.CacheLifetimeAssumed, lineNumber);
        }

        return (new TokenCounts(usage.Input, fiveMinute, oneHour, usage.CacheRead, usage.Output), provenance);
    }

    /// <summary>The subagent's name: <c>agent-</c> and its id, from the line or else from the file name.</summary>
    private string AgentName(string? agentId) =>
        agentId is not null ? $"agent-{agentId}"
        : _context.FallbackSessionId.StartsWith("agent-", StringComparison.Ordinal) ? _context.FallbackSessionId
        : $"agent-{_context.FallbackSessionId}";

    private static string KeyOf(ref ClaudeLine line, string sessionId, DateTimeOffset instant, TokenCounts tokens)
    {
        if (line.MessageId is not null)
        {
            return line.RequestId is null ? line.MessageId : $"{line.MessageId}|{line.RequestId}";
        }

        return line.Uuid is not null
            ? $"line:{sessionId}:{line.Uuid}"
            : $"line:{sessionId}:{instant.ToUnixTimeMilliseconds()}:{tokens.TotalTokens}";
    }

    private static string ProviderOf(string? messageId) => messageId switch
    {
        not null when messageId.StartsWith("msg_bdrk_", StringComparison.Ordinal) => "amazon-bedrock",
        not null when messageId.StartsWith("msg_vrtx_", StringComparison.Ordinal) => "google-vertex",
        _ => "anthropic",
    };
}
