using Frugal.Domain.Usage;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Usage;

public sealed class UsageMergeTests
{
    private static UsageRecord Call(TokenCounts tokens, bool sidechain = false) => new()
    {
        Source = SourceNames.ClaudeCode,
        SourceKey = "msg_01:req_01",
        Timestamp = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero),
        SessionId = "session-1",
        Model = "claude-sonnet-4-5-20250929",
        Tokens = tokens,
        Sidechain = sidechain,
    };

    [Fact]
    public void Replaces_MainThreadOverSidechainWithMoreTokens_True()
    {
        // Main thread: 10 tokens; sidechain copy: 1,000. The main thread wins anyway.
        var candidate = Call(new TokenCounts(5, 0, 0, 0, 5));
        var kept = Call(new TokenCounts(500, 0, 0, 0, 500), sidechain: true);

        var replaces = UsageMerge.Replaces(candidate, kept);

        replaces.ShouldBeTrue();
    }

    [Fact]
    public void Replaces_SidechainOverMainThreadWithFewerTokens_False()
    {
        // Sidechain: 1,000 tokens; main thread kept: 10. The main thread stays.
        var candidate = Call(new TokenCounts(500, 0, 0, 0, 500), sidechain: true);
        var kept = Call(new TokenCounts(5, 0, 0, 0, 5));

        var replaces = UsageMerge.Replaces(candidate, kept);

        replaces.ShouldBeFalse();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Replaces_SameThreadLargerTotal_True(bool sidechain)
    {
        // Streamed output grew: 100 + 40 = 140 against 100 + 10 = 110.
        var candidate = Call(new TokenCounts(100, 0, 0, 0, 40), sidechain);
        var kept = Call(new TokenCounts(100, 0, 0, 0, 10), sidechain);

        var replaces = UsageMerge.Replaces(candidate, kept);

        replaces.ShouldBeTrue();
    }

    [Fact]
    public void Replaces_SmallerTotal_False()
    {
        // 110 against 140.
        var candidate = Call(new TokenCounts(100, 0, 0, 0, 10));
        var kept = Call(new TokenCounts(100, 0, 0, 0, 40));

        var replaces = UsageMerge.Replaces(candidate, kept);

        replaces.ShouldBeFalse();
    }

    [Fact]
    public void Replaces_EqualTotalsSplitDifferently_KeepsTheKeptOne()
    {
        // 60 + 40 = 100 against 10 + 90 = 100: a tie, so the record already kept stays.
        var candidate = Call(new TokenCounts(60, 0, 0, 0, 40));
        var kept = Call(new TokenCounts(0, 0, 0, 10, 90));

        var replaces = UsageMerge.Replaces(candidate, kept);

        replaces.ShouldBeFalse();
    }

    [Fact]
    public void Replaces_MoreReasoningOnly_TieKeepsTheKeptOne()
    {
        // Both total 100 + 50 = 150; the candidate's 30 reasoning are inside its output, not extra tokens.
        var candidate = Call(new TokenCounts(100, 0, 0, 0, 50, ReasoningTokens: 30));
        var kept = Call(new TokenCounts(100, 0, 0, 0, 50));

        var replaces = UsageMerge.Replaces(candidate, kept);

        replaces.ShouldBeFalse();
    }

    [Fact]
    public void Replaces_LargerOnlyInCacheTokens_True()
    {
        // 100 + 20 (5m) + 5 (1h) + 300 read + 10 = 435 against 100 + 10 = 110.
        var candidate = Call(new TokenCounts(100, 20, 5, 300, 10));
        var kept = Call(new TokenCounts(100, 0, 0, 0, 10));

        var replaces = UsageMerge.Replaces(candidate, kept);

        replaces.ShouldBeTrue();
    }
}
