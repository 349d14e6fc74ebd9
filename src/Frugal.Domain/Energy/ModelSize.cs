namespace Frugal.Domain.Energy;

/// <summary>
/// What the energy model needs to know about a model: its total and active parameter counts (dense: active = total)
/// and, where published, its served speed; each figure with its source.
/// </summary>
/// <param name="ModelId">The id the entry is found by (lower case, as the normaliser produces it).</param>
/// <param name="TotalBillions">All parameters, in billions; decides how many GPUs hold the model.</param>
/// <param name="ActiveBillions">Parameters used per token, in billions; decides energy per token per GPU.</param>
/// <param name="ParametersSource">Where the parameter counts come from.</param>
/// <param name="TokensPerSecond">Served output speed, tokens/s; null when unknown.</param>
/// <param name="TimeToFirstTokenSeconds">Served time to first token, s; null when unknown.</param>
/// <param name="SpeedSource">Where the speed figures come from; null when there are none.</param>
public sealed record ModelSize(
    string ModelId,
    ParameterRange TotalBillions,
    ParameterRange ActiveBillions,
    string ParametersSource,
    double? TokensPerSecond = null,
    double? TimeToFirstTokenSeconds = null,
    string? SpeedSource = null)
{
    /// <summary>Other ids the same entry answers to (e.g. an Ollama tag), lower case.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Whether every parameter is used for every token (active = total).</summary>
    public bool IsDense => ActiveBillions == TotalBillions;

    /// <summary>
    /// Whether the served speed is known, so generation time can be taken from it (time to first token adds to it
    /// where known, else counts as nothing).
    /// </summary>
    public bool HasServedSpeed => TokensPerSecond is > 0;

    /// <summary>A dense model: the same count is total and active.</summary>
    public static ModelSize Dense(string modelId, ParameterRange billions, string source) =>
        new(modelId, billions, billions, source);

    /// <summary>A mixture-of-experts model with separate total and active counts.</summary>
    public static ModelSize MixtureOfExperts(
        string modelId, ParameterRange totalBillions, ParameterRange activeBillions, string source) =>
        new(modelId, totalBillions, activeBillions, source);

    /// <summary>A copy with served speed figures and their source.</summary>
    public ModelSize WithSpeed(double tokensPerSecond, double timeToFirstTokenSeconds, string source) =>
        this with
        {
            TokensPerSecond = tokensPerSecond,
            TimeToFirstTokenSeconds = timeToFirstTokenSeconds,
            SpeedSource = source,
        };

    /// <summary>A copy that also answers to <paramref name="aliases"/>.</summary>
    public ModelSize WithAliases(params string[] aliases) => this with { Aliases = [.. Aliases, .. aliases] };
}
