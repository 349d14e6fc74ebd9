using Frugal.Domain.Budgets;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Budgets;

public sealed class BudgetBookTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static BudgetCap Daily(decimal? usd = null, long? tokens = null, double? wh = null) =>
        new(BudgetScope.Project("app"), BudgetPeriod.Day, TimeZoneInfo.Utc, usd, tokens, wh);

    [Fact]
    public void WindowOf_DayWeekMonthInTheZone()
    {
        // 2026-12-04 is a Friday; 00:30 UTC is 01:30 in Paris (UTC+1 in winter).
        var instant = new DateTimeOffset(2026, 12, 4, 0, 30, 0, TimeSpan.Zero);
        Window(BudgetPeriod.Day, instant).ShouldBe(("2026-12-04T00:00:00+01:00", "2026-12-05T00:00:00+01:00"));
        Window(BudgetPeriod.Week, instant).ShouldBe(("2026-11-30T00:00:00+01:00", "2026-12-07T00:00:00+01:00"));
        Window(BudgetPeriod.Month, instant).ShouldBe(("2026-12-01T00:00:00+01:00", "2027-01-01T00:00:00+01:00"));
    }

    [Fact]
    public void WindowOf_DayOfTheSpringClockChange_Is23Hours()
    {
        // Paris moved from +01:00 to +02:00 at 02:00 on 2026-03-29.
        var (start, end) = new BudgetCap(BudgetScope.Project("a"), BudgetPeriod.Day, Paris, 1m, null, null)
            .WindowOf(new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.Zero));
        (end - start).ShouldBe(TimeSpan.FromHours(23));
    }

    [Fact]
    public void TryHold_PastTheLimit_RefusesWithWhatIsLeftAndTheReset()
    {
        var book = new BudgetBook([Daily(usd: 1.00m)]);
        book.TryHold("app", null, new BudgetAmount(0.60m, 100, 0), Noon, out _).ShouldNotBeNull();

        var second = book.TryHold("app", null, new BudgetAmount(0.50m, 100, 0), Noon, out var denial);

        second.ShouldBeNull();
        denial.ShouldNotBeNull();
        denial.Dimension.ShouldBe("usd");
        denial.Left.ShouldBe(0.40, 1e-9);
        denial.Message.ShouldBe("The day budget of project app cannot take this call: $0.4000 of $1.0000 is left "
            + "(spent or held by calls in flight), and this call could need up to $0.5000. It resets at 2026-12-05 "
            + "00:00 (UTC).");
    }

    [Fact]
    public void Settle_CountsTheActualAndFreesTheRestOfTheHold()
    {
        var book = new BudgetBook([Daily(usd: 1.00m)]);
        var hold = book.TryHold("app", null, new BudgetAmount(0.60m, 0, 0), Noon, out _)!;

        book.Settle(hold, new BudgetAmount(0.10m, 0, 0), Noon);
        book.Settle(hold, new BudgetAmount(0.10m, 0, 0), Noon); // ended: nothing happens
        book.Release(hold, Noon);

        var state = book.States(Noon).Single();
        state.Spent.Usd.ShouldBe(0.10m);
        state.Held.ShouldBe(BudgetAmount.Zero);
        book.TryHold("app", null, new BudgetAmount(0.90m, 0, 0), Noon, out _).ShouldNotBeNull();
    }

    [Fact]
    public void TryHold_FreeLocalCall_NotRefusedBySpentCostBudget()
    {
        var book = new BudgetBook([Daily(usd: 1.00m, tokens: 1_000)]);
        book.AddSpent("app", null, new BudgetAmount(1.00m, 10, 0), Noon, Noon);

        book.TryHold("app", null, new BudgetAmount(0m, 500, 0), Noon, out var denial).ShouldNotBeNull();
        denial.ShouldBeNull();
        book.TryHold("app", null, new BudgetAmount(0m, 600, 0), Noon, out denial).ShouldBeNull();
        denial!.Dimension.ShouldBe("tokens");
    }

    [Fact]
    public void TryHold_KeyBudgetAndProjectBudget_BothApply()
    {
        var book = new BudgetBook(
        [
            Daily(usd: 10m),
            new BudgetCap(BudgetScope.Key("k1"), BudgetPeriod.Month, TimeZoneInfo.Utc, 0.5m, null, null),
        ]);

        book.TryHold("app", "k2", new BudgetAmount(1m, 0, 0), Noon, out _).ShouldNotBeNull();
        book.TryHold("app", "k1", new BudgetAmount(1m, 0, 0), Noon, out var denial).ShouldBeNull();
        denial!.Cap.Scope.ShouldBe(BudgetScope.Key("k1"));
    }

    [Fact]
    public void NextPeriod_StartsFromNothingAndDropsOldHolds()
    {
        var book = new BudgetBook([Daily(usd: 1m)]);
        var old = book.TryHold("app", null, new BudgetAmount(1m, 0, 0), Noon, out _)!;
        var tomorrow = Noon.AddDays(1);

        book.TryHold("app", null, new BudgetAmount(1m, 0, 0), tomorrow, out _).ShouldNotBeNull();
        book.Release(old, tomorrow); // the old hold was dropped at midnight; releasing it frees nothing twice
        book.States(tomorrow).Single().Held.Usd.ShouldBe(1m);
    }

    [Fact]
    public async Task TryHold_ManyThreadsAtOnce_NeverHoldPastTheLimit()
    {
        // 200 calls of at most $0.02 against $1.00: at most 50 holds can stand, and settling each at its worst keeps
        // the spend at or under the limit.
        var book = new BudgetBook([Daily(usd: 1.00m)]);
        var admitted = 0;
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
        {
            if (book.TryHold("app", null, new BudgetAmount(0.02m, 10, 0), Noon, out _) is { } hold)
            {
                Interlocked.Increment(ref admitted);
                book.Settle(hold, hold.Worst, Noon);
            }
        })));

        admitted.ShouldBe(50);
        book.States(Noon).Single().Spent.Usd.ShouldBe(1.00m);
    }

    private static (string, string) Window(BudgetPeriod period, DateTimeOffset instant)
    {
        var (start, end) = new BudgetCap(BudgetScope.Project("a"), period, Paris, 1m, null, null).WindowOf(instant);
        return (start.ToString("yyyy-MM-ddTHH:mm:sszzz"), end.ToString("yyyy-MM-ddTHH:mm:sszzz"));
    }
}
