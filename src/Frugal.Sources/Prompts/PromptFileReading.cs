using Frugal.Domain.Prompts;

namespace Frugal.Sources.Prompts;

/// <summary>What reading a prompt file gave: the prompt as far as it reads, its problems and positions.</summary>
/// <param name="Path">The file's path, as given.</param>
/// <param name="Prompt">
/// The prompt. With problems, the parts at fault are left out (an empty <see cref="PromptDefinition.Name"/>, a
/// message without a valid role, and so on), so lint rules can still run on the rest.
/// </param>
/// <param name="Problems">Every structural problem, in file order.</param>
/// <param name="Positions">Where each part of the file is.</param>
public sealed record PromptFileReading(
    string Path, PromptDefinition Prompt, IReadOnlyList<PromptFileProblem> Problems, PromptSourceMap Positions)
{
    /// <summary>Whether the file has no structural problem.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>
    /// Every scalar of the file as YAML decodes it, as far as it parses: what a search of the raw lines misses
    /// (<c>"\x73k-…"</c>, a value split over lines) is plain here.
    /// </summary>
    internal IReadOnlyList<YamlText> Scalars { get; init; } = [];
}
