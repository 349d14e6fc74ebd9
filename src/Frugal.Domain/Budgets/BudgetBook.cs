namespace Frugal.Domain.Budgets;

/// <summary>
/// The budgets of one gateway and what each has spent and holds in its current period. A call holds its worst case
/// against every budget that applies before it starts; the hold is refused when any limit would be passed, counting
/// what calls in flight hold. When the call ends, the hold is settled to the actual amount or released. Each step
/// is one atomic operation under a lock, so no number of concurrent calls can spend past a limit as long as no call
/// costs more than its hold.
/// </summary>
public sealed class BudgetBook
{
    private readonly Lock _lock = new();
    private readonly List<Account> _accounts;
    private long _nextHold;

    /// <summary>Creates a book of <paramref name="caps"/>, with nothing spent.</summary>
    public BudgetBook(IEnumerable<BudgetCap> caps)
    {
        ArgumentNullException.ThrowIfNull(caps);
        _accounts = [.. caps.Select(c => new Account(c))];
    }

    /// <summary>
    /// A book of <paramref name="caps"/> with what <paramref name="spending"/> (calls from an instant on: project,
    /// key, time, amount) says each current period has already spent.
    /// </summary>
    public static BudgetBook WithSpending(
        IReadOnlyList<BudgetCap> caps,
        Func<DateTimeOffset, IEnumerable<(string Project, string? KeyId, DateTimeOffset At, BudgetAmount Amount)>>
            spending,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(caps);
        ArgumentNullException.ThrowIfNull(spending);
        var book = new BudgetBook(caps);
        if (caps.Count > 0)
        {
            foreach (var (project, key, at, amount) in spending(caps.Min(c => c.WindowOf(now).Start)))
            {
                book.AddSpent(project, key, amount, at, now);
            }
        }

        return book;
    }

    /// <summary>The budgets.</summary>
    public IReadOnlyList<BudgetCap> Caps => [.. _accounts.Select(a => a.Cap)];

    /// <summary>
    /// Counts <paramref name="amount"/>, spent at <paramref name="at"/> by a call of <paramref name="project"/> made
    /// with <paramref name="keyId"/>, against the budgets whose current period holds that instant (for calls made
    /// before the gateway started).
    /// </summary>
    public void AddSpent(string project, string? keyId, BudgetAmount amount, DateTimeOffset at, DateTimeOffset now)
    {
        lock (_lock)
        {
            foreach (var account in Applying(project, keyId))
            {
                account.Roll(now);
                if (at >= account.Start && at < account.End)
                {
                    account.Spent += amount;
                }
            }
        }
    }

    /// <summary>
    /// Holds <paramref name="worst"/> against every budget of <paramref name="project"/> and
    /// <paramref name="keyId"/>, or refuses with the first limit it would pass. A dimension the call cannot use
    /// (zero worst case, as for a local model's cost) is never refused, however spent its limit is.
    /// </summary>
    public BudgetHold? TryHold(
        string project, string? keyId, BudgetAmount worst, DateTimeOffset now, out BudgetDenial? denial)
    {
        ArgumentNullException.ThrowIfNull(project);
        lock (_lock)
        {
            var accounts = Applying(project, keyId).ToList();
            foreach (var account in accounts)
            {
                account.Roll(now);
                if (account.Refusal(worst) is { } refusal)
                {
                    denial = refusal;
                    return null;
                }
            }

            var id = ++_nextHold;
            foreach (var account in accounts)
            {
                account.Place(id, worst);
            }

            denial = null;
            return new BudgetHold(id, worst, accounts);
        }
    }

    /// <summary>
    /// Ends <paramref name="hold"/> with the call's <paramref name="actual"/> amount: the hold is removed and the
    /// actual amount counted as spent. Does nothing when the hold has already ended.
    /// </summary>
    public void Settle(BudgetHold hold, BudgetAmount actual, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hold);
        End(hold, actual, now);
    }

    /// <summary>Ends <paramref name="hold"/> with nothing spent. Does nothing when the hold has already
    /// ended.</summary>
    public void Release(BudgetHold hold, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hold);
        End(hold, BudgetAmount.Zero, now);
    }

    /// <summary>Each budget with what its current period has spent and holds.</summary>
    public IReadOnlyList<BudgetState> States(DateTimeOffset now)
    {
        lock (_lock)
        {
            return
            [
                .. _accounts.Select(a =>
                {
                    a.Roll(now);
                    return new BudgetState(a.Cap, a.Start, a.End, a.Spent, a.Held);
                }),
            ];
        }
    }

    private void End(BudgetHold hold, BudgetAmount actual, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (hold.Ended)
            {
                return;
            }

            hold.Ended = true;
            foreach (var account in hold.Accounts)
            {
                // A hold placed in an earlier period was dropped when that period ended; the actual amount counts
                // in the period the call ended in.
                account.Roll(now);
                account.Remove(hold.Id, hold.Worst);
                account.Spent += actual;
            }
        }
    }

    private IEnumerable<Account> Applying(string project, string? keyId) => _accounts.Where(a =>
        a.Cap.Scope.Kind == BudgetScopeKind.Project
            ? string.Equals(a.Cap.Scope.Name, project, StringComparison.Ordinal)
            : keyId is not null && string.Equals(a.Cap.Scope.Name, keyId, StringComparison.Ordinal));

    /// <summary>One budget's current period.</summary>
    internal sealed class Account(BudgetCap cap)
    {
        public BudgetCap Cap { get; } = cap;

        public DateTimeOffset Start { get; private set; } = DateTimeOffset.MinValue;

        public DateTimeOffset End { get; private set; } = DateTimeOffset.MinValue;

        public BudgetAmount Spent { get; set; }

        public BudgetAmount Held { get; private set; }

        /// <summary>The holds placed in the current period and not yet ended.</summary>
        private readonly HashSet<long> _live = [];

        /// <summary>Moves to the period holding <paramref name="now"/>; true when the period changed.</summary>
        public bool Roll(DateTimeOffset now)
        {
            if (now >= Start && now < End)
            {
                return false;
            }

            (Start, End) = Cap.WindowOf(now);
            Spent = BudgetAmount.Zero;
            Held = BudgetAmount.Zero;
            _live.Clear();
            return true;
        }

        public void Place(long holdId, BudgetAmount worst)
        {
            _live.Add(holdId);
            Held += worst;
        }

        public void Remove(long holdId, BudgetAmount worst)
        {
            if (_live.Remove(holdId))
            {
                // With no call in flight nothing is held: no rounding left over from adding and taking away energy.
                Held = _live.Count == 0 ? BudgetAmount.Zero : Held - worst;
            }
        }

        public BudgetDenial? Refusal(BudgetAmount worst)
        {
            var used = Spent + Held;
            if (Cap.Usd is { } usd && worst.Usd > 0 && used.Usd + worst.Usd > usd)
            {
                return new BudgetDenial(Cap, "usd", (double)usd, (double)used.Usd, (double)worst.Usd, End);
            }

            if (Cap.Tokens is { } tokens && worst.Tokens > 0 && used.Tokens + worst.Tokens > tokens)
            {
                return new BudgetDenial(Cap, "tokens", tokens, used.Tokens, worst.Tokens, End);
            }

            if (Cap.Wh is { } wh && worst.Wh > 0 && used.Wh + worst.Wh > wh)
            {
                return new BudgetDenial(Cap, "wh", wh, used.Wh, worst.Wh, End);
            }

            return null;
        }
    }
}

/// <summary>One budget's current period: its bounds, what it has spent, and what calls in flight hold.</summary>
/// <param name="Cap">The budget.</param>
/// <param name="Start">The period's first instant.</param>
/// <param name="End">The instant it resets.</param>
/// <param name="Spent">Spent by calls that ended.</param>
/// <param name="Held">Held by calls in flight.</param>
public sealed record BudgetState(
    BudgetCap Cap, DateTimeOffset Start, DateTimeOffset End, BudgetAmount Spent, BudgetAmount Held);
