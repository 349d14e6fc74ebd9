namespace Frugal.Domain.Prompts;

/// <summary>
/// The <c>metadata:</c> block, Frugal's own fields (the same key Prompty v2 uses for version, authors and tags;
/// gh-models ignores it). Every field is optional when read; whether one is required is a lint policy.
/// </summary>
public sealed record PromptMetadata
{
    /// <summary>The prompt's semantic version.</summary>
    public SemanticVersion? Version { get; init; }

    /// <summary>Who must approve a change (user or team handles, as CODEOWNERS names them).</summary>
    public IReadOnlyList<string> Reviewers { get; init; } = [];

    /// <summary>Who wrote it (Prompty v2's <c>authors</c>).</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Free labels (Prompty v2's <c>tags</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The most input tokens the rendered prompt may take, per model or tokenizer.</summary>
    public IReadOnlyList<TokenBudget> TokenBudgets { get; init; } = [];

    /// <summary>How many times each test case is run (pass^k or k-of-n gating); null for once.</summary>
    public int? Repeat { get; init; }

    /// <summary>The sampling seed, passed to endpoints that accept one (gh-models does not send a seed).</summary>
    public long? Seed { get; init; }
}

/// <summary>
/// A limit on the rendered input of every test case: all messages with their values substituted, counted with the
/// tokenizer of <see cref="Target"/>, chat overhead included.
/// </summary>
/// <param name="Target">
/// A tokenizer name (<c>o200k_base</c>, <c>cl100k_base</c>) or a model id (<c>openai/gpt-4o-mini</c>); null when
/// <c>tokenBudget</c> is a bare number, which applies to the prompt's own <c>model</c>.
/// </param>
/// <param name="Tokens">The most tokens allowed, above zero.</param>
public sealed record TokenBudget(string? Target, int Tokens)
{
    /// <summary>
    /// The encoding this budget is counted with, for a prompt whose model is <paramref name="promptModel"/>: the
    /// named tokenizer, else the target model's (or the prompt's) encoding, else the fallback as an estimate.
    /// </summary>
    public (TokenEncoding Encoding, bool IsEstimate) EncodingFor(string? promptModel)
    {
        if (TokenEncodings.FromName(Target) is { } named)
        {
            return (named, false);
        }

        var known = TokenEncodings.ForModel(Target ?? promptModel);
        return (known ?? TokenEncodings.Fallback, known is null);
    }
}
