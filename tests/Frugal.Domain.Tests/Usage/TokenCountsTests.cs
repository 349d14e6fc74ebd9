using Frugal.Domain.Usage;
using FsCheck.Xunit;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Usage;

public sealed class TokenCountsTests
{
    [Fact]
    public void TotalTokens_EveryCategory_ReasoningNotAddedAgain()
    {
        // 100 input + 20 (5m) + 30 (1h) + 400 read + 50 output = 600; the 25 reasoning are inside the 50 output.
        var tokens = new TokenCounts(100, 20, 30, 400, 50, ReasoningTokens: 25);

        var total = tokens.TotalTokens;

        total.ShouldBe(600);
        tokens.PromptTokens.ShouldBe(550);
        tokens.CacheWriteTokens.ShouldBe(50);
    }

    [Fact]
    public void Add_TwoCounts_AddsCategoryByCategory()
    {
        var left = new TokenCounts(1, 2, 3, 4, 5, 6);
        var right = new TokenCounts(10, 20, 30, 40, 50, 60);

        var sum = left + right;

        sum.ShouldBe(new TokenCounts(11, 22, 33, 44, 55, 66));
        TokenCounts.Add(left, right).ShouldBe(sum);
    }

    [Fact]
    public void Add_InputOverflows_Throws()
    {
        var left = new TokenCounts(long.MaxValue, 0, 0, 0, 0);
        var right = new TokenCounts(1, 0, 0, 0, 0);

        Should.Throw<OverflowException>(() => left + right);
    }

    [Fact]
    public void TotalTokens_SumBeyondLongRange_Throws()
    {
        // Each category fits in a long; their sum does not.
        var tokens = new TokenCounts(long.MaxValue, 0, 0, 0, 1);

        Should.Throw<OverflowException>(() => tokens.TotalTokens);
    }

    [Fact]
    public void IsNonNegative_NegativeCacheRead_False()
    {
        var tokens = new TokenCounts(1, 1, 1, -1, 1);

        var nonNegative = tokens.IsNonNegative;

        nonNegative.ShouldBeFalse();
    }

    [Property(Arbitrary = new[] { typeof(TokenCountsArbitrary) })]
    public bool Add_AnyTwoCounts_Commutative(TokenCounts left, TokenCounts right) => left + right == right + left;

    [Property(Arbitrary = new[] { typeof(TokenCountsArbitrary) })]
    public bool Add_AnyTwoCounts_TotalsAdd(TokenCounts left, TokenCounts right) =>
        (left + right).TotalTokens == left.TotalTokens + right.TotalTokens;
}
