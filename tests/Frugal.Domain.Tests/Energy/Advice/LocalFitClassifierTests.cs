using Frugal.Domain.Energy;
using Frugal.Domain.Energy.Advice;
using Frugal.Domain.Usage;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Energy.Advice;

/// <summary>Which past calls a tier's local model could have served, on hand-made call lists.</summary>
public sealed class LocalFitClassifierTests
{
    private static readonly LocalFitLimits Limits = LocalFitLimits.Default;

    [Theory]
    [InlineData(1_000, 0, 500, 0, 32_768, LocalFitVerdict.CouldRunLocally)]
    [InlineData(30_000, 2_000, 768, 0, 32_768, LocalFitVerdict.CouldRunLocally)]
    [InlineData(30_000, 2_000, 769, 0, 32_768, LocalFitVerdict.ContextTooLong)]
    [InlineData(1_000, 0, 2_049, 0, 32_768, LocalFitVerdict.OutputTooLong)]
    [InlineData(1_000, 0, 500, 1, 32_768, LocalFitVerdict.UsedWebSearch)]
    [InlineData(8_000, 0, 500, 0, 8_192, LocalFitVerdict.ContextTooLong)]
    [InlineData(40_000, 0, 500, 0, 65_536, LocalFitVerdict.ContextTooLong)]
    public void Classify_AppliesEachLimit(
        long input, long cacheRead, long output, long searches, int context, LocalFitVerdict expected)
    {
        var tokens = new TokenCounts(input, 0, 0, cacheRead, output);

        LocalFitClassifier.Classify(tokens, searches, context, Limits).ShouldBe(expected);
    }

    [Fact]
    public void Classify_CacheWritesCountAsPrompt()
    {
        var tokens = new TokenCounts(1_000, 20_000, 11_000, 0, 1_000);

        LocalFitClassifier.Classify(tokens, 0, 32_768, Limits).ShouldBe(LocalFitVerdict.ContextTooLong);
    }

    [Fact]
    public void ChooseModel_EachTier_PicksAModelThatFitsItsSmallestMachine()
    {
        var entry = LocalFitClassifier.ChooseModel(DeviceTier.Entry, Limits);
        var pro = LocalFitClassifier.ChooseModel(DeviceTier.Pro, Limits);
        var power = LocalFitClassifier.ChooseModel(DeviceTier.Power, Limits);

        entry.Device.ShouldBe(Devices.MacMiniM4);
        pro.Device.ShouldBe(Devices.MacBookProM3Max);
        power.Device.ShouldBe(Devices.Rtx4090Rig);
        foreach (var tier in new[] { entry, pro, power })
        {
            tier.Advice.ShouldNotBeNull().Fit.ShouldBe(FitVerdict.Fits);
            tier.ContextTokens.ShouldBeInRange(Limits.MinContextTokens, Limits.MaxContextTokens);
        }

        pro.Advice!.Model.TotalBillionParameters.ShouldBeGreaterThan(entry.Advice!.Model.TotalBillionParameters);
    }

    [Fact]
    public void Tally_HandMadeCalls_CountsCostAndTokensOfQualifyingCallsOnly()
    {
        var tier = LocalFitClassifier.ChooseModel(DeviceTier.Power, Limits);
        var tally = new LocalFitTally(tier, Limits);

        tally.Add(Call(1_000, 500), 0.01m);
        tally.Add(Call(2_000, 300), null);
        tally.Add(Call(1_000, 5_000), 0.50m);
        tally.Add(Call(1_000, 500, searches: 2), 0.02m);
        tally.Add(Call(1_000, 500) with { Local = true }, 0m);
        tally.Add(Call(1_000_000, 10), 3m);

        tally.Calls.ShouldBe(5);
        tally.Qualifying.ShouldBe(2);
        tally.CostUsd.ShouldBe(0.01m);
        tally.Unpriced.ShouldBe(1);
        tally.Tokens.OutputTokens.ShouldBe(800);
        tally.Tokens.InputTokens.ShouldBe(3_000);
    }

    [Fact]
    public void Tally_Energy_DecodeAndPrefillOnTheTierMachine()
    {
        var tier = LocalFitClassifier.ChooseModel(DeviceTier.Power, Limits);
        var tally = new LocalFitTally(tier, Limits);
        tally.Add(Call(1_000, 1_000, cacheRead: 3_000), 0.01m);

        var advice = tier.EnergyAdvice!;
        advice.Device.ShouldBe(tier.Device); // the RTX 4090 has a power figure of its own
        var power = tier.Device.DecodePower!;
        var prefill = advice.PrefillTokensPerSecond!.Value;
        var local = tally.LocalEnergy(UsageEnergy.Default).ShouldNotBeNull();
        local.MinWh.ShouldBe(((1_000 * advice.Energy!.JoulesPerTokenMin) + (1_000 / prefill * power.MinWatts)) / 3600,
            1e-9);
        local.MaxWh.ShouldBe(((1_000 * advice.Energy.JoulesPerTokenMax) + (4_000 / prefill * power.MaxWatts)) / 3600,
            1e-9);

        var (energy, carbon, unknown) = tally.CloudEnergy(UsageEnergy.Default);
        unknown.ShouldBe(0);
        energy.MinWh.ShouldBeGreaterThan(0);
        carbon.MinGCO2e.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Tally_MachineWithoutPowerFigure_EstimatesOnTheTiersMachineThatHasOne()
    {
        // The Pro tier's model is chosen on the MacBook Pro M3 Max (least memory, no power figure); its energy is
        // estimated for the same model on the Mac Studio M2 Ultra.
        var tier = LocalFitClassifier.ChooseModel(DeviceTier.Pro, Limits);
        var tally = new LocalFitTally(tier, Limits);
        tally.Add(Call(1_000, 100), 0.01m);

        tier.Device.ShouldBe(Devices.MacBookProM3Max);
        var standIn = tier.EnergyAdvice.ShouldNotBeNull();
        standIn.Device.ShouldBe(Devices.MacStudioM2Ultra);
        standIn.Model.ShouldBe(tier.Advice!.Model);
        standIn.ContextTokens.ShouldBe(tier.Advice.ContextTokens);
        var local = tally.LocalEnergy(UsageEnergy.Default).ShouldNotBeNull();
        local.MinWh.ShouldBeGreaterThanOrEqualTo(100 * standIn.Energy!.JoulesPerTokenMin / 3600);
    }

    [Fact]
    public void Tally_UnknownSizeModel_LeftOutOfBothCloudAndLocalEnergy()
    {
        var tier = LocalFitClassifier.ChooseModel(DeviceTier.Power, Limits);
        var known = new LocalFitTally(tier, Limits);
        var mixed = new LocalFitTally(tier, Limits);
        known.Add(Call(1_000, 500), 0.01m);
        mixed.Add(Call(1_000, 500), 0.01m);
        mixed.Add(Call(1_000, 500) with { Model = "mystery-model" }, null);

        mixed.Qualifying.ShouldBe(2);
        mixed.CloudEnergy(UsageEnergy.Default).UnknownSize.ShouldBe(1);
        mixed.LocalEnergy(UsageEnergy.Default).ShouldBe(known.LocalEnergy(UsageEnergy.Default));
    }

    private static UsageRecord Call(long input, long output, long cacheRead = 0, long searches = 0) => new()
    {
        Source = "test",
        SourceKey = Guid.NewGuid().ToString(),
        Timestamp = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
        SessionId = "s",
        Model = "claude-sonnet-4-5",
        Provider = "anthropic",
        Tokens = new TokenCounts(input, 0, 0, cacheRead, output),
        WebSearchRequests = searches,
    };
}
