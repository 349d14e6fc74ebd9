using Frugal.Domain.Prompts.Lint;

namespace Frugal.Domain.Prompts.Testing;

/// <summary>One call of one test case.</summary>
/// <param name="Reply">The reply, or null when the call failed.</param>
/// <param name="Error">Why the call failed (timeout, HTTP error); null when it answered.</param>
/// <param name="PromptTokens">Input tokens, as the endpoint reported them or as counted.</param>
/// <param name="CompletionTokens">Output tokens, likewise.</param>
/// <param name="TokensEstimated">Whether the endpoint reported no usage, so the tokens were counted here.</param>
/// <param name="Assertions">Every evaluator's and check's verdict; empty when the call failed.</param>
public sealed record PromptRun(
    PromptReply? Reply, string? Error, long PromptTokens, long CompletionTokens, bool TokensEstimated,
    IReadOnlyList<AssertionResult> Assertions)
{
    /// <summary>
    /// How long the call took, in milliseconds, whether it answered or failed (a timeout takes the whole timeout);
    /// 0 for a reply served from a cache.
    /// </summary>
    public long ElapsedMs { get; init; }

    /// <summary>Whether the call answered and no assertion failed (assertions not run do not count).</summary>
    public bool Passed => Error is null && Assertions.All(a => a.Outcome != AssertionOutcome.Failed);

    /// <summary>Input plus output tokens.</summary>
    public long TotalTokens => checked(PromptTokens + CompletionTokens);
}

/// <summary>Every run of one test case.</summary>
/// <param name="Name">The case's <c>id</c>, else its position (<c>case 1</c>).</param>
/// <param name="Runs">Its runs, in order.</param>
public sealed record PromptCaseResult(string Name, IReadOnlyList<PromptRun> Runs)
{
    /// <summary>The case's name as every report shows it: a key pasted into an id is shown by its kind.</summary>
    public string Name { get; init; } = SecretPatterns.Redact(Name);

    /// <summary>How many runs passed (k of n).</summary>
    public int PassedRuns => Runs.Count(r => r.Passed);

    /// <summary>Whether every run passed (the pass^k gate: reliability, not capability).</summary>
    public bool Passed => Runs.Count > 0 && PassedRuns == Runs.Count;

    /// <summary>Whether some runs passed and some failed.</summary>
    public bool Flaky => PassedRuns > 0 && PassedRuns < Runs.Count;
}

/// <summary>
/// The results of one prompt file. Efficiency is the prompts reference's (§4.4) passed cases over tokens, counted per
/// 1,000 tokens so the published policy's minimum of 0.8 is a bar real prompts can clear (at most 1,250 tokens per
/// passed case): <c>efficiency = 1000 × passed_cases / (prompt_tokens + completion_tokens)</c> over the run, where
/// each repeat of a case is one case run and the tokens are those of every call made (cached replies included,
/// since they stand for calls); the tokens per passed case are shown beside it.
/// </summary>
/// <param name="Path">The prompt file.</param>
/// <param name="Name">The prompt's name.</param>
/// <param name="Cases">Each test case's results.</param>
public sealed record PromptFileResult(string Path, string Name, IReadOnlyList<PromptCaseResult> Cases)
{
    /// <summary>The prompt's name as every report shows it: a key pasted into it is shown by its kind.</summary>
    public string Name { get; init; } = SecretPatterns.Redact(Name);

    /// <summary>Runs over every case.</summary>
    public int Runs => Cases.Sum(c => c.Runs.Count);

    /// <summary>Runs that passed, over every case.</summary>
    public int PassedRuns => Cases.Sum(c => c.PassedRuns);

    /// <summary>Passed runs over all runs, 0 to 1; 0 when there was no run.</summary>
    public double PassRate => Runs == 0 ? 0 : (double)PassedRuns / Runs;

    /// <summary>Input plus output tokens of every run.</summary>
    public long TotalTokens => Cases.SelectMany(c => c.Runs).Aggregate(0L, (sum, r) => checked(sum + r.TotalTokens));

    /// <summary>Whether any run's tokens were counted here because the endpoint reported none.</summary>
    public bool TokensEstimated => Cases.SelectMany(c => c.Runs).Any(r => r.TokensEstimated);

    /// <summary>
    /// Passed case runs per 1,000 tokens: <c>1000 × passed_cases / (prompt_tokens + completion_tokens)</c>; 0 when
    /// no token was used.
    /// </summary>
    public double Efficiency => TotalTokens == 0 ? 0 : 1000.0 * PassedRuns / TotalTokens;

    /// <summary>Tokens per passed case run (1,000 over <see cref="Efficiency"/>); null when none passed.</summary>
    public double? TokensPerPassedCase => PassedRuns == 0 ? null : (double)TotalTokens / PassedRuns;

    /// <summary>Whether every case passed every run.</summary>
    public bool AllCasesPassed => Cases.All(c => c.Passed);
}
