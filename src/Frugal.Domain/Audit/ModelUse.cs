using Frugal.Domain.Energy;
using Frugal.Domain.Usage;

namespace Frugal.Domain.Audit;

/// <summary>One model's calls within a session or a report.</summary>
public sealed class ModelUse(string model)
{
    /// <summary>The model id as logged, or <c>(none)</c>.</summary>
    public string Model { get; } = model;

    /// <summary>Calls made.</summary>
    public long Calls { get; private set; }

    /// <summary>Tokens by category.</summary>
    public TokenCounts Tokens { get; private set; }

    /// <summary>Cost in USD of the priced calls.</summary>
    public decimal CostUsd { get; private set; }

    /// <summary>Tokens of calls that could not be priced.</summary>
    public long UnpricedTokens { get; private set; }

    /// <summary>Estimated energy of the calls of known model size.</summary>
    public EnergyRange Energy { get; private set; }

    /// <summary>Estimated usage carbon of the calls of known model size.</summary>
    public CarbonRange Carbon { get; private set; }

    /// <summary>Tokens of calls without an energy estimate: of unknown model size, or local without a record.</summary>
    public long UnknownSizeTokens { get; private set; }

    /// <summary>The part of <see cref="UnknownSizeTokens"/> of local calls with no recorded energy.</summary>
    public long UnrecordedLocalTokens { get; private set; }

    /// <summary>
    /// Adds calls, their cost (null when unpriced) and energy (null when the size is unknown or, for
    /// <paramref name="local"/> calls, none was recorded).
    /// </summary>
    public void Add(long calls, TokenCounts tokens, decimal? cost, EnergyEstimate? energy, bool local = false)
    {
        if (energy is not null)
        {
            Energy += energy.Energy;
            Carbon += energy.Carbon;
        }
        else
        {
            UnknownSizeTokens = checked(UnknownSizeTokens + tokens.TotalTokens);
            if (local)
            {
                UnrecordedLocalTokens = checked(UnrecordedLocalTokens + tokens.TotalTokens);
            }
        }

        Calls = checked(Calls + calls);
        Tokens += tokens;
        if (cost is { } usd)
        {
            CostUsd += usd;
        }
        else
        {
            UnpricedTokens = checked(UnpricedTokens + tokens.TotalTokens);
        }
    }
}
