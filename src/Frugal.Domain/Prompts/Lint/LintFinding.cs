namespace Frugal.Domain.Prompts.Lint;

/// <summary>One lint finding: where, how bad, which rule, and what to change.</summary>
/// <param name="File">The file, as the user named it (folders joined with its name).</param>
/// <param name="Line">The line, from 1 (0 for the file as a whole).</param>
/// <param name="Severity">An error fails the lint; a warning does not.</param>
/// <param name="Rule">The rule's id, one of <see cref="LintRules"/>.</param>
/// <param name="Message">What is wrong and the fix, naming the field by its path.</param>
public sealed record LintFinding(string File, int Line, LintSeverity Severity, string Rule, string Message);

/// <summary>How bad a finding is.</summary>
public enum LintSeverity
{
    /// <summary>The file breaks a rule: the lint fails.</summary>
    Error,

    /// <summary>Worth a look; the lint still passes.</summary>
    Warning,
}

/// <summary>What the lint requires beyond the file's own declarations.</summary>
/// <param name="MinReviewers">How many <c>metadata.reviewers</c> a prompt must name.</param>
/// <param name="MaxTokens">The budget of a prompt that declares no <c>metadata.tokenBudget</c>.</param>
public sealed record LintPolicy(int MinReviewers = 1, int MaxTokens = LintPolicy.DefaultMaxTokens)
{
    /// <summary>The published default: at most 1,000 input tokens.</summary>
    public const int DefaultMaxTokens = 1000;
}
