namespace Frugal.Domain.Prompts;

/// <summary>
/// A prompt as a file holds it: GitHub Models' <c>.prompt.yml</c> fields (<c>name</c>, <c>description</c>,
/// <c>model</c>, <c>modelParameters</c>, <c>responseFormat</c>, <c>jsonSchema</c>, <c>messages</c>, <c>testData</c>,
/// <c>evaluators</c>) plus Frugal's own <c>metadata:</c> and <c>checks:</c>, which gh-models ignores.
/// </summary>
/// <remarks>The lists are compared by reference; compare two versions field by field.</remarks>
public sealed record PromptDefinition
{
    /// <summary>The prompt's name.</summary>
    public required string Name { get; init; }

    /// <summary>What it is for.</summary>
    public string? Description { get; init; }

    /// <summary>The model id, <c>provider/model</c> as in GitHub's catalogue (<c>openai/gpt-4o-mini</c>).</summary>
    public required string Model { get; init; }

    /// <summary>The sampling parameters sent with it.</summary>
    public PromptModelParameters ModelParameters { get; init; } = new();

    /// <summary>The reply format asked for; null for the endpoint's default (text).</summary>
    public PromptResponseFormat? ResponseFormat { get; init; }

    /// <summary>
    /// The <c>jsonSchema</c> as written: a JSON string holding <c>name</c> and <c>schema</c> (gh-models accepts only
    /// a string here, not a YAML mapping).
    /// </summary>
    public string? JsonSchema { get; init; }

    /// <summary>The chat messages, in order.</summary>
    public required IReadOnlyList<PromptMessage> Messages { get; init; }

    /// <summary>The test cases.</summary>
    public IReadOnlyList<PromptTestCase> TestData { get; init; } = [];

    /// <summary>The gh-models evaluators, run on every test case.</summary>
    public IReadOnlyList<PromptEvaluator> Evaluators { get; init; } = [];

    /// <summary>Frugal's own checks, run on every test case.</summary>
    public IReadOnlyList<PromptCheck> Checks { get; init; } = [];

    /// <summary>Frugal's own metadata.</summary>
    public PromptMetadata Metadata { get; init; } = new();

    /// <summary>Every exact placeholder of every message, with the message's index, in order.</summary>
    public IReadOnlyList<MessagePlaceholder> Placeholders()
    {
        var list = new List<MessagePlaceholder>();
        for (var i = 0; i < Messages.Count; i++)
        {
            list.AddRange(PromptTemplate.Placeholders(Messages[i].Content).Select(p => new MessagePlaceholder(i, p)));
        }

        return list;
    }

    /// <summary>The distinct placeholder names of the messages, first appearance first: the prompt's inputs.</summary>
    public IReadOnlyList<string> Variables() =>
        Placeholders().Select(p => p.Placeholder.Name).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Everything gh-models fills in the messages, first appearance first: the exact placeholders
    /// (<see cref="Variables"/>), then the test-data keys that are not plain names but are written as
    /// <c>{{key}}</c> (<see cref="PromptTemplate.KeyPlaceholders"/>).
    /// </summary>
    public IReadOnlyList<string> Inputs()
    {
        var keys = TestData.SelectMany(c => c.Values.Keys).Distinct(StringComparer.Ordinal).ToList();
        return [.. Variables().Concat(Messages.SelectMany(m => PromptTemplate.KeyPlaceholders(m.Content, keys)))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The messages rendered with <paramref name="values"/>, as they would be sent.</summary>
    public RenderedPrompt Render(IReadOnlyDictionary<string, string> values)
    {
        var messages = new List<PromptMessage>(Messages.Count);
        var missing = new List<string>();
        foreach (var message in Messages)
        {
            var rendered = PromptTemplate.Render(message.Content, values);
            messages.Add(message with { Content = rendered.Text });
            missing.AddRange(rendered.Missing.Where(name => !missing.Contains(name)));
        }

        return new RenderedPrompt(messages, missing);
    }

    /// <summary>The messages rendered with one test case's values.</summary>
    public RenderedPrompt Render(PromptTestCase testCase)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        return Render(testCase.Values);
    }
}

/// <summary>A placeholder and the index of the message it is in.</summary>
/// <param name="MessageIndex">The message's index in <see cref="PromptDefinition.Messages"/>, from 0.</param>
/// <param name="Placeholder">The placeholder, with its offset in that message's content.</param>
public readonly record struct MessagePlaceholder(int MessageIndex, Placeholder Placeholder);

/// <summary>A prompt's messages with values substituted.</summary>
/// <param name="Messages">The messages as they would be sent.</param>
/// <param name="Missing">Placeholder names that had no value and were left as written, each once.</param>
public sealed record RenderedPrompt(IReadOnlyList<PromptMessage> Messages, IReadOnlyList<string> Missing);
