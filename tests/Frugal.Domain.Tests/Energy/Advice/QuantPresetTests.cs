using Frugal.Domain.Energy.Advice;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Energy.Advice;

public sealed class QuantPresetTests
{
    [Theory]
    [InlineData("F16", 16.0)]
    [InlineData("bf16", 16.0)]
    [InlineData("q8_0", 8.5)]
    [InlineData("Q6_k", 6.56)]
    [InlineData("q5_k_m", 5.7)]
    [InlineData(" Q4_K_M ", 4.85)]
    [InlineData("Q4_0", 4.6)]
    [InlineData("q3_K_M", 3.9)]
    [InlineData("Q2_K", 3.1)]
    public void Parse_KnownNameAnyCase_ReferenceBitsPerWeight(string name, double bitsPerWeight)
    {
        var preset = QuantPreset.Parse(name);

        preset.BitsPerWeight.ShouldBe(bitsPerWeight);
    }

    [Fact]
    public void Parse_Unknown_MessageListsKnownPresets()
    {
        var error = Should.Throw<ArgumentException>(() => QuantPreset.Parse("Q4_K_XL"));

        error.Message.ShouldContain("Q4_K_XL");
        error.Message.ShouldContain("F16, Q8_0, Q6_K, Q5_K_M, Q4_K_M, Q4_0, Q3_K_M, Q2_K");
    }

    [Fact]
    public void WeightBytes_EightBillionAtQ8_0_ParamsTimesBitsOverEight()
    {
        // 8e9 × 8.5 / 8 = 8.5e9 bytes.
        QuantPreset.Q8_0.WeightBytes(8).ShouldBe(8.5e9);
    }

    [Theory]
    [InlineData("f16", 2.0)]
    [InlineData("Q8_0", 1.0625)]
    [InlineData("q4_0", 0.5625)]
    public void KvCacheTypeParse_KnownName_BlockBytesPerElement(string name, double bytes)
    {
        // q8_0: 34 bytes per 32 elements = 1.0625; q4_0: 18 / 32 = 0.5625.
        KvCacheType.Parse(name).BytesPerElement.ShouldBe(bytes);
    }

    [Fact]
    public void KvCacheTypeParse_Unknown_MessageListsKnownTypes()
    {
        var error = Should.Throw<ArgumentException>(() => KvCacheType.Parse("q5_1"));

        error.Message.ShouldContain("f16, q8_0, q4_0");
    }
}
