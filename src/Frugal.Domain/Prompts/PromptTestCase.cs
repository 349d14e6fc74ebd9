namespace Frugal.Domain.Prompts;

/// <summary>
/// One entry of <c>testData</c>: variable names to their values, substituted into the messages and the evaluators.
/// gh-models treats every key alike; <c>expected</c> (used by evaluators and the <c>github/similarity</c> judge)
/// and <c>id</c> are conventions, exposed here for convenience but also kept among the values.
/// </summary>
/// <param name="Values">
/// Every key of the entry and its value as the text gh-models substitutes: a string as written, any other value
/// decoded as YAML and printed as Go prints it (<c>1.5e3</c> is <c>1500</c>, <c>0x1F</c> is <c>31</c>).
/// </param>
public sealed record PromptTestCase(IReadOnlyDictionary<string, string> Values)
{
    /// <summary>The <c>expected</c> value, if the entry has one.</summary>
    public string? Expected => Values.TryGetValue("expected", out var value) ? value : null;

    /// <summary>The <c>id</c> value, if the entry has one: a stable name for the case across versions.</summary>
    public string? Id => Values.TryGetValue("id", out var value) ? value : null;
}
