using Frugal.Domain.Budgets;

namespace Frugal.Gateway.Metering;

/// <summary>
/// The gateway's budgets: the book of caps stored in the ledger, with what the ledger says was already spent in
/// each current period. Caps set or removed while the gateway runs are read within five seconds; the new book
/// starts from what the ledger holds (calls still in flight then count when they are written).
/// </summary>
public sealed class BudgetCenter
{
    private readonly Func<IReadOnlyList<BudgetCap>> _loadCaps;
    private readonly Func<DateTimeOffset, IReadOnlyList<(string Project, string? KeyId, DateTimeOffset At,
        BudgetAmount Amount)>> _loadSpending;

    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private long _checkedAt;

    /// <summary>Creates the center and reads the caps and this period's spending.</summary>
    public BudgetCenter(
        Func<IReadOnlyList<BudgetCap>> loadCaps,
        Func<DateTimeOffset, IReadOnlyList<(string Project, string? KeyId, DateTimeOffset At, BudgetAmount Amount)>>
            loadSpending,
        TimeProvider time)
    {
        _loadCaps = loadCaps ?? throw new ArgumentNullException(nameof(loadCaps));
        _loadSpending = loadSpending ?? throw new ArgumentNullException(nameof(loadSpending));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        Book = Build(loadCaps());
        _checkedAt = time.GetTimestamp();
    }

    /// <summary>The current book.</summary>
    public BudgetBook Book { get; private set; }

    /// <summary>The book, re-read from the ledger first when its caps may have changed.</summary>
    public BudgetBook Current()
    {
        if (_time.GetElapsedTime(Volatile.Read(ref _checkedAt)) < TimeSpan.FromSeconds(5))
        {
            return Book;
        }

        lock (_lock)
        {
            if (_time.GetElapsedTime(_checkedAt) >= TimeSpan.FromSeconds(5))
            {
                var caps = _loadCaps();
                if (!caps.SequenceEqual(Book.Caps))
                {
                    Book = Build(caps);
                }

                Volatile.Write(ref _checkedAt, _time.GetTimestamp());
            }

            return Book;
        }
    }

    private BudgetBook Build(IReadOnlyList<BudgetCap> caps) =>
        BudgetBook.WithSpending(caps, _loadSpending, _time.GetUtcNow());
}
