using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace Frugal.Domain.Energy.Advice;

/// <summary>
/// A llama.cpp / GGUF weight quantisation preset and its effective bits per weight: the whole-file average,
/// which is above the block format's own figure because some tensors stay at higher precision.
/// </summary>
/// <param name="Name">The preset as llama.cpp names it, such as <c>Q4_K_M</c>.</param>
/// <param name="BitsPerWeight">Effective bits per weight over the whole file.</param>
public sealed record QuantPreset(string Name, double BitsPerWeight)
{
    /// <summary>16-bit floats (F16 or BF16).</summary>
    public static readonly QuantPreset F16 = new("F16", 16.0);

    /// <summary>8-bit blocks: 34 bytes per 32 weights.</summary>
    public static readonly QuantPreset Q8_0 = new("Q8_0", 8.5);

    /// <summary>6-bit k-quant.</summary>
    public static readonly QuantPreset Q6_K = new("Q6_K", 6.56);

    /// <summary>5-bit k-quant, medium mix.</summary>
    public static readonly QuantPreset Q5_K_M = new("Q5_K_M", 5.7);

    /// <summary>4-bit k-quant, medium mix: the usual default for local models.</summary>
    public static readonly QuantPreset Q4_K_M = new("Q4_K_M", 4.85);

    /// <summary>4-bit blocks: 18 bytes per 32 weights, plus higher-precision tensors.</summary>
    public static readonly QuantPreset Q4_0 = new("Q4_0", 4.6);

    /// <summary>3-bit k-quant, medium mix.</summary>
    public static readonly QuantPreset Q3_K_M = new("Q3_K_M", 3.9);

    /// <summary>2-bit k-quant.</summary>
    public static readonly QuantPreset Q2_K = new("Q2_K", 3.1);

    /// <summary>
    /// The presets the advisor knows, with bits per weight from the llama.cpp quantize tool's Llama-3 file sizes
    /// (<c>tools/quantize</c>) and the 70B perplexity table of XiongjieDai/GPU-Benchmarks-on-LLM-Inference.
    /// </summary>
    public static ReadOnlyCollection<QuantPreset> Known { get; } =
        Array.AsReadOnly([F16, Q8_0, Q6_K, Q5_K_M, Q4_K_M, Q4_0, Q3_K_M, Q2_K]);

    /// <summary>The bytes <paramref name="billionParameters"/> billion weights take in this preset.</summary>
    public double WeightBytes(double billionParameters) => billionParameters * 1e9 * BitsPerWeight / 8;

    /// <summary>Finds a known preset by name without regard to case; <c>BF16</c> is read as F16.</summary>
    /// <exception cref="ArgumentException">
    /// The name is not a known preset; the message lists the known ones.
    /// </exception>
    public static QuantPreset Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (TryParse(name, out var preset))
        {
            return preset;
        }

        var known = string.Join(", ", Known.Select(p => p.Name));
        throw new ArgumentException(
            $"Unknown quantisation '{name}'. Known presets: {known}.", nameof(name));
    }

    /// <summary>Finds a known preset by name without regard to case; <c>BF16</c> is read as F16.</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out QuantPreset? preset)
    {
        var trimmed = name?.Trim();
        if (string.Equals(trimmed, "BF16", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = F16.Name;
        }

        preset = Known.FirstOrDefault(p => string.Equals(p.Name, trimmed, StringComparison.OrdinalIgnoreCase));
        return preset is not null;
    }
}
