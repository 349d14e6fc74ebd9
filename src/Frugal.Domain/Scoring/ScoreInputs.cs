namespace Frugal.Domain.Scoring;

/// <summary>
/// The measured inputs of an efficiency score for one team or project over one period. Counts are whole and zero or
/// more; hours and energy are finite, and either zero or inside the documented range, so that no score built from
/// them can overflow.
/// </summary>
public sealed record ScoreInputs
{
    /// <summary>Tokens one kilowatt-hour of energy counts as in a score's resources.</summary>
    public const double TokensPerKWh = 1000;

    /// <summary>The smallest review time above zero accepted, in hours: one second.</summary>
    public const double MinPositiveReviewHours = 1.0 / 3600;

    /// <summary>The largest review time accepted, in hours (about 114,000 years of one person's time).</summary>
    public const double MaxReviewHours = 1e9;

    /// <summary>The smallest energy above zero accepted, in kWh: one microwatt-hour.</summary>
    public const double MinPositiveEnergyKWh = 1e-9;

    /// <summary>The largest energy accepted, in kWh (one terawatt-hour).</summary>
    public const double MaxEnergyKWh = 1e12;

    private const string HoursRange =
        "must be null when unknown, 0, or from 1/3600 (one second) to 1,000,000,000 hours";

    private const string EnergyRange =
        "must be null when not estimated, 0, or from 1e-9 (one microwatt-hour) to 1e12 kWh";

    /// <summary>Creates inputs, rejecting every value outside its range at once.</summary>
    /// <param name="features">Features shipped in the period.</param>
    /// <param name="bugs">Bug fixes attributed to the period's work.</param>
    /// <param name="reviewHours">Hours people spent reviewing the work, or null when unknown.</param>
    /// <param name="tokens">Tokens of every category (input, cache writes and reads, output) spent on the work.</param>
    /// <param name="energyKWh">Energy the work used in kWh, or null when it was not estimated.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An input is negative, NaN, infinite or outside its range; the parameter name is the first such input and the
    /// message names each of them with its accepted range.
    /// </exception>
    public ScoreInputs(long features, long bugs, double? reviewHours, long tokens, double? energyKWh)
    {
        (string Input, string? Problem)[] checks =
        [
            (nameof(features), CountProblem(features)),
            (nameof(bugs), CountProblem(bugs)),
            (nameof(reviewHours), MeasureProblem(reviewHours, MinPositiveReviewHours, MaxReviewHours, HoursRange)),
            (nameof(tokens), CountProblem(tokens)),
            (nameof(energyKWh), MeasureProblem(energyKWh, MinPositiveEnergyKWh, MaxEnergyKWh, EnergyRange)),
        ];
        var problems = checks.Where(c => c.Problem is not null).ToArray();
        if (problems.Length > 0)
        {
            var message = string.Join(" ", problems.Select(p => $"{p.Input} {p.Problem}."));
            throw new ArgumentOutOfRangeException(problems[0].Input, message);
        }

        Features = features;
        Bugs = bugs;
        ReviewHours = reviewHours;
        Tokens = tokens;
        EnergyKWh = energyKWh;
    }

    /// <summary>Features shipped in the period.</summary>
    public long Features { get; }

    /// <summary>Bug fixes attributed to the period's work; each takes half a feature off the useful output.</summary>
    public long Bugs { get; }

    /// <summary>Hours people spent reviewing the work, or null when unknown.</summary>
    public double? ReviewHours { get; }

    /// <summary>Tokens of every category spent on the work.</summary>
    public long Tokens { get; }

    /// <summary>Energy the work used in kWh, or null when it was not estimated (scores then count it as 0).</summary>
    public double? EnergyKWh { get; }

    private static string? CountProblem(long count) => count < 0 ? $"must be 0 or more, was {count}" : null;

    private static string? MeasureProblem(double? measure, double minPositive, double max, string range) =>
        measure switch
        {
            null or 0 => null,
            { } value when value >= minPositive && value <= max => null,
            { } value => $"{range}, was {value:R}",
        };
}
