using Frugal.Domain.Energy.Advice;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Energy.Advice;

/// <summary>The worked memory examples of the energy reference, §4.4 (weights at effective bpw + F16 KV).</summary>
public sealed class MemoryBreakdownTests
{
    private const double GiB = 1024.0 * 1024 * 1024;

    // The table gives GiB to one decimal; its Qwen2.5-32B Q4_K_M row rounds 18.3499 up to 18.4.
    private const double TableRounding = 0.06;

    [Fact]
    public void Compute_Llama3_8BQ4_K_MFileWith8kContext_ReferenceFigures()
    {
        // §4.4 uses the real Llama-3-8B Q4_K_M file, 4.58 GiB (llama.cpp quantize's list): as bits per weight
        // 4.58 × 2^30 × 8 / 8.03e9 ≈ 4.8994. KV at 8k = 128 KiB × 8,192 = 1 GiB exactly.
        // So 4.58 GiB → table 4.6; + 1 GiB = 5.58 → 5.6; at 32k + 4 GiB = 8.58 → 8.6.
        var file = new QuantPreset("Q4_K_M", 4.58 * GiB * 8 / 8.03e9);

        var at8k = MemoryBreakdown.Compute(KnownArchitectures.Llama3_8B, file, 8192);
        var at32k = MemoryBreakdown.Compute(KnownArchitectures.Llama3_8B, file, 32_768);

        at8k.KvCacheBytes.ShouldBe(GiB);
        Math.Round(at8k.WeightsBytes / GiB, 1).ShouldBe(4.6);
        Math.Round(at8k.WeightsAndKvBytes / GiB, 1).ShouldBe(5.6);
        Math.Round(at32k.WeightsAndKvBytes / GiB, 1).ShouldBe(8.6);
    }

    [Fact]
    public void Compute_Llama3_8BPresetQ4_K_M_WithinATenthOfTheFile()
    {
        // With the shipped 4.85 bpw: 8.03e9 × 4.85 / 8 = 4,868,187,500 bytes = 4.534 GiB, + 1 GiB = 5.534 GiB:
        // 0.066 GiB under the real file (4.90 bpw), the price of one bpw for every model size.
        var memory = MemoryBreakdown.Compute(KnownArchitectures.Llama3_8B, QuantPreset.Q4_K_M, 8192);

        memory.WeightsBytes.ShouldBe(4_868_187_500, 1);
        (memory.WeightsAndKvBytes / GiB).ShouldBe(5.6, 0.1);
        memory.OverheadMinBytes.ShouldBe(0.5e9);
        memory.TotalMaxGB.ShouldBe(4.8681875 + 1.073741824 + 1.5, 1e-9);
    }

    [Theory]
    // Qwen2.5-14B: 14.7e9 × 4.85 / 8 = 8.300 GiB; + 48 × 2 × 8 × 128 × 2 × 8,192 = 1.5 GiB; 32k: + 6 GiB.
    [InlineData("Qwen2.5-14B", "Q4_K_M", 0, 8.3)]
    [InlineData("Qwen2.5-14B", "Q4_K_M", 8192, 9.8)]
    [InlineData("Qwen2.5-14B", "Q4_K_M", 32_768, 14.3)]
    [InlineData("Qwen2.5-14B", "Q8_0", 0, 14.6)] // 14.7e9 × 8.5 / 8 = 14.546 GiB
    [InlineData("Qwen2.5-14B", "F16", 0, 27.4)] // 14.7e9 × 2 = 27.381 GiB
    // Qwen2.5-32B: 32.5e9 × 4.85 / 8 = 18.350 GiB; KV 256 KiB/token: 2 GiB at 8k, 8 GiB at 32k.
    [InlineData("Qwen2.5-32B", "Q4_K_M", 0, 18.4)]
    [InlineData("Qwen2.5-32B", "Q4_K_M", 8192, 20.4)]
    [InlineData("Qwen2.5-32B", "Q4_K_M", 32_768, 26.4)]
    [InlineData("Qwen2.5-32B", "Q8_0", 0, 32.2)] // 32.5e9 × 8.5 / 8 = 32.160 GiB
    [InlineData("Qwen2.5-32B", "F16", 0, 60.5)] // 65e9 bytes = 60.536 GiB
    // Llama-3-8B and -70B at Q8_0 and F16 (their Q4_K_M rows use the real files, see above and below).
    [InlineData("Llama-3.1-8B", "Q8_0", 0, 7.9)] // 8.03e9 × 8.5 / 8 = 7.946 GiB
    [InlineData("Llama-3.1-8B", "F16", 0, 15.0)] // 16.06e9 bytes = 14.957 GiB
    [InlineData("Llama-3.1-70B", "Q8_0", 0, 69.8)] // 70.55e9 × 8.5 / 8 = 69.811 GiB
    [InlineData("Llama-3.1-70B", "F16", 0, 131.4)] // 141.1e9 bytes = 131.410 GiB
    public void Compute_ReferenceTableRow_SameGiB(string model, string quant, int context, double tableGiB)
    {
        var architecture = KnownArchitectures.Find(model).ShouldNotBeNull();

        var memory = MemoryBreakdown.Compute(architecture, QuantPreset.Parse(quant), context);

        (memory.WeightsAndKvBytes / GiB).ShouldBe(tableGiB, TableRounding);
    }

    [Fact]
    public void Compute_Llama3_70BQ4_K_MFile_ReferenceFigures()
    {
        // The 70B file is 39.60 GiB (4.82 bpw); KV 320 KiB/token: 2.5 GiB at 8k, 10 GiB at 32k → 42.1 and 49.6.
        var file = new QuantPreset("Q4_K_M", 39.60 * GiB * 8 / 70.55e9);

        var at8k = MemoryBreakdown.Compute(KnownArchitectures.Llama3_70B, file, 8192);
        var at32k = MemoryBreakdown.Compute(KnownArchitectures.Llama3_70B, file, 32_768);

        Math.Round(at8k.WeightsAndKvBytes / GiB, 1).ShouldBe(42.1);
        Math.Round(at32k.WeightsAndKvBytes / GiB, 1).ShouldBe(49.6);
    }

    [Fact]
    public void Compute_Q4_0KvCache_QuarterOfF16AndABit()
    {
        // 65,536 elements per token × 0.5625 bytes × 8,192 tokens = 301,989,888 bytes.
        var memory = MemoryBreakdown.Compute(
            KnownArchitectures.Llama3_8B, QuantPreset.Q4_K_M, 8192, KvCacheType.Q4_0);

        memory.KvCacheBytes.ShouldBe(301_989_888);
    }

    [Fact]
    public void Compute_NegativeContext_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(
            () => MemoryBreakdown.Compute(KnownArchitectures.Llama3_8B, QuantPreset.Q4_K_M, -1));
    }
}
