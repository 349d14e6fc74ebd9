using FsCheck;
using FsCheck.Fluent;

namespace Frugal.Domain.Tests.Scoring;

/// <summary>Registers <see cref="ScoreInputsGen.Rounded"/> for property tests.</summary>
internal static class RoundedScaling
{
    public static Arbitrary<ScaledInputs> Inputs() => ScoreInputsGen.Rounded().ToArbitrary();
}
