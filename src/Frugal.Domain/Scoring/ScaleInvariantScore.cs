namespace Frugal.Domain.Scoring;

/// <summary>
/// The manifesto formula evaluated for one average feature, so that it does not change with a team's size:
/// 1 / (review hours per feature × million tokens per feature), which equals
/// useful² / (review hours × resources / 1,000,000). Its unit is <see cref="Unit"/>; multiplying every input by k
/// leaves it unchanged.
/// </summary>
public static class ScaleInvariantScore
{
    /// <summary>Grade A is a score of this or more, e.g. 1 review hour and 10 million tokens per feature.</summary>
    public const double GradeAAtLeast = 0.1;

    /// <summary>
    /// Grade B is a score of this or more and not A, e.g. 2 review hours and 25 million tokens per feature.
    /// </summary>
    public const double GradeBAtLeast = 0.02;

    /// <summary>
    /// Grade C is a score of this or more and not B, e.g. 5 review hours and 50 million tokens per feature;
    /// anything less is F.
    /// </summary>
    public const double GradeCAtLeast = 0.004;

    /// <summary>The unit of the score: 1 / (review hours per feature × million tokens per feature).</summary>
    public const string Unit = "features² per review-hour per million tokens";

    /// <summary>
    /// Scores <paramref name="inputs"/>. Unknown or zero review hours, or no tokens and no energy, give n/a;
    /// useful output of zero or less gives 0 and grade F, since nothing useful was shipped.
    /// </summary>
    public static ScoreResult Compute(ScoreInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var terms = ScoreTerms.Of(inputs);
        if (terms.NotApplicableReason is not null)
        {
            return ScoreResult.NotApplicable(inputs, terms);
        }

        if (terms.HoursPerFeature is not { } hours || terms.MegaTokensPerFeature is not { } megaTokens)
        {
            // useful² would be positive for negative useful output; nothing useful shipped scores 0.
            return new ScoreResult(inputs, terms, 0, Grade.F);
        }

        var value = 1 / (hours * megaTokens);
        return new ScoreResult(inputs, terms, value, GradeOf(value));
    }

    /// <summary>The band of <paramref name="value"/>; a value within the edge tolerance of an edge is on it.</summary>
    internal static Grade GradeOf(double value) => value switch
    {
        _ when BandEdge.IsAtOrAbove(value, GradeAAtLeast) => Grade.A,
        _ when BandEdge.IsAtOrAbove(value, GradeBAtLeast) => Grade.B,
        _ when BandEdge.IsAtOrAbove(value, GradeCAtLeast) => Grade.C,
        _ => Grade.F,
    };
}
