using Frugal.Domain.Scoring;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Scoring;

public sealed class ManifestoScoreTests
{
    // The published formula gives grades above F only for tiny token counts; the plain cases use them on purpose.

    [Fact]
    public void Compute_PlainA_GradeA()
    {
        // useful = 10 − 0.5 × 0 = 10; resources = 40 tokens; score = 10 / (2 × 40) = 0.125 > 0.1.
        var result = ManifestoScore.Compute(new ScoreInputs(10, 0, 2, 40, null));

        result.Value.ShouldBe(0.125);
        result.Grade.ShouldBe(Grade.A);
        result.NotApplicableReason.ShouldBeNull();
    }

    [Fact]
    public void Compute_PlainBWithEnergy_GradeB()
    {
        // useful = 6 − 0.5 × 2 = 5; resources = 0 + 1000 × 0.04 = 40;
        // score = 5 / (2 × 40) = 0.0625, in (0.05, 0.1].
        var result = ManifestoScore.Compute(new ScoreInputs(6, 2, 2, 0, 0.04));

        result.Value!.Value.ShouldBeCloseTo(0.0625, 1e-15);
        result.Grade.ShouldBe(Grade.B);
        result.Useful.ShouldBe(5);
        result.Resources.ShouldBe(40, 1e-12);
        result.EnergyCounted.ShouldBeTrue();
    }

    [Fact]
    public void Compute_PlainC_GradeC()
    {
        // score = 4 / (5 × 20) = 0.04, in (0.01, 0.05].
        var result = ManifestoScore.Compute(new ScoreInputs(4, 0, 5, 20, null));

        result.Value.ShouldBe(0.04);
        result.Grade.ShouldBe(Grade.C);
    }

    [Fact]
    public void Compute_RealTeamMonth_TinyScoreGradeF()
    {
        // useful = 40 − 0.5 × 4 = 38; resources = 50,000,000 + 1000 × 12 = 50,012,000;
        // score = 38 / (120 × 50,012,000) = 38 / 6,001,440,000 ≈ 6.3318e-9.
        var result = ManifestoScore.Compute(new ScoreInputs(40, 4, 120, 50_000_000, 12));

        result.Value!.Value.ShouldBeCloseTo(38.0 / 6_001_440_000, 1e-15);
        result.Value.Value.ShouldBe(6.3318e-9, 1e-13);
        result.Grade.ShouldBe(Grade.F);
        result.Useful.ShouldBe(38);
        result.Resources.ShouldBe(50_012_000);
    }

    [Theory]
    [InlineData(1L, 10L, Grade.B)] // 1 / (1 × 10) = 0.1 exactly: not above 0.1, so B
    [InlineData(101L, 1_000L, Grade.A)] // 101 / (1 × 1000) = 0.101 > 0.1
    [InlineData(1L, 20L, Grade.C)] // 1 / (1 × 20) = 0.05 exactly: not above 0.05, so C
    [InlineData(51L, 1_000L, Grade.B)] // 51 / (1 × 1000) = 0.051 > 0.05
    [InlineData(1L, 100L, Grade.F)] // 1 / (1 × 100) = 0.01 exactly: not above 0.01, so F
    [InlineData(11L, 1_000L, Grade.C)] // 11 / (1 × 1000) = 0.011 > 0.01
    public void Compute_AtAndJustAboveEdges_StrictlyAboveNeeded(long features, long tokens, Grade grade)
    {
        var result = ManifestoScore.Compute(new ScoreInputs(features, 0, 1, tokens, null));

        result.Grade.ShouldBe(grade);
    }

    [Fact]
    public void Compute_EdgeValueRoundedAbove_StillOnTheEdge()
    {
        // 91 / (0.7 × 1300) = 91 / 910 = 0.1 exactly, but 0.7 is not a double: the division gives 0.10000000000000002.
        var result = ManifestoScore.Compute(new ScoreInputs(91, 0, 0.7, 1_300, null));

        result.Value!.Value.ShouldBeGreaterThan(ManifestoScore.GradeAAbove);
        result.Grade.ShouldBe(Grade.B);
    }

    [Fact]
    public void Compute_ReviewHoursUnknown_NotApplicable()
    {
        var result = ManifestoScore.Compute(new ScoreInputs(10, 2, null, 40, 1));

        result.Value.ShouldBeNull();
        result.Grade.ShouldBe(Grade.NotApplicable);
        result.NotApplicableReason.ShouldBe("review time unknown");
        result.Useful.ShouldBe(9);
        result.Resources.ShouldBe(1_040);
        result.HoursPerFeature.ShouldBeNull();
    }

    [Fact]
    public void Compute_ZeroReviewHours_NotApplicable()
    {
        var result = ManifestoScore.Compute(new ScoreInputs(10, 0, 0, 40, null));

        result.Value.ShouldBeNull();
        result.Grade.ShouldBe(Grade.NotApplicable);
        result.NotApplicableReason.ShouldBe("no review hours");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(null)]
    public void Compute_NoTokensNoEnergy_NotApplicable(double? energyKWh)
    {
        var result = ManifestoScore.Compute(new ScoreInputs(10, 0, 2, 0, energyKWh));

        result.Value.ShouldBeNull();
        result.Grade.ShouldBe(Grade.NotApplicable);
        result.NotApplicableReason.ShouldBe("no tokens or energy spent");
        result.Resources.ShouldBe(0);
    }

    [Fact]
    public void Compute_EnergyNotEstimated_CountedAsZeroAndSaidSo()
    {
        // resources = 40 + 1000 × 0 = 40; score = 10 / (2 × 40) = 0.125.
        var result = ManifestoScore.Compute(new ScoreInputs(10, 0, 2, 40, null));

        result.EnergyCounted.ShouldBeFalse();
        result.Resources.ShouldBe(40);
        result.Value.ShouldBe(0.125);
    }

    [Fact]
    public void Compute_EnergyEstimated_AddsAThousandTokensPerKWh()
    {
        // resources = 40 + 1000 × 0.01 = 50; score = 10 / (2 × 50) = 0.1, not above 0.1: B.
        var result = ManifestoScore.Compute(new ScoreInputs(10, 0, 2, 40, 0.01));

        result.EnergyCounted.ShouldBeTrue();
        result.Resources.ShouldBe(50, 1e-12);
        result.Value!.Value.ShouldBeCloseTo(0.1, 1e-15);
        result.Grade.ShouldBe(Grade.B);
    }

    [Fact]
    public void Compute_MoreBugsThanHalfTheFeatures_NegativeScoreGradeF()
    {
        // useful = 1 − 0.5 × 4 = −1; score = −1 / (2 × 10) = −0.05.
        var result = ManifestoScore.Compute(new ScoreInputs(1, 4, 2, 10, null));

        result.Useful.ShouldBe(-1);
        result.Value.ShouldBe(-0.05);
        result.Grade.ShouldBe(Grade.F);
        result.HoursPerFeature.ShouldBeNull();
        result.MegaTokensPerFeature.ShouldBeNull();
    }

    [Fact]
    public void Compute_NothingUseful_ZeroScoreGradeF()
    {
        // useful = 2 − 0.5 × 4 = 0; score = 0 / (1 × 10) = 0.
        var result = ManifestoScore.Compute(new ScoreInputs(2, 4, 1, 10, null));

        result.Value.ShouldBe(0);
        result.Grade.ShouldBe(Grade.F);
    }

    [Fact]
    public void Compute_OddBugCount_FractionalUseful()
    {
        // useful = 3 − 0.5 × 1 = 2.5; score = 2.5 / (1 × 20) = 0.125;
        // per feature: 1 / 2.5 = 0.4 h and 20 / 2.5 / 1,000,000 = 0.000008 M tokens.
        var result = ManifestoScore.Compute(new ScoreInputs(3, 1, 1, 20, null));

        result.Useful.ShouldBe(2.5);
        result.Value.ShouldBe(0.125);
        result.Grade.ShouldBe(Grade.A);
        result.HoursPerFeature.ShouldBe(0.4);
        result.MegaTokensPerFeature!.Value.ShouldBeCloseTo(0.000008, 1e-15);
    }

    [Fact]
    public void Compute_SameTeamTenTimesLarger_ScoreTenTimesSmaller()
    {
        // 10 / (2 × 40) = 0.125 (A); 100 / (20 × 400) = 0.0125 (C): k × every input divides the score by k.
        var small = ManifestoScore.Compute(new ScoreInputs(10, 0, 2, 40, null));
        var large = ManifestoScore.Compute(new ScoreInputs(100, 0, 20, 400, null));

        small.Value.ShouldBe(0.125);
        large.Value.ShouldBe(0.0125);
        (small.Grade, large.Grade).ShouldBe((Grade.A, Grade.C));
    }
}
