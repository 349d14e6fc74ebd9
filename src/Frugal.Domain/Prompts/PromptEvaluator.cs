namespace Frugal.Domain.Prompts;

/// <summary>
/// One entry of <c>evaluators</c>, in the three forms gh-models runs: a <c>string</c> match, an <c>llm</c> judge,
/// or a built-in judge it <c>uses</c>. A test case passes under gh-models only when every evaluator passes.
/// </summary>
/// <param name="Name">The evaluator's name, shown in results.</param>
public abstract record PromptEvaluator(string Name);

/// <summary>
/// <c>string: {equals|contains|startsWith|endsWith: value}</c>. The value is rendered with the test case's values
/// first, like a message. <c>equals</c> is exact; the other three ignore letter case (both sides lower-cased).
/// </summary>
/// <param name="Name">The evaluator's name.</param>
/// <param name="Match">How the reply is compared.</param>
/// <param name="Value">The text to compare with, placeholders allowed.</param>
public sealed record StringEvaluator(string Name, StringMatch Match, string Value) : PromptEvaluator(Name)
{
    /// <summary>
    /// Whether <paramref name="reply"/> passes, as gh-models decides (it trims the model's reply before any
    /// evaluator sees it; pass the reply trimmed the same way).
    /// </summary>
    public bool Passes(string reply, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var expected = PromptTemplate.Render(Value, values).Text;
        return Match switch
        {
            StringMatch.Equals => string.Equals(reply, expected, StringComparison.Ordinal),
            StringMatch.Contains => reply.ToLowerInvariant().Contains(expected.ToLowerInvariant(),
                StringComparison.Ordinal),
            StringMatch.StartsWith => reply.ToLowerInvariant().StartsWith(expected.ToLowerInvariant(),
                StringComparison.Ordinal),
            _ => reply.ToLowerInvariant().EndsWith(expected.ToLowerInvariant(), StringComparison.Ordinal),
        };
    }
}

/// <summary>The comparisons of a <see cref="StringEvaluator"/>, named as the YAML keys are.</summary>
public enum StringMatch
{
    /// <summary><c>equals</c>: the whole reply, exactly.</summary>
    Equals,

    /// <summary><c>contains</c>: anywhere in the reply, any letter case.</summary>
    Contains,

    /// <summary><c>startsWith</c>: at the start, any letter case.</summary>
    StartsWith,

    /// <summary><c>endsWith</c>: at the end, any letter case.</summary>
    EndsWith,
}

/// <summary>
/// <c>llm: {modelId, prompt, choices, systemPrompt}</c>: a judge model is asked <see cref="Prompt"/> (rendered with
/// the case's values plus <c>{{completion}}</c>, the reply); the first choice whose text appears in its lower-cased
/// answer gives the score, and the evaluator passes when that score is above 0.
/// </summary>
/// <param name="Name">The evaluator's name.</param>
/// <param name="ModelId">The judge model, such as <c>openai/gpt-4o</c>.</param>
/// <param name="Prompt">The judge's user message.</param>
/// <param name="Choices">The answers it may give, in the order they are tried.</param>
/// <param name="SystemPrompt">The judge's system message, if any.</param>
public sealed record LlmEvaluator(
    string Name, string ModelId, string Prompt, IReadOnlyList<LlmChoice> Choices, string? SystemPrompt)
    : PromptEvaluator(Name);

/// <summary>One answer an <see cref="LlmEvaluator"/> judge may give.</summary>
/// <param name="Choice">The text looked for in the judge's answer.</param>
/// <param name="Score">Its score; above 0 passes.</param>
public sealed record LlmChoice(string Choice, double Score);

/// <summary>
/// <c>uses: github/NAME</c>: one of gh-models' built-in judges (prompts from promptflow, model
/// <c>openai/gpt-4o</c>, 1–5 stars scored 0, 0.25, 0.5, 0.75, 1). They read <c>{{input}}</c>,
/// <c>{{expected}}</c> and <c>{{completion}}</c>.
/// </summary>
/// <param name="Name">The evaluator's name.</param>
/// <param name="Uses">The built-in's id, one of <see cref="Known"/>.</param>
public sealed record BuiltInEvaluator(string Name, string Uses) : PromptEvaluator(Name)
{
    /// <summary>The built-ins gh-models has; any other id scores 0 there ("Plugin evaluator not found").</summary>
    public static IReadOnlyList<string> Known { get; } =
        ["github/similarity", "github/coherence", "github/fluency", "github/relevance", "github/groundedness"];
}
