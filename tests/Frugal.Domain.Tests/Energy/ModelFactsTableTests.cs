using Frugal.Domain.Energy;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Energy;

public sealed class ModelFactsTableTests
{
    [Theory]
    [InlineData("gpt-4o", "gpt-4o")]
    [InlineData("gpt-4o-2024-08-06", "gpt-4o")]
    [InlineData("openai/gpt-4.1", "gpt-4.1")]
    [InlineData("claude-sonnet-4-5-20250929", "claude-sonnet-4-5")]
    [InlineData("us.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5")]
    [InlineData("claude-opus-4.6", "claude-opus-4-6")]
    [InlineData("claude-opus-4-6@default", "claude-opus-4-6")]
    [InlineData("meta-llama/Llama-3.1-8B-Instruct", "llama-3.1-8b")]
    [InlineData("llama3.1:8b", "llama-3.1-8b")]
    [InlineData("gpt-oss:20b", "gpt-oss-20b")]
    public void Find_ToolSpelling_FindsEntry(string written, string expectedId)
    {
        var size = ModelFactsTable.BuiltIn.Find(written);

        size.ShouldNotBeNull().ModelId.ShouldBe(expectedId);
    }

    [Fact]
    public void Find_Gpt4o_IsEcoLogitsMoeEstimate()
    {
        var size = ModelFactsTable.BuiltIn.Find("gpt-4o").ShouldNotBeNull();

        size.TotalBillions.ShouldBe(ParameterRange.Exactly(440));
        size.ActiveBillions.ShouldBe(new ParameterRange(44, 132));
        size.IsDense.ShouldBeFalse();
        size.TokensPerSecond.ShouldBe(37.8);
        size.TimeToFirstTokenSeconds.ShouldBe(0.52);
        size.ParametersSource.ShouldContain("EcoLogits 0.9.3");
    }

    [Fact]
    public void Find_UnknownModel_Null()
    {
        var size = ModelFactsTable.BuiltIn.Find("acme-wonder-9000");

        size.ShouldBeNull();
    }

    [Fact]
    public void WithEntries_UserEntry_AddsAndOverrides()
    {
        var mine = ModelSize.Dense("acme-wonder-9000", ParameterRange.Exactly(12), "vendor data sheet");
        var smaller = ModelSize.Dense("gpt-4o", new ParameterRange(20, 40), "my own estimate");

        var table = ModelFactsTable.BuiltIn.WithEntries([mine, smaller]);

        table.Find("acme-wonder-9000").ShouldBe(mine);
        table.Find("gpt-4o-2024-08-06").ShouldBe(smaller);
        ModelFactsTable.BuiltIn.Find("gpt-4o").ShouldNotBe(smaller);
    }

    [Fact]
    public void BuiltIn_EveryEntry_ActiveAtMostTotal()
    {
        var ids = new[]
        {
            "gpt-4o", "gpt-5", "gpt-5-pro", "o1", "claude-opus-4", "gemini-2.5-pro", "gemini-3-flash",
            "deepseek-r1", "gpt-oss-120b", "mixtral-8x22b", "qwen3-235b-a22b",
        };

        foreach (var id in ids)
        {
            var size = ModelFactsTable.BuiltIn.Find(id).ShouldNotBeNull(id);
            size.ActiveBillions.MaxBillions.ShouldBeLessThanOrEqualTo(size.TotalBillions.MaxBillions, id);
        }
    }
}
