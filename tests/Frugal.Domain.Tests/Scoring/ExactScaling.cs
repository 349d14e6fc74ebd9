using FsCheck;
using FsCheck.Fluent;

namespace Frugal.Domain.Tests.Scoring;

/// <summary>Registers <see cref="ScoreInputsGen.Exact"/> for property tests.</summary>
internal static class ExactScaling
{
    public static Arbitrary<ScaledInputs> Inputs() => ScoreInputsGen.Exact().ToArbitrary();
}
