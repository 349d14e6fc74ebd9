namespace Frugal.Domain.Scoring;

/// <summary>The quantities both scores derive from their inputs, computed one way so that both agree.</summary>
/// <param name="Useful">Features less half a feature per bug fix.</param>
/// <param name="ReviewHours">Review hours, 0 when unknown.</param>
/// <param name="Resources">Tokens plus <see cref="ScoreInputs.TokensPerKWh"/> per kWh of energy.</param>
/// <param name="NotApplicableReason">Why no score exists, or null when one does.</param>
/// <param name="HoursPerFeature">Review hours per useful feature, or null when n/a or nothing useful shipped.</param>
/// <param name="MegaTokensPerFeature">Million resource tokens per useful feature, null as the hours.</param>
internal readonly record struct ScoreTerms(
    double Useful,
    double ReviewHours,
    double Resources,
    string? NotApplicableReason,
    double? HoursPerFeature,
    double? MegaTokensPerFeature)
{
    /// <summary>Tokens in a million tokens.</summary>
    public const double TokensPerMegaToken = 1_000_000;

    /// <summary>Derives the terms of <paramref name="inputs"/>.</summary>
    public static ScoreTerms Of(ScoreInputs inputs)
    {
        var useful = inputs.Features - (0.5 * inputs.Bugs);
        var resources = inputs.Tokens + (ScoreInputs.TokensPerKWh * (inputs.EnergyKWh ?? 0));
        var reason = inputs.ReviewHours switch
        {
            null => ScoreResult.ReviewTimeUnknown,
            0 => ScoreResult.NoReviewHours,
            _ when resources == 0 => ScoreResult.NoTokensOrEnergy,
            _ => null,
        };
        var hours = inputs.ReviewHours ?? 0;
        if (reason is not null || useful <= 0)
        {
            return new ScoreTerms(useful, hours, resources, reason, null, null);
        }

        // Dividing each total by the same useful count (the million folded into the divisor, which stays exact for
        // any realistic count) gives bit-identical figures when every input is multiplied by a k that keeps them exact.
        return new ScoreTerms(
            useful, hours, resources, null, hours / useful, resources / (useful * TokensPerMegaToken));
    }
}
