namespace Frugal.Domain.Energy.Advice;

/// <summary>Energy per generated token, a range because decode power is one.</summary>
/// <param name="JoulesPerTokenMin">Low end: low power over the estimated speed.</param>
/// <param name="JoulesPerTokenMax">High end: high power over the estimated speed.</param>
public sealed record DecodeEnergy(double JoulesPerTokenMin, double JoulesPerTokenMax)
{
    /// <summary>Watt-hours per 1,000 output tokens, low end (J × 1,000 / 3,600).</summary>
    public double WhPerThousandTokensMin => JoulesPerTokenMin * 1000 / 3600;

    /// <summary>Watt-hours per 1,000 output tokens, high end.</summary>
    public double WhPerThousandTokensMax => JoulesPerTokenMax * 1000 / 3600;
}
