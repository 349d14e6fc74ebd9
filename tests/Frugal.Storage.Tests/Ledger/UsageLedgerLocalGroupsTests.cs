using Frugal.Domain.Audit;
using Frugal.Domain.Reporting;
using Frugal.Domain.Usage;
using Frugal.Sources.Prices;
using Frugal.Storage.Ledger;
using Frugal.Storage.Tests.TestData;
using Shouldly;

namespace Frugal.Storage.Tests.Ledger;

/// <summary>
/// Calls to a local model server are summed apart from hosted ones, with the energy the gateway recorded for them:
/// minimum with minimum, maximum with maximum, and none when any call of the group has none.
/// </summary>
public sealed class UsageLedgerLocalGroupsTests : IDisposable
{
    private static readonly DateTimeOffset May1 = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ReadUsageGroups_LocalGatewayCalls_CarryTheSumOfTheEnergyTheGatewayRecorded()
    {
        using var ledger = UsageLedger.Open(_temp.Combine("ledger.db"));
        ledger.WriteGatewayCalls(
        [
            GatewayCalls.Call("a", May1, local: true, 200, 100, 0.5, 0.8),
            GatewayCalls.Call("b", May1.AddMinutes(5), local: true, 300, 150, 0.25, 0.4),
            // From the gateway's cache: no server ran, so no energy was recorded and none was used.
            GatewayCalls.Call("c", May1.AddMinutes(6), local: true, 100, 50, null, null, cached: true),
            GatewayCalls.Call("d", May1.AddMinutes(7), local: false, 1_000, 500, 9, 9, costUsd: 0.0105m),
            GatewayCalls.Call("e", May1.AddDays(1), local: true, 400, 100, null, null),
        ]);

        var groups = Groups(ledger, ReportPeriod.Daily);

        // a + b + c: 0.5 + 0.25 + 0 = 0.75 Wh and 0.8 + 0.4 + 0 = 1.2 Wh.
        var local = groups.Single(g => g.Local && g.First.Day == 1);
        local.Calls.ShouldBe(3);
        local.Tokens.TotalTokens.ShouldBe(900);
        local.RecordedEnergy.ShouldNotBeNull();
        local.RecordedEnergy.Value.MinWh.ShouldBe(0.75, 1e-12);
        local.RecordedEnergy.Value.MaxWh.ShouldBe(1.2, 1e-12);
        var hosted = groups.Single(g => !g.Local);
        hosted.Model.ShouldBe(GatewayCalls.HostedModel);
        hosted.RecordedEnergy.ShouldBeNull();
        var unrecorded = groups.Single(g => g.Local && g.First.Day == 2);
        unrecorded.Calls.ShouldBe(1);
        unrecorded.RecordedEnergy.ShouldBeNull();
    }

    [Fact]
    public void ReadUsageGroups_OneLocalCallWithoutEnergy_LeavesItsWholeGroupWithoutOne()
    {
        using var ledger = UsageLedger.Open(_temp.Combine("ledger.db"));
        ledger.WriteGatewayCalls(
        [
            GatewayCalls.Call("a", May1, local: true, 200, 100, 0.5, 0.8),
            GatewayCalls.Call("b", May1.AddMinutes(1), local: true, 200, 100, null, null),
        ]);

        var group = Groups(ledger, ReportPeriod.Model).ShouldHaveSingleItem();

        group.Local.ShouldBeTrue();
        group.Calls.ShouldBe(2);
        group.RecordedEnergy.ShouldBeNull();
    }

    [Fact]
    public void ReadUsageGroups_LocalCallsOfAnotherSourceAndNoGatewayCall_AreLocalWithoutEnergy()
    {
        using var ledger = UsageLedger.Open(_temp.Combine("ledger.db"));
        var hosted = Record("h", local: false);
        ledger.Commit([hosted, Record("l", local: true)], []);

        var groups = Groups(ledger, ReportPeriod.Daily);

        groups.Count.ShouldBe(2);
        var local = groups.Single(g => g.Local);
        local.RecordedEnergy.ShouldBeNull();
        groups.Single(g => !g.Local).ShouldBe(new UsageGroup(
            May1, May1, null, null, hosted.Model, null, 0, hosted.Tokens, 0, 1));
    }

    [Fact]
    public void ReadSessionActivity_LocalGatewayCalls_CarryTheirRecordedEnergyApartFromHostedOnes()
    {
        using var ledger = UsageLedger.Open(_temp.Combine("ledger.db"));
        ledger.WriteGatewayCalls(
        [
            GatewayCalls.Call("a", May1, local: true, 200, 100, 0.5, 0.8),
            GatewayCalls.Call("b", May1.AddMinutes(5), local: true, 300, 150, 0.25, 0.4),
            GatewayCalls.Call("d", May1.AddMinutes(7), local: false, 1_000, 500, 9, 9, costUsd: 0.0105m),
            GatewayCalls.Call("e", May1.AddMinutes(9), local: true, 400, 100, null, null, session: "other"),
        ]);
        var groups = new List<SessionCallGroup>();

        ledger.ReadSessionActivity(
            DateTimeOffset.MinValue, DateTimeOffset.MaxValue, PriceCatalog.Load().PromptTier, groups.Add, _ => { });

        groups.Count.ShouldBe(3);
        var local = groups.Single(g => g.Group.Local && g.SessionKey == "gw-session").Group;
        local.Calls.ShouldBe(2);
        local.RecordedEnergy.ShouldBe(new Domain.Energy.EnergyRange(0.5 + 0.25, 0.8 + 0.4));
        groups.Single(g => !g.Group.Local).Group.RecordedEnergy.ShouldBeNull();
        groups.Single(g => g.SessionKey == "other").Group.RecordedEnergy.ShouldBeNull();
    }

    private static List<UsageGroup> Groups(UsageLedger ledger, ReportPeriod period)
    {
        var groups = new List<UsageGroup>();
        ledger.ReadUsageGroups(
            period, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, PriceCatalog.Load().PromptTier, groups.Add);
        return groups;
    }

    private static UsageRecord Record(string key, bool local) => new()
    {
        Source = "some-source",
        SourceKey = key,
        Timestamp = May1,
        SessionId = "s",
        Model = local ? GatewayCalls.LocalModel : GatewayCalls.HostedModel,
        Tokens = new TokenCounts(10, 0, 0, 0, 100),
        Local = local,
    };
}
