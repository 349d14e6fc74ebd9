using Frugal.Cli.Infrastructure;
using Frugal.Domain.Usage;
using Frugal.Storage.Ledger;

namespace Frugal.Cli.Commands;

/// <summary>
/// Where <c>frugal prompt test</c> writes the calls it makes: each one in its own transaction as soon as it has
/// answered, so a run that is interrupted or fails later keeps the rows of every call it completed. The ledger is
/// opened at the first call (a run served wholly from the cache does not touch it). With <c>--via-gateway</c> the
/// gateway records the calls, so they are only counted here.
/// </summary>
/// <param name="ledgerOption">The <c>--ledger</c> path, or null for the default ledger.</param>
/// <param name="viaGateway">Whether the calls went through a Frugal gateway.</param>
internal sealed class PromptTestLedger(string? ledgerOption, bool viaGateway) : IDisposable
{
    private UsageLedger? _ledger;

    /// <summary>How many calls were made.</summary>
    public int Calls { get; private set; }

    /// <summary>Records one call that answered.</summary>
    public void Add(UsageRecord call)
    {
        Calls = checked(Calls + 1);
        if (viaGateway)
        {
            return;
        }

        _ledger ??= LedgerSession.OpenLedger(ledgerOption);
        _ledger.Commit([call], []);
    }

    public void Dispose() => _ledger?.Dispose();
}
