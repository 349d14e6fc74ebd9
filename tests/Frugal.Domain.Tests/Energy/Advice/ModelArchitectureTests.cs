using Frugal.Domain.Energy.Advice;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Energy.Advice;

public sealed class ModelArchitectureTests
{
    [Fact]
    public void KvBytesPerToken_Llama3_8BAtF16_128KiB()
    {
        // 32 layers × 2 × 8 KV heads × 128 × 2 bytes = 131,072 = 128 KiB (reference §4.2).
        KnownArchitectures.Llama3_8B.KvBytesPerToken(KvCacheType.F16).ShouldBe(131_072);
    }

    [Theory]
    [InlineData("Qwen2.5-14B", 196_608)] // 48 × 2 × 8 × 128 × 2 = 192 KiB
    [InlineData("Qwen2.5-32B", 262_144)] // 64 × 2 × 8 × 128 × 2 = 256 KiB
    [InlineData("llama-3.1-70b", 327_680)] // 80 × 2 × 8 × 128 × 2 = 320 KiB
    public void KvBytesPerToken_ReferenceTable_MatchesSection4_2(string name, double bytes)
    {
        var model = KnownArchitectures.Find(name).ShouldNotBeNull();

        model.KvBytesPerToken(KvCacheType.F16).ShouldBe(bytes);
    }

    [Fact]
    public void KvBytesPerToken_Q8_0Cache_ElementsTimesBlockBytes()
    {
        // 32 × 2 × 8 × 128 = 65,536 elements × 1.0625 = 69,632 bytes.
        KnownArchitectures.Llama3_8B.KvBytesPerToken(KvCacheType.Q8_0).ShouldBe(69_632);
    }

    [Fact]
    public void FromSize_MixtureOfExperts_StatesAssumedKvShape()
    {
        var model = ModelArchitecture.FromSize(8, 3);

        model.Name.ShouldBe("8B-A3B");
        model.IsMixtureOfExperts.ShouldBeTrue();
        (model.Layers, model.KvHeads, model.HeadDim).ShouldBe((32, 8, 128));
        model.Assumption.ShouldNotBeNull().ShouldContain("32 layers, 8 KV heads of 128");
    }

    [Theory]
    [InlineData(10, 32)]
    [InlineData(14.7, 48)]
    [InlineData(32.5, 64)]
    [InlineData(70.55, 80)]
    public void FromSize_Dense_LayersOfTheSizeClass(double billions, int layers)
    {
        var model = ModelArchitecture.FromSize(billions);

        model.Layers.ShouldBe(layers);
        model.IsMixtureOfExperts.ShouldBeFalse();
    }

    [Fact]
    public void FromSize_ActiveAboveTotal_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ModelArchitecture.FromSize(8, 9));
    }

    [Fact]
    public void KnownArchitectures_All_ActiveWithinTotalAndSourced()
    {
        foreach (var model in KnownArchitectures.All)
        {
            model.ActiveBillionParameters.ShouldBeLessThanOrEqualTo(model.TotalBillionParameters);
            model.Source.ShouldNotBeNullOrWhiteSpace();
            model.Assumption.ShouldBeNull();
        }
    }
}
