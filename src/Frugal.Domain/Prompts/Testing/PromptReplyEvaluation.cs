using System.Text.Json;
using System.Text.RegularExpressions;
using Frugal.Domain.Prompts.Lint;

namespace Frugal.Domain.Prompts.Testing;

/// <summary>The verdict of one evaluator or check on one reply.</summary>
/// <param name="Name">The evaluator's name, or the check's type (and description when it has one).</param>
/// <param name="Outcome">Passed, failed, or not run.</param>
/// <param name="Detail">Why it failed or was not run; null when it passed.</param>
public sealed record AssertionResult(string Name, AssertionOutcome Outcome, string? Detail = null);

/// <summary>What became of one assertion.</summary>
public enum AssertionOutcome
{
    /// <summary>It passed.</summary>
    Passed,

    /// <summary>It failed.</summary>
    Failed,

    /// <summary>It could not be run here (an LLM judge, latency of a cached reply); it does not fail the run.</summary>
    NotRun,
}

/// <summary>One reply as the checks see it.</summary>
/// <param name="Text">The reply's text, trimmed as gh-models trims it.</param>
/// <param name="OutputTokens">Its completion tokens.</param>
/// <param name="LatencyMs">How long the call took, in milliseconds.</param>
/// <param name="FromCache">Whether it was served from the disk cache (its latency then means nothing).</param>
public sealed record PromptReply(string Text, long OutputTokens, long LatencyMs, bool FromCache);

/// <summary>Runs a prompt's <c>evaluators</c> and <c>checks</c> on one reply.</summary>
public static class PromptReplyEvaluation
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Every evaluator then every check of <paramref name="prompt"/>, on <paramref name="reply"/>. Names and details
    /// quote the file and the reply, so what looks like a secret in them is shown by its kind, as the lint shows it
    /// (<see cref="SecretPatterns.Redact"/>).
    /// </summary>
    public static IReadOnlyList<AssertionResult> Evaluate(
        PromptDefinition prompt, PromptTestCase testCase, PromptReply reply)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(reply);
        var results = new List<AssertionResult>();
        results.AddRange(prompt.Evaluators.Select(e => Evaluator(e, testCase, reply)));
        results.AddRange(prompt.Checks.Select(c => Check(c, testCase, reply)));
        return [.. results.Select(r => r with
        {
            Name = SecretPatterns.Redact(r.Name),
            Detail = r.Detail is null ? null : SecretPatterns.Redact(r.Detail),
        })];
    }

    private static AssertionResult Evaluator(PromptEvaluator evaluator, PromptTestCase testCase, PromptReply reply)
    {
        switch (evaluator)
        {
            case StringEvaluator text:
                return text.Passes(reply.Text, testCase.Values)
                    ? new(text.Name, AssertionOutcome.Passed)
                    : new(text.Name, AssertionOutcome.Failed, $"reply does not {Verb(text.Match)} "
                        + $"'{PromptTemplate.Render(text.Value, testCase.Values).Text}'");
            case LlmEvaluator llm:
                return new(llm.Name, AssertionOutcome.NotRun,
                    $"LLM judge ({llm.ModelId}) not run: frugal prompt test runs only deterministic evaluators");
            default:
                return new(evaluator.Name, AssertionOutcome.NotRun,
                    $"built-in LLM judge ({((BuiltInEvaluator)evaluator).Uses}) not run: "
                    + "frugal prompt test runs only deterministic evaluators");
        }
    }

    private static string Verb(StringMatch match) => match switch
    {
        StringMatch.Equals => "equal",
        StringMatch.Contains => "contain",
        StringMatch.StartsWith => "start with",
        _ => "end with",
    };

    private static AssertionResult Check(PromptCheck check, PromptTestCase testCase, PromptReply reply)
    {
        var name = check.Description is null ? check.Type : $"{check.Type} ({check.Description})";
        var failure = check switch
        {
            ContainsCheck c => Contains(c, PromptTemplate.Render(c.Value, testCase.Values).Text, reply.Text),
            EqualsCheck e => Equal(e, PromptTemplate.Render(e.Value, testCase.Values).Text, reply.Text),
            RegexCheck r => Matches(r, Pattern(r, testCase), reply.Text),
            IsJsonCheck => ParseJson(reply.Text, out _),
            JsonSchemaCheck s => Schema(s, reply.Text),
            MaxOutputTokensCheck m => reply.OutputTokens <= m.Tokens
                ? null : $"{reply.OutputTokens} output tokens, more than {m.Tokens}",
            LatencyCheck when reply.FromCache => "\u0000served from the cache, so its latency was not measured",
            LatencyCheck l => reply.LatencyMs <= l.Milliseconds
                ? null : $"took {reply.LatencyMs} ms, more than {l.Milliseconds} ms",
            _ => $"\u0000check type {check.Type} is not run by this version",
        };
        return failure switch
        {
            null => new(name, AssertionOutcome.Passed),
            ['\u0000', ..] => new(name, AssertionOutcome.NotRun, failure[1..]),
            _ => new(name, AssertionOutcome.Failed, failure),
        };
    }

    private static string? Contains(ContainsCheck check, string value, string reply)
    {
        var comparison = check.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var found = reply.Contains(value, comparison);
        return found != check.Negated ? null : $"reply {(check.Negated ? "contains" : "does not contain")} '{value}'";
    }

    private static string? Equal(EqualsCheck check, string value, string reply) =>
        string.Equals(reply, value, StringComparison.Ordinal) != check.Negated
            ? null
            : $"reply {(check.Negated ? "equals" : "does not equal")} '{value}'";

    /// <summary>
    /// The check's pattern with its placeholders filled, each value regex-escaped (<see cref="Regex.Escape"/>), so a
    /// value matches as the text it is: <c>^{{amount}}$</c> with amount <c>1.5</c> matches <c>1.5</c>, not
    /// <c>125</c>. (promptfoo inserts the raw value into its regex; here regex syntax belongs in the check itself.)
    /// </summary>
    public static string Pattern(RegexCheck check, PromptTestCase testCase)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(testCase);
        var escaped = testCase.Values.ToDictionary(v => v.Key, v => Regex.Escape(v.Value), StringComparer.Ordinal);
        return PromptTemplate.Render(check.Pattern, escaped).Text;
    }

    private static string? Matches(RegexCheck check, string pattern, string reply)
    {
        try
        {
            var found = Regex.IsMatch(reply, pattern, RegexOptions.None, RegexTimeout);
            return found != check.Negated
                ? null
                : $"reply {(check.Negated ? "matches" : "does not match")} /{pattern}/";
        }
        catch (RegexMatchTimeoutException)
        {
            return $"/{pattern}/ took longer than {RegexTimeout.TotalSeconds} s to match";
        }
        catch (ArgumentException e)
        {
            // The pattern compiled when the file was read, but a value inside a character class can still break it:
            // [{{range}}] with the value z-a is a range in reverse order.
            return $"/{pattern}/ is not a valid .NET regular expression once filled in ({e.Message})";
        }
    }

    private static string? ParseJson(string text, out JsonDocument? document)
    {
        try
        {
            document = JsonDocument.Parse(text);
            return null;
        }
        catch (JsonException e)
        {
            document = null;
            return $"reply is not JSON ({e.Message})";
        }
    }

    private static string? Schema(JsonSchemaCheck check, string reply)
    {
        if (ParseJson(reply, out var document) is { } notJson)
        {
            return notJson;
        }

        using (document)
        {
            JsonDocument schema;
            try
            {
                schema = JsonDocument.Parse(check.Schema);
            }
            catch (JsonException e)
            {
                return $"the check's schema is not JSON ({e.Message}): fix it in the prompt file";
            }

            using (schema)
            {
                if (JsonSchemaSubset.Problems(schema.RootElement) is [_, ..] problems)
                {
                    return "the check's schema cannot be used: " + string.Join("; ", problems.Take(3))
                        + "; fix it in the prompt file";
                }

                var errors = JsonSchemaSubset.Validate(schema.RootElement, document!.RootElement);
                return errors.Count == 0
                    ? null
                    : "reply does not match the schema: " + string.Join("; ", errors.Take(3));
            }
        }
    }
}
