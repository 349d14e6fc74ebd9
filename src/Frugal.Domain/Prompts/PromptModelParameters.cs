namespace Frugal.Domain.Prompts;

/// <summary>
/// The <c>modelParameters</c> of a prompt file: the three that gh-models sends (its Go struct has no others, and it
/// ignores any other key). A seed lives in <see cref="PromptMetadata.Seed"/> for that reason.
/// </summary>
public sealed record PromptModelParameters
{
    /// <summary>Sampling temperature, 0 to 2; null leaves the endpoint's default.</summary>
    public double? Temperature { get; init; }

    /// <summary>The most output tokens to generate (<c>maxTokens</c>); null leaves the endpoint's default.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Nucleus sampling mass, 0 to 1 (<c>topP</c>); null leaves the endpoint's default.</summary>
    public double? TopP { get; init; }
}
