namespace Frugal.Domain.Energy;

/// <summary>
/// A cloud provider's data-centre assumptions as EcoLogits makes them (<c>ecologits/tracers/utils.py</c>,
/// <c>PROVIDER_CONFIG_MAP</c>): power usage effectiveness as a range and the grid zone it is located in.
/// </summary>
/// <param name="Provider">The provider key, lower case.</param>
/// <param name="PueMin">Lowest power usage effectiveness (facility energy / IT energy).</param>
/// <param name="PueMax">Highest power usage effectiveness.</param>
/// <param name="ZoneCode">The grid zone the provider's requests are assumed to run in.</param>
/// <param name="Source">Where the figures come from.</param>
public sealed record ProviderDataCentre(string Provider, double PueMin, double PueMax, string ZoneCode, string Source)
{
    private const string EcoLogits = "EcoLogits 0.9.3 ecologits/tracers/utils.py PROVIDER_CONFIG_MAP";

    /// <summary>The PUE used for a provider not in the table, and the zone: EcoLogits' defaults.</summary>
    public static ProviderDataCentre Unknown { get; } =
        new("unknown", 1.2, 1.2, GridIntensity.DefaultCode, "EcoLogits default PUE 1.2 and zone WOR");

    private static readonly ProviderDataCentre Anthropic = new("anthropic", 1.09, 1.14, "USA", EcoLogits);
    private static readonly ProviderDataCentre Cohere = new("cohere", 1.09, 1.09, "USA", EcoLogits);
    private static readonly ProviderDataCentre Google = new("google", 1.09, 1.09, "USA", EcoLogits);
    private static readonly ProviderDataCentre HuggingFace = new("huggingface", 1.09, 1.14, "USA", EcoLogits);
    private static readonly ProviderDataCentre Mistral = new("mistral", 1.16, 1.16, "SWE", EcoLogits);
    private static readonly ProviderDataCentre OpenAi = new("openai", 1.20, 1.20, "USA", EcoLogits);

    /// <summary>
    /// The assumptions for <paramref name="provider"/> (e.g. <c>anthropic</c>, <c>openai</c>, <c>azure</c>,
    /// <c>google</c>, <c>gemini</c>, <c>mistral</c>); <see cref="Unknown"/> for null or anything else.
    /// </summary>
    public static ProviderDataCentre For(string? provider) =>
        provider?.Trim().ToLowerInvariant() switch
        {
            "anthropic" => Anthropic,
            "cohere" => Cohere,
            "google" or "google_genai" or "gemini" or "vertex" or "vertexai" => Google,
            "huggingface" or "huggingface_hub" => HuggingFace,
            "mistral" or "mistralai" => Mistral,
            "openai" or "azure" or "azure_openai" or "azureopenai" => OpenAi,
            _ => Unknown,
        };
}
