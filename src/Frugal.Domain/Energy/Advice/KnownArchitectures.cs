using System.Collections.ObjectModel;

namespace Frugal.Domain.Energy.Advice;

/// <summary>
/// Open-weight models whose size and KV cache shape are known. Parameter counts are the published totals (the
/// EcoLogits model file and model cards); layer and head figures are from the models' <c>config.json</c>.
/// </summary>
public static class KnownArchitectures
{
    /// <summary>Llama-3 / 3.1 8B: 8.03 B, 32 layers, 8 KV heads of 128 (HF config).</summary>
    public static readonly ModelArchitecture Llama3_8B =
        new("Llama-3.1-8B", 8.03, 8.03, 32, 8, 128, "EcoLogits models.json; HF config.json");

    /// <summary>Llama-3 / 3.1 70B: 70.55 B, 80 layers, 8 KV heads of 128 (HF config).</summary>
    public static readonly ModelArchitecture Llama3_70B =
        new("Llama-3.1-70B", 70.55, 70.55, 80, 8, 128, "EcoLogits models.json; HF config.json");

    /// <summary>Qwen2.5-14B: 14.7 B, 48 layers, 8 KV heads of 128.</summary>
    public static readonly ModelArchitecture Qwen25_14B =
        new("Qwen2.5-14B", 14.7, 14.7, 48, 8, 128, "Qwen2.5 model card; HF config.json");

    /// <summary>Qwen2.5-32B: 32.5 B, 64 layers, 8 KV heads of 128.</summary>
    public static readonly ModelArchitecture Qwen25_32B =
        new("Qwen2.5-32B", 32.5, 32.5, 64, 8, 128, "Qwen2.5 model card; HF config.json");

    /// <summary>
    /// Mistral 7B: 7.24 B, 32 layers, 8 KV heads of 128. Limitation: v0.1's 4,096-token sliding window is
    /// ignored, so its KV cache beyond 4k context is overstated.
    /// </summary>
    public static readonly ModelArchitecture Mistral7B =
        new("Mistral-7B", 7.24, 7.24, 32, 8, 128, "Mistral 7B model card (7.24 B, not re-checked); params.json");

    /// <summary>
    /// gpt-oss-20b: 21 B total, 3.6 B active, 24 layers, 8 KV heads of 64. Limitation: half its layers attend
    /// to a 128-token sliding window, which this shape ignores, so the KV cache is overstated about twofold.
    /// Its native MXFP4 weights are about 4.25 bits; pick the closest preset.
    /// </summary>
    public static readonly ModelArchitecture GptOss20B =
        new("gpt-oss-20b", 21, 3.6, 24, 8, 64, "EcoLogits models.json; openai/gpt-oss-20b config.json");

    /// <summary>
    /// gpt-oss-120b: 117 B total, 5.1 B active, 36 layers, 8 KV heads of 64; the same sliding-window limitation
    /// as <see cref="GptOss20B"/>.
    /// </summary>
    public static readonly ModelArchitecture GptOss120B =
        new("gpt-oss-120b", 117, 5.1, 36, 8, 64, "EcoLogits models.json; openai/gpt-oss-120b config.json");

    /// <summary>Qwen3-30B-A3B: 30.5 B total, 3.3 B active, 48 layers, 4 KV heads of 128.</summary>
    public static readonly ModelArchitecture Qwen3_30B_A3B =
        new("Qwen3-30B-A3B", 30.5, 3.3, 48, 4, 128, "Qwen3 model card (not re-checked); HF config.json");

    /// <summary>Every known architecture.</summary>
    public static ReadOnlyCollection<ModelArchitecture> All { get; } = Array.AsReadOnly(
        [Llama3_8B, Llama3_70B, Qwen25_14B, Qwen25_32B, Mistral7B, GptOss20B, GptOss120B, Qwen3_30B_A3B]);

    /// <summary>Finds a known architecture by name without regard to case, or null.</summary>
    public static ModelArchitecture? Find(string? name) =>
        All.FirstOrDefault(a => string.Equals(a.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
