using Frugal.Domain.Scoring;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Scoring;

public sealed class ScaleInvariantScoreTests
{
    [Fact]
    public void Compute_PlainA_GradeA()
    {
        // per feature: 10 / 20 = 0.5 h and 100,000,000 / 20 / 1,000,000 = 5 M tokens; score = 1 / (0.5 × 5) = 0.4.
        var result = ScaleInvariantScore.Compute(new ScoreInputs(20, 0, 10, 100_000_000, null));

        result.Value.ShouldBe(0.4);
        result.Grade.ShouldBe(Grade.A);
        result.HoursPerFeature.ShouldBe(0.5);
        result.MegaTokensPerFeature.ShouldBe(5);
    }

    [Fact]
    public void Compute_PlainB_GradeB()
    {
        // per feature: 20 / 10 = 2 h and 150 M / 10 = 15 M tokens;
        // score = 1 / (2 × 15) = 1/30 ≈ 0.0333, in [0.02, 0.1).
        var result = ScaleInvariantScore.Compute(new ScoreInputs(10, 0, 20, 150_000_000, null));

        result.Value!.Value.ShouldBeCloseTo(1.0 / 30, 1e-15);
        result.Grade.ShouldBe(Grade.B);
    }

    [Fact]
    public void Compute_PlainC_GradeC()
    {
        // per feature: 30 / 10 = 3 h and 300 M / 10 = 30 M tokens;
        // score = 1 / (3 × 30) = 1/90 ≈ 0.0111, in [0.004, 0.02).
        var result = ScaleInvariantScore.Compute(new ScoreInputs(10, 0, 30, 300_000_000, null));

        result.Value!.Value.ShouldBeCloseTo(1.0 / 90, 1e-15);
        result.Grade.ShouldBe(Grade.C);
    }

    [Fact]
    public void Compute_RealTeamMonth_GradeF()
    {
        // useful = 40 − 0.5 × 4 = 38; resources = 2,000,000,000 + 1000 × 12 = 2,000,012,000;
        // per feature: 400 / 38 ≈ 10.526 h and 2,000.012 / 38 ≈ 52.632 M tokens;
        // score = 38² / (400 × 2,000.012) = 1,444 / 800,004.8 ≈ 0.001805, below 0.004.
        var result = ScaleInvariantScore.Compute(new ScoreInputs(40, 4, 400, 2_000_000_000, 12));

        result.Value!.Value.ShouldBeCloseTo(1_444 / 800_004.8, 1e-14);
        result.Grade.ShouldBe(Grade.F);
        result.HoursPerFeature!.Value.ShouldBeCloseTo(400.0 / 38, 1e-15);
        result.MegaTokensPerFeature!.Value.ShouldBeCloseTo(2_000.012 / 38, 1e-15);
    }

    [Theory]
    [InlineData(10.0, 100_000_000L, Grade.A)] // 1 h × 10 M tokens per feature: 1 / 10 = 0.1, on the A edge
    [InlineData(10.0, 100_000_010L, Grade.B)] // 1 h × 10.000001 M: 0.1 / (1 + 1e-7), just below A
    [InlineData(20.0, 250_000_000L, Grade.B)] // 2 h × 25 M: 1 / 50 = 0.02, on the B edge
    [InlineData(20.0, 250_000_025L, Grade.C)] // 2 h × 25.0000025 M: 0.02 / (1 + 1e-7), just below B
    [InlineData(50.0, 500_000_000L, Grade.C)] // 5 h × 50 M: 1 / 250 = 0.004, on the C edge
    [InlineData(50.0, 500_000_050L, Grade.F)] // 5 h × 50.000005 M: 0.004 / (1 + 1e-7), just below C
    public void Compute_OnAndJustBelowEdges_EdgeIncluded(double reviewHours, long tokens, Grade grade)
    {
        var result = ScaleInvariantScore.Compute(new ScoreInputs(10, 0, reviewHours, tokens, null));

        result.Grade.ShouldBe(grade);
    }

    [Fact]
    public void Compute_EdgeValueRoundedBelow_StillOnTheEdge()
    {
        // (0.9 / 33 h) × (12,100 / 33 M tokens) = 10,890 / 1,089 = 10 exactly, so the score is exactly 0.1;
        // 0.9 is not a double and the divisions give 0.09999999999999998.
        var result = ScaleInvariantScore.Compute(new ScoreInputs(33, 0, 0.9, 12_100_000_000, null));

        result.Value!.Value.ShouldBeLessThan(ScaleInvariantScore.GradeAAtLeast);
        result.Grade.ShouldBe(Grade.A);
    }

    [Fact]
    public void Compute_WithinToleranceBelowEdge_OnTheEdge()
    {
        // 10.000000001 h / 10 = 1.0000000001 h × 10 M tokens: 0.1 / (1 + 1e-10), within 1e-9 of the edge.
        var result = ScaleInvariantScore.Compute(new ScoreInputs(10, 0, 10.000000001, 100_000_000, null));

        result.Value!.Value.ShouldBeLessThan(ScaleInvariantScore.GradeAAtLeast);
        result.Grade.ShouldBe(Grade.A);
    }

    [Fact]
    public void Compute_ReviewHoursUnknown_NotApplicable()
    {
        var result = ScaleInvariantScore.Compute(new ScoreInputs(10, 0, null, 100_000_000, null));

        result.Value.ShouldBeNull();
        result.Grade.ShouldBe(Grade.NotApplicable);
        result.NotApplicableReason.ShouldBe("review time unknown");
        result.HoursPerFeature.ShouldBeNull();
        result.MegaTokensPerFeature.ShouldBeNull();
    }

    [Fact]
    public void Compute_ZeroReviewHours_NotApplicable()
    {
        var result = ScaleInvariantScore.Compute(new ScoreInputs(10, 0, 0, 100_000_000, null));

        result.Value.ShouldBeNull();
        result.Grade.ShouldBe(Grade.NotApplicable);
        result.NotApplicableReason.ShouldBe("no review hours");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(null)]
    public void Compute_NoTokensNoEnergy_NotApplicable(double? energyKWh)
    {
        var result = ScaleInvariantScore.Compute(new ScoreInputs(10, 0, 10, 0, energyKWh));

        result.Value.ShouldBeNull();
        result.Grade.ShouldBe(Grade.NotApplicable);
        result.NotApplicableReason.ShouldBe("no tokens or energy spent");
    }

    [Fact]
    public void Compute_NotApplicableAndNothingUseful_NotApplicableFirst()
    {
        // useful = 1 − 0.5 × 4 = −1 would give 0 and F, but without review hours there is no score at all.
        var result = ScaleInvariantScore.Compute(new ScoreInputs(1, 4, null, 100, null));

        result.Grade.ShouldBe(Grade.NotApplicable);
    }

    [Fact]
    public void Compute_EnergyNotEstimated_CountedAsZeroAndSaidSo()
    {
        // resources = 100,000,000 + 1000 × 0; 1 h × 10 M tokens per feature: 0.1.
        var result = ScaleInvariantScore.Compute(new ScoreInputs(10, 0, 10, 100_000_000, null));

        result.EnergyCounted.ShouldBeFalse();
        result.Resources.ShouldBe(100_000_000);
        result.Value.ShouldBe(0.1);
    }

    [Fact]
    public void Compute_EnergyEstimated_AddsAThousandTokensPerKWh()
    {
        // resources = 50,000,000 + 1000 × 50,000 = 100,000,000; 1 h × 10 M tokens per feature: 0.1.
        var result = ScaleInvariantScore.Compute(new ScoreInputs(10, 0, 10, 50_000_000, 50_000));

        result.EnergyCounted.ShouldBeTrue();
        result.Resources.ShouldBe(100_000_000);
        result.Value.ShouldBe(0.1);
        result.Grade.ShouldBe(Grade.A);
    }

    [Fact]
    public void Compute_MoreBugsThanHalfTheFeatures_ZeroGradeF()
    {
        // useful = 1 − 0.5 × 4 = −1: useful² would be 1, but nothing useful shipped, so 0.
        var result = ScaleInvariantScore.Compute(new ScoreInputs(1, 4, 10, 100_000_000, null));

        result.Useful.ShouldBe(-1);
        result.Value.ShouldBe(0);
        result.Grade.ShouldBe(Grade.F);
        result.NotApplicableReason.ShouldBeNull();
        result.HoursPerFeature.ShouldBeNull();
        result.MegaTokensPerFeature.ShouldBeNull();
    }

    [Fact]
    public void Compute_NothingUseful_ZeroGradeF()
    {
        // useful = 2 − 0.5 × 4 = 0.
        var result = ScaleInvariantScore.Compute(new ScoreInputs(2, 4, 10, 100_000_000, null));

        result.Value.ShouldBe(0);
        result.Grade.ShouldBe(Grade.F);
    }

    [Fact]
    public void Compute_OddBugCount_FractionalUseful()
    {
        // useful = 3 − 0.5 × 1 = 2.5; per feature: 2.5 / 2.5 = 1 h and 25 M / 2.5 = 10 M tokens; score = 0.1.
        var result = ScaleInvariantScore.Compute(new ScoreInputs(3, 1, 2.5, 25_000_000, null));

        result.Useful.ShouldBe(2.5);
        result.HoursPerFeature.ShouldBe(1);
        result.MegaTokensPerFeature.ShouldBe(10);
        result.Value.ShouldBe(0.1);
        result.Grade.ShouldBe(Grade.A);
    }

    [Fact]
    public void Compute_SameTeamTenTimesLarger_SameScore()
    {
        // 20 features, 10 h, 100 M tokens and 200 features, 100 h, 1,000 M tokens:
        // both 0.5 h and 5 M tokens per feature, so both 1 / (0.5 × 5) = 0.4.
        var small = ScaleInvariantScore.Compute(new ScoreInputs(20, 0, 10, 100_000_000, null));
        var large = ScaleInvariantScore.Compute(new ScoreInputs(200, 0, 100, 1_000_000_000, null));

        small.Value.ShouldBe(0.4);
        large.Value.ShouldBe(0.4);
        large.Grade.ShouldBe(small.Grade);
    }
}
