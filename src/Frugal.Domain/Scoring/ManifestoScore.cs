namespace Frugal.Domain.Scoring;

/// <summary>
/// The efficiency score exactly as the manifesto publishes it: useful / (review hours × resources), where useful is
/// features − 0.5 × bugs and resources are tokens + 1000 × kWh. Its unit is <see cref="Unit"/>. It shrinks as a
/// team grows: multiplying every input by k divides the score by k. With real token counts (millions) it is tiny.
/// </summary>
public static class ManifestoScore
{
    /// <summary>Grade A is a score strictly above this.</summary>
    public const double GradeAAbove = 0.1;

    /// <summary>Grade B is a score strictly above this and not A.</summary>
    public const double GradeBAbove = 0.05;

    /// <summary>Grade C is a score strictly above this and not B; anything else is F.</summary>
    public const double GradeCAbove = 0.01;

    /// <summary>The unit of the score.</summary>
    public const string Unit = "useful features per review-hour per token";

    /// <summary>
    /// Scores <paramref name="inputs"/>. Unknown or zero review hours, or no tokens and no energy, give n/a;
    /// useful output of zero or less gives a score of zero or less and grade F.
    /// </summary>
    public static ScoreResult Compute(ScoreInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var terms = ScoreTerms.Of(inputs);
        if (terms.NotApplicableReason is not null)
        {
            return ScoreResult.NotApplicable(inputs, terms);
        }

        var value = terms.Useful / (terms.ReviewHours * terms.Resources);
        return new ScoreResult(inputs, terms, value, GradeOf(value));
    }

    /// <summary>The band of <paramref name="value"/>; a value within tolerance of an edge is not above it.</summary>
    internal static Grade GradeOf(double value) => value switch
    {
        _ when BandEdge.IsAbove(value, GradeAAbove) => Grade.A,
        _ when BandEdge.IsAbove(value, GradeBAbove) => Grade.B,
        _ when BandEdge.IsAbove(value, GradeCAbove) => Grade.C,
        _ => Grade.F,
    };
}
