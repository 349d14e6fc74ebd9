namespace Frugal.Domain.Scoring;

/// <summary>
/// An efficiency score with the inputs and intermediate figures that produced it, so a report can show its working.
/// A score that cannot be defined has a null <see cref="Value"/>, the grade <see cref="Grade.NotApplicable"/> and a
/// <see cref="NotApplicableReason"/>; it is never infinite.
/// </summary>
public sealed record ScoreResult
{
    /// <summary>The reason given when review hours are unknown.</summary>
    public const string ReviewTimeUnknown = "review time unknown";

    /// <summary>The reason given when review hours are zero.</summary>
    public const string NoReviewHours = "no review hours";

    /// <summary>The reason given when neither tokens nor energy were spent.</summary>
    public const string NoTokensOrEnergy = "no tokens or energy spent";

    internal ScoreResult(ScoreInputs inputs, ScoreTerms terms, double? value, Grade grade)
    {
        Inputs = inputs;
        Value = value;
        Grade = grade;
        NotApplicableReason = terms.NotApplicableReason;
        Useful = terms.Useful;
        Resources = terms.Resources;
        HoursPerFeature = terms.HoursPerFeature;
        MegaTokensPerFeature = terms.MegaTokensPerFeature;
    }

    /// <summary>The inputs scored.</summary>
    public ScoreInputs Inputs { get; }

    /// <summary>The score, or null when it is not applicable.</summary>
    public double? Value { get; }

    /// <summary>The band of <see cref="Value"/>, or <see cref="Grade.NotApplicable"/>.</summary>
    public Grade Grade { get; }

    /// <summary>
    /// Why there is no score: <see cref="ReviewTimeUnknown"/>, <see cref="NoReviewHours"/> or
    /// <see cref="NoTokensOrEnergy"/>; null when there is one.
    /// </summary>
    public string? NotApplicableReason { get; }

    /// <summary>Whether energy was estimated and counted; when false the score counted it as 0 kWh.</summary>
    public bool EnergyCounted => Inputs.EnergyKWh is not null;

    /// <summary>Useful features: features less 0.5 per bug fix; can be zero or negative.</summary>
    public double Useful { get; }

    /// <summary>Resources in tokens: all tokens plus <see cref="ScoreInputs.TokensPerKWh"/> per kWh counted.</summary>
    public double Resources { get; }

    /// <summary>Review hours per useful feature, or null when the score is n/a or nothing useful shipped.</summary>
    public double? HoursPerFeature { get; }

    /// <summary>
    /// Million resource tokens per useful feature, or null when the score is n/a or nothing useful shipped.
    /// </summary>
    public double? MegaTokensPerFeature { get; }

    internal static ScoreResult NotApplicable(ScoreInputs inputs, ScoreTerms terms) =>
        new(inputs, terms, null, Grade.NotApplicable);
}
