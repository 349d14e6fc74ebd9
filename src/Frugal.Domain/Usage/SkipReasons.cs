namespace Frugal.Domain.Usage;

/// <summary>The named reasons a line is counted under instead of becoming a usage record.</summary>
public static class SkipReasons
{
    /// <summary>The line is not valid JSON (often a line cut short by a crash or a partial copy).</summary>
    public const string MalformedJson = "malformed JSON";

    /// <summary>Valid JSON with a value .NET cannot represent (half a surrogate pair, a date out of range).</summary>
    public const string InvalidValue = "invalid value (unreadable string or date)";

    /// <summary>A line longer than the reader holds in memory; it was passed over.</summary>
    public const string LineTooLong = "line longer than 256 MiB";

    /// <summary>A line holding nothing but white space.</summary>
    public const string BlankLine = "blank line";

    /// <summary>A Codex token count that carries only rate-limit figures, no token totals.</summary>
    public const string RateLimitOnly = "rate-limit update without token totals";

    /// <summary>A usage line without a timestamp cannot be placed in any period.</summary>
    public const string MissingTimestamp = "missing timestamp";

    /// <summary>A usage line whose timestamp is not an ISO-8601 instant.</summary>
    public const string InvalidTimestamp = "invalid timestamp";

    /// <summary>A placeholder message the tool wrote itself (such as an API error); no model was called.</summary>
    public const string SyntheticModel = "synthetic model (no API call)";

    /// <summary>A token figure that is negative, fractional, not a number, or beyond any real call (10^12).</summary>
    public const string InvalidTokenCount = "invalid token count";

    /// <summary>A usage object without input or output token figures.</summary>
    public const string MissingTokenCounts = "missing token counts";

    /// <summary>Bytes that are not UTF-8 were replaced before reading; the line's usage still counts.</summary>
    public const string InvalidUtf8Repaired = "invalid UTF-8 replaced";

    /// <summary>Another line of the same API response, or another copy of the same file.</summary>
    public const string SameResponse = "another line or copy of a counted response";

    /// <summary>A subagent's replay of a call its parent already made.</summary>
    public const string SidechainReplay = "sidechain replay of a parent call";

    /// <summary>Codex wrote the same cumulative totals again.</summary>
    public const string ReemittedTotals = "re-emitted unchanged totals";

    /// <summary>A forked or subagent Codex thread replaying its parent's history.</summary>
    public const string ForkReplay = "fork or subagent replay of parent history";

    /// <summary>A Codex cumulative counter went down; counting restarted from the new value.</summary>
    public const string CounterReset = "cumulative counter went down (restarted)";

    /// <summary>A Codex cached or reasoning total went down while input and output grew; the dip counts as 0.</summary>
    public const string CachedCounterDipped = "cached or reasoning total went down (counted as zero)";

    /// <summary>Cache writes without their lifetime were counted as five-minute writes.</summary>
    public const string CacheLifetimeAssumed = "cache-write lifetime not reported (priced as 5-minute)";

    /// <summary>Codex reported cached input larger than input; cached was capped at input.</summary>
    public const string CachedAboveInput = "cached input above input (capped)";

    /// <summary>A Codex token count before any model was named in the thread.</summary>
    public const string ModelNotRecorded = "model not recorded (unpriced)";
}
