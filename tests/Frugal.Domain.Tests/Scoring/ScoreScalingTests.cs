using Frugal.Domain.Scoring;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shouldly;

namespace Frugal.Domain.Tests.Scoring;

/// <summary>What multiplying every input of a score by one k, as a team k times larger would, does to it.</summary>
public sealed class ScoreScalingTests
{
    private const double ValueTolerance = 1e-9;

    // Rounding moves a computed score by a few parts in 10^16; this is generous and still tiny.
    private const double NearEdge = 1e-12;

    [Property(Arbitrary = new[] { typeof(ExactScaling) }, MaxTest = 1000)]
    public void ScaleInvariant_ExactInputsTimesK_BitIdentical(ScaledInputs inputs)
    {
        var original = ScaleInvariantScore.Compute(inputs.Inputs);

        var scaled = ScaleInvariantScore.Compute(inputs.Scaled);

        // Per-feature figures divide two exact totals by the same useful count: the quotients are the same doubles.
        scaled.Value.ShouldBe(original.Value);
        scaled.Grade.ShouldBe(original.Grade);
        scaled.NotApplicableReason.ShouldBe(original.NotApplicableReason);
    }

    /// <summary>
    /// With inputs rounded as k multiplies them, the score moves by a few units in the last place, so the grade can
    /// only change for a value that close to where the grading changes. The grading changes at each edge less the
    /// edge tolerance, so a score on an edge (the likely case: round inputs) keeps its edge's band whichever side of
    /// it rounding lands, and that is checked. A value within <see cref="NearEdge"/> of where the grading changes
    /// is counted in the classification and its grade is not compared.
    /// </summary>
    [Property(Arbitrary = new[] { typeof(RoundedScaling) }, MaxTest = 1000)]
    public Property ScaleInvariant_RoundedInputsTimesK_SameGradeValueWithinTolerance(ScaledInputs inputs)
    {
        var original = ScaleInvariantScore.Compute(inputs.Inputs);
        var scaled = ScaleInvariantScore.Compute(inputs.Scaled);
        var ambiguous = IsWhereGradingChanges(original.Value);
        var edge = EdgeAt(original.Value);

        var property = Prop.ToProperty(() =>
        {
            scaled.NotApplicableReason.ShouldBe(original.NotApplicableReason);
            if (original.Value is { } value)
            {
                scaled.Value!.Value.ShouldBeCloseTo(value, ValueTolerance);
            }

            if (!ambiguous)
            {
                scaled.Grade.ShouldBe(original.Grade);
            }

            if (edge is { } onEdge)
            {
                // On an edge, whichever side rounding put it: in the edge's band, for every k.
                original.Grade.ShouldBe(onEdge.Band);
                scaled.Grade.ShouldBe(onEdge.Band);
            }
        });
        return property
            .Classify(edge is not null, "on a band edge")
            .Classify(ambiguous, "grade not compared: value where grading changes");
    }

    [Property(Arbitrary = new[] { typeof(RoundedScaling) }, MaxTest = 1000)]
    public void Manifesto_InputsTimesK_ValueDividedByK(ScaledInputs inputs)
    {
        var original = ManifestoScore.Compute(inputs.Inputs);

        var scaled = ManifestoScore.Compute(inputs.Scaled);

        // k × useful / (k × hours × k × resources) = score / k.
        scaled.NotApplicableReason.ShouldBe(original.NotApplicableReason);
        if (original.Value is { } value)
        {
            scaled.Value!.Value.ShouldBeCloseTo(value / inputs.K, ValueTolerance);
        }
    }

    private static readonly (double Edge, Grade Band)[] Edges =
    [
        (ScaleInvariantScore.GradeAAtLeast, Grade.A),
        (ScaleInvariantScore.GradeBAtLeast, Grade.B),
        (ScaleInvariantScore.GradeCAtLeast, Grade.C),
    ];

    private static bool IsWhereGradingChanges(double? value) =>
        value is { } v && Edges.Any(e => IsNear(v, e.Edge * (1 - BandEdge.RelativeTolerance)));

    private static (double Edge, Grade Band)? EdgeAt(double? value) =>
        value is { } v && Edges.Any(e => IsNear(v, e.Edge)) ? Edges.First(e => IsNear(v, e.Edge)) : null;

    private static bool IsNear(double value, double point) => Math.Abs((value / point) - 1) < NearEdge;
}
