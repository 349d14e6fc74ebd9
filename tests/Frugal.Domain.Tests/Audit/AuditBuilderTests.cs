using Frugal.Domain.Audit;
using Frugal.Domain.Energy;
using Frugal.Domain.Usage;
using Shouldly;
using Xunit;
using static Frugal.Domain.Tests.Audit.AuditFixtures;

namespace Frugal.Domain.Tests.Audit;

public sealed class AuditBuilderTests
{
    private static readonly AuditOptions April = new(
        new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), TimeZoneInfo.Utc, TimeSpan.FromHours(2),
        AuditGrouping.Project, Names: false);

    private static readonly Dictionary<string, decimal> OutputPrices = new()
    {
        ["claude-opus-4-5"] = 25m, ["claude-haiku-4-5"] = 5m,
    };

    [Fact]
    public void Costly_models_answering_tiny_outputs_are_a_finding_but_cheap_ones_are_not()
    {
        // 50 calls with 4,000 output tokens: 80 a call, under the 200 of a tiny answer.
        var opus = Session("a", Noon, Noon.AddHours(1), tokens: new TokenCounts(50_000, 0, 0, 0, 4_000),
            cost: 2m, model: "claude-opus-4-5", calls: 50);
        var haiku = Session("b", Noon, Noon.AddHours(1), tokens: new TokenCounts(50_000, 0, 0, 0, 4_000),
            cost: 0.3m, model: "claude-haiku-4-5", calls: 50);

        var findings = Build([opus, haiku]).Findings.Where(f => f.Kind == "costly-model-tiny-output").ToList();

        var finding = findings.ShouldHaveSingleItem();
        finding.Title.ShouldBe("claude-opus-4-5 answered 50 calls with 80 output tokens on average");
        finding.CostUsd.ShouldBe(2m);
    }

    [Fact]
    public void A_session_whose_context_kept_growing_is_a_finding()
    {
        var growing = Session("g", Noon, Noon.AddHours(2), calls: 40, cost: 5m);
        growing.Trend = new ContextTrend("claude-code", "g", 40, 20_000, 150_000);
        var steady = Session("s", Noon, Noon.AddHours(2), calls: 40, cost: 5m);
        steady.Trend = new ContextTrend("claude-code", "s", 40, 100_000, 120_000);

        var finding = Build([growing, steady]).Findings.Single(f => f.Kind == "growing-context");

        // 150,000 / 20,000 = 7.5× ≥ 3×; the steady one grew 1.2×.
        finding.Title.ShouldBe("1 session with a context that kept growing");
        finding.CostUsd.ShouldBe(5m);
    }

    [Fact]
    public void A_session_reading_little_from_cache_is_a_finding()
    {
        // 2,000,000 prompt tokens of which 400,000 read from cache: 20% < 50%.
        var cold = Session("c", Noon, Noon.AddHours(1), tokens: new TokenCounts(1_500_000, 100_000, 0, 400_000, 9_000));
        var warm = Session("w", Noon, Noon.AddHours(1), tokens: new TokenCounts(100_000, 100_000, 0, 1_800_000, 9_000));

        var finding = Build([cold, warm]).Findings.Single(f => f.Kind == "low-cache-hits");

        finding.Detail.ShouldBe("20% of 2,000,000 prompt tokens came from cache");
    }

    [Fact]
    public void Spend_shares_cover_every_outcome_and_add_up_to_the_whole()
    {
        var shipped = Session("a", Noon, Noon.AddHours(1), cost: 3m);
        var idle = Session("b", Noon.AddDays(1), Noon.AddDays(1).AddHours(1), cost: 1m);
        var report = Build([shipped, idle], Commit("x", Noon.AddHours(1.5)));

        var shares = report.Answer.Shares.ToDictionary(s => s.Status);

        shares.Keys.Count.ShouldBe(Enum.GetValues<ShipStatus>().Length);
        shares[ShipStatus.Shipped].CostShare.ShouldBe(0.75);
        shares[ShipStatus.Unshipped].CostShare.ShouldBe(0.25);
        report.Answer.Shares.Sum(s => s.CostShare ?? 0).ShouldBe(1, 1e-12);
    }

    [Fact]
    public void Energy_per_feature_splits_like_cost_over_the_changes_a_session_landed_in()
    {
        // a landed in x and y: half its $4 and 2–6 Wh each. b landed in y only: all its $2 and 1 Wh.
        var a = Session("a", Noon, Noon.AddHours(1), cost: 4m, energy: Estimate(2, 6));
        var b = Session("b", Noon.AddHours(1.25), Noon.AddHours(1.4), cost: 2m, energy: Estimate(1, 1));
        var report = Build([a, b], Commit("x", Noon.AddHours(0.5)), Commit("y", Noon.AddHours(1.5)));

        var features = report.Features.ToDictionary(f => f.Sha);

        features["x"].CostUsd.ShouldBe(2m);
        features["x"].Energy.ShouldBe(new EnergyRange(1, 3));
        features["y"].CostUsd.ShouldBe(4m);
        features["y"].Energy.ShouldBe(new EnergyRange(2, 4));

        // Per linked feature: (1–3 + 2–4) / 2 = 1.5–3.5 Wh; the scores count the middle of 3–7 Wh, 0.005 kWh.
        report.Answer.EnergyPerFeature.ShouldBe(new EnergyRange(1.5, 3.5));
        report.Usage.Energy.ShouldBe(new EnergyRange(3, 7));
        report.ScoreInputs.EnergyKWh!.Value.ShouldBe(0.005, 1e-12);
    }

    [Fact]
    public void Calls_of_unknown_size_are_counted_apart_and_leave_energy_unestimated()
    {
        var report = Build([Session("a", Noon, Noon.AddHours(1))], Commit("x", Noon.AddHours(0.5)));

        report.Usage.Energy.ShouldBe(EnergyRange.Zero);
        report.Usage.UnknownSizeTokens.ShouldBe(1_500);
        report.ByModel.Single().UnknownSizeTokens.ShouldBe(1_500);
        report.ScoreInputs.EnergyKWh.ShouldBeNull();
    }

    [Fact]
    public void Fixes_blamed_on_commits_after_the_window_are_not_called_older()
    {
        var inside = Commit("in", Noon, "feat: a\n\nCo-Authored-By: Claude <noreply@anthropic.com>");
        var after = Commit("after", new DateTimeOffset(2026, 5, 3, 9, 0, 0, TimeSpan.Zero), "feat: b");
        var fixes = new List<FixFinding>
        {
            new("f1", [new BugCandidate("in", 3, "in")], false, false, null),
            new("f2", [new BugCandidate("after", 1, "after")], false, false, null),
            new("f3", [new BugCandidate("old", 2, null)], false, false, null),
        };
        var facts = new RepositoryFacts(Repo, "main", [inside, after], fixes, []);

        var bugs = new AuditBuilder([], [facts], April, OutputPrices).Build().Outcomes.Bugs;

        bugs.AiBugLinks.ShouldBe(1);
        bugs.OtherBugLinks.ShouldBe(0);
        bugs.LaterBugLinks.ShouldBe(1);
        bugs.OlderBugLinks.ShouldBe(1);
    }

    [Fact]
    public void The_leaderboard_puts_groups_that_are_no_one_last_and_leaves_out_empty_rows()
    {
        var byModel = April with { By = AuditGrouping.Model };
        var session = Session("a", Noon, Noon.AddHours(1), model: "claude-haiku-4-5");
        var linked = Commit("x", Noon.AddHours(1.5), "feat: linked");
        var alone1 = Commit("y", Noon.AddDays(3), "feat: alone");
        var alone2 = Commit("z", Noon.AddDays(4), "feat: alone too");

        var rows = new AuditBuilder([session], [Facts(linked, alone1, alone2)], byModel, OutputPrices).Build()
            .Leaderboard;

        // No review hours: every score is n/a. "(no session)" has more features, but it is no one.
        rows.Select(r => r.Name).ShouldBe(["claude-haiku-4-5", "(no session)"]);
        rows[1].Features.ShouldBe(2);
    }

    private static EnergyEstimate Estimate(double minWh, double maxWh) =>
        new(new EnergyRange(minWh, maxWh), new EnergyRange(minWh, maxWh).ToCarbon(500), null, "test", "0", []);

    private static AuditReport Build(List<AuditSession> sessions, params AuditedCommit[] commits) =>
        new AuditBuilder(sessions, [Facts(commits)], April, OutputPrices).Build();
}
