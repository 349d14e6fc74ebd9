using Frugal.Domain.Scoring;

namespace Frugal.Domain.Tests.Scoring;

/// <summary>Score inputs and a factor <see cref="K"/> by which every one of them is multiplied.</summary>
public sealed record ScaledInputs(ScoreInputs Inputs, int K)
{
    /// <summary>Every input multiplied by <see cref="K"/>; the counts with checked arithmetic.</summary>
    public ScoreInputs Scaled => new(
        checked(K * Inputs.Features),
        checked(K * Inputs.Bugs),
        K * Inputs.ReviewHours,
        checked(K * Inputs.Tokens),
        K * Inputs.EnergyKWh);
}
