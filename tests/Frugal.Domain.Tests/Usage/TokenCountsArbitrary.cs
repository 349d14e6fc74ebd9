using Frugal.Domain.Usage;
using FsCheck;
using FsCheck.Fluent;

namespace Frugal.Domain.Tests.Usage;

/// <summary>Non-negative counts small enough (below 2^40 each) that no sum of a few of them overflows.</summary>
internal static class TokenCountsArbitrary
{
    public static Arbitrary<TokenCounts> Counts() => Generate().ToArbitrary();

    private static Gen<TokenCounts> Generate()
    {
        var half = Gen.Choose(0, (1 << 20) - 1);
        var count = half.SelectMany(_ => half, (high, low) => ((long)high << 20) | (long)low);
        return Gen.ArrayOf(count, 6)
            .Select(c => new TokenCounts(c[0], c[1], c[2], c[3], c[4], Math.Min(c[5], c[4])));
    }
}
