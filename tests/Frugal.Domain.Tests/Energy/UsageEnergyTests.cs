using Frugal.Domain.Energy;
using Frugal.Domain.Usage;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Energy;

public sealed class UsageEnergyTests
{
    private static readonly GridZone Usa = new("USA", "United States", 383.55, "test");

    private static TokenCounts Output(long tokens) => new(0, 0, 0, 0, tokens);

    [Fact]
    public void Estimate_OneCallOf500Gpt4oTokens_IsTheWorkedExample()
    {
        // CloudEnergyModelTests: 500 output tokens of gpt-4o at OpenAI's PUE 1.2 -> 0.80145-1.28248 Wh.
        var estimate = new UsageEnergy(ModelFactsTable.BuiltIn, Usa).Estimate("gpt-4o", "openai", Output(500), 1)
            .ShouldNotBeNull();

        estimate.Energy.MinWh.ShouldBe(0.80145, 0.00001);
        estimate.Energy.MaxWh.ShouldBe(1.28248, 0.00001);
        estimate.Carbon.MinGCO2e.ShouldBe(0.30739, 0.00001);
        estimate.Carbon.MaxGCO2e.ShouldBe(0.49190, 0.00001);
        estimate.Method.ShouldBe(CloudEnergyModel.DecodeMethod);
    }

    [Theory]
    [InlineData("gpt-4o", "openai", 7)]
    [InlineData("claude-sonnet-4-5", "anthropic", 3)]
    [InlineData("llama-3.1-70b", null, 5)]
    public void Estimate_GroupOfIdenticalCalls_EqualsThatManyTimesOneCall(string model, string? provider, int calls)
    {
        var energy = new UsageEnergy(ModelFactsTable.BuiltIn, GridIntensity.World);
        var tokens = new TokenCounts(120, 30, 0, 4_000, 500);
        var one = energy.Estimate(model, provider, tokens, 1).ShouldNotBeNull();
        var sum = tokens;
        for (var i = 1; i < calls; i++)
        {
            sum += tokens;
        }

        var group = energy.Estimate(model, provider, sum, calls).ShouldNotBeNull();

        group.Energy.MinWh.ShouldBe(one.Energy.MinWh * calls, one.Energy.MinWh * calls * 1e-12);
        group.Energy.MaxWh.ShouldBe(one.Energy.MaxWh * calls, one.Energy.MaxWh * calls * 1e-12);
        group.Carbon.MinGCO2e.ShouldBe(one.Carbon.MinGCO2e * calls, one.Carbon.MinGCO2e * calls * 1e-12);
        group.Carbon.MaxGCO2e.ShouldBe(one.Carbon.MaxGCO2e * calls, one.Carbon.MaxGCO2e * calls * 1e-12);
        var embodied = group.Embodied.ShouldNotBeNull();
        embodied.MaxGCO2e.ShouldBe(one.Embodied!.Value.MaxGCO2e * calls, embodied.MaxGCO2e * 1e-12);
    }

    [Fact]
    public void Estimate_TwoCallsOfAServedSpeedModel_ChargeTwoTimesToFirstToken()
    {
        // gpt-4o: ΔT = 0.52 + 500 / 37.8 s per call; two calls of 250 tokens take 0.52 s longer than one of 500.
        var energy = new UsageEnergy(ModelFactsTable.BuiltIn, GridIntensity.World);

        var one = energy.Estimate("gpt-4o", "openai", Output(500), 1).ShouldNotBeNull();
        var two = energy.Estimate("gpt-4o", "openai", Output(500), 2).ShouldNotBeNull();

        // Server share of 0.52 s on 16 GPUs at PUE 1.2: 1.2 · 0.52 / 3600 · 1200 · 2 / 64 = 0.0065 Wh.
        (two.Energy.MinWh - one.Energy.MinWh).ShouldBe(0.0065, 0.00001);
        (two.Energy.MaxWh - one.Energy.MaxWh).ShouldBe(0.0065, 0.00001);
    }

    [Fact]
    public void Estimate_UnknownOrMissingModel_IsNullNotAGuess()
    {
        var energy = UsageEnergy.Default;

        energy.Estimate("some-local-model", null, Output(500), 1).ShouldBeNull();
        energy.Estimate(null, null, Output(500), 1).ShouldBeNull();
        energy.SizeOf("some-local-model").ShouldBeNull();
        energy.SizeOf("gpt-4o").ShouldNotBeNull();
    }

    [Fact]
    public void Estimate_NoProvider_UsesTheDefaultPue()
    {
        // PUE 1.2 is OpenAI's too, so gpt-4o without a provider is the worked example; Anthropic's 1.09-1.14 is lower.
        var energy = new UsageEnergy(ModelFactsTable.BuiltIn, Usa);

        var unknown = energy.Estimate("claude-sonnet-4-5", null, Output(500), 1).ShouldNotBeNull();
        var anthropic = energy.Estimate("claude-sonnet-4-5", "anthropic", Output(500), 1).ShouldNotBeNull();

        unknown.Energy.MinWh.ShouldBe(anthropic.Energy.MinWh / 1.09 * 1.2, 1e-9);
        unknown.Energy.MaxWh.ShouldBe(anthropic.Energy.MaxWh / 1.14 * 1.2, 1e-9);
    }

    [Fact]
    public void Estimate_OtherZone_ChangesCarbonNotEnergy()
    {
        var world = UsageEnergy.Default.Estimate("gpt-4o", "openai", Output(500), 3).ShouldNotBeNull();
        var france = new UsageEnergy(ModelFactsTable.BuiltIn, GridIntensity.Resolve("FRA"))
            .Estimate("gpt-4o", "openai", Output(500), 3).ShouldNotBeNull();

        france.Energy.ShouldBe(world.Energy);
        france.Carbon.MaxGCO2e.ShouldBe(world.Carbon.MaxGCO2e / 473.0 * 44.2, 1e-9);
    }
}
