using Frugal.Domain.Scoring;
using FsCheck;
using FsCheck.Fluent;

namespace Frugal.Domain.Tests.Scoring;

/// <summary>
/// Generators of score inputs with a factor k in 1..1000. Counts stay small enough that k times them fits a long
/// and is exact as a double (tokens at most 10^12, so k × tokens at most 10^15), and measures stay in range after
/// scaling (hours up to 10,000, energy up to 10,000 kWh). A sixth of the cases sit on a band edge, a sixth are n/a.
/// </summary>
internal static class ScoreInputsGen
{
    /// <summary>
    /// Inputs whose k-multiples are exact in binary: quarter hours and 1/256 kWh, so k × hours, k × kWh and every
    /// sum and product the score forms before its divisions are exact.
    /// </summary>
    public static Gen<ScaledInputs> Exact() => Scaled(
        LogUniform(1, 40_000).Select(quarters => quarters / 4.0),
        LogUniform(1, 1 << 20).Select(parts => parts / 256.0),
        [0.25, 0.5, 1, 2, 4]);

    /// <summary>
    /// Inputs as people would measure them: hours in minutes and kWh in thousandths, neither exact in binary, so
    /// k × each input is rounded before the score sees it.
    /// </summary>
    public static Gen<ScaledInputs> Rounded() => Scaled(
        LogUniform(1, 600_000).Select(minutes => minutes / 60.0),
        LogUniform(1, 10_000_000).Select(thousandths => thousandths / 1000.0),
        [0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 0.05]);

    private static Gen<ScaledInputs> Scaled(Gen<double> hours, Gen<double> energyKWh, double[] edgeHoursPerFeature) =>
        from inputs in Gen.Frequency(
            (4, Random(hours, energyKWh)),
            (1, OnEdge(edgeHoursPerFeature)),
            (1, NotApplicable(energyKWh)))
        from k in Gen.Choose(1, 1000)
        select new ScaledInputs(inputs, k);

    private static Gen<ScoreInputs> Random(Gen<double> hours, Gen<double> energyKWh) =>
        from features in LogUniform(0, 1 << 20)
        from bugs in Gen.Frequency((4, Gen.Choose(0, features)), (1, Gen.Choose(0, (2 * features) + 2)))
        from reviewHours in hours
        from tokens in Tokens()
        from energy in Gen.Frequency(
            (1, Gen.Constant<double?>(null)),
            (1, Gen.Constant<double?>(0)),
            (2, energyKWh.Select(kWh => (double?)kWh)))
        select new ScoreInputs(features, bugs, reviewHours, tokens, energy);

    /// <summary>
    /// Inputs whose decimal values score exactly a scale-invariant band edge: hours per feature h and h × tokens per
    /// feature equal to 1 / edge (10, 50 or 250 M), for a useful count of 0.5 to 1000 features.
    /// </summary>
    private static Gen<ScoreInputs> OnEdge(double[] hoursPerFeature) =>
        from reciprocal in Gen.Elements(10.0, 50.0, 250.0)
        from perFeature in Gen.Elements(hoursPerFeature)
        from features in Gen.Choose(1, 1000)
        from bugs in Gen.Choose(0, features)
        let useful = features - (0.5 * bugs)
        let tokens = (long)Math.Round(reciprocal / perFeature * 1_000_000 * useful)
        select new ScoreInputs(features, bugs, perFeature * useful, tokens, null);

    private static Gen<ScoreInputs> NotApplicable(Gen<double> energyKWh) =>
        from features in Gen.Choose(0, 1000)
        from bugs in Gen.Choose(0, 1000)
        from tokens in Tokens()
        from energy in energyKWh
        from which in Gen.Choose(0, 2)
        select which switch
        {
            0 => new ScoreInputs(features, bugs, null, tokens, energy),
            1 => new ScoreInputs(features, bugs, 0, tokens, energy),
            _ => new ScoreInputs(features, bugs, 8, 0, null),
        };

    /// <summary>Tokens below 2^32, as often below 2^10 as between 2^30 and 2^32.</summary>
    private static Gen<long> Tokens()
    {
        var half = Gen.Choose(0, (1 << 16) - 1);
        var any = half.SelectMany(_ => half, (high, low) => ((long)high << 16) | (long)low);
        return from bits in Gen.Choose(10, 32)
               from tokens in any
               select tokens >> (32 - bits);
    }

    /// <summary>
    /// Numbers from <paramref name="min"/> to <paramref name="max"/> spread over their orders of magnitude, so that
    /// ratios of two of them, and with them the scores, span every grade.
    /// </summary>
    private static Gen<int> LogUniform(int min, int max) =>
        from bits in Gen.Choose(0, 31 - int.LeadingZeroCount(max))
        from value in Gen.Choose(min, Math.Min(max, min + (1 << bits) - 1))
        select value;
}
