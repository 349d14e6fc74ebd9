using Frugal.Domain.Energy;
using Frugal.Sources.Energy;
using Frugal.Domain.Pricing;
using Frugal.Sources.Prices;
using Frugal.Storage.Ledger;
using Microsoft.Data.Sqlite;

namespace Frugal.Cli.Infrastructure;

/// <summary>
/// Opens the ledger and the price table the way every command does, mapping failures to <see cref="CliError"/>.
/// </summary>
internal static class LedgerSession
{
    public static UsageLedger OpenLedger(string? option)
    {
        if (option is not null && string.IsNullOrWhiteSpace(option))
        {
            throw CliError.EmptyLedgerPath();
        }

        var path = option ?? LedgerLocation.DefaultLedger();
        try
        {
            return UsageLedger.Open(path);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_NOTADB)
        {
            throw CliError.NotALedger(path, "it is not a Frugal ledger (not a SQLite file)", e);
        }
        catch (SqliteException e)
        {
            throw CliError.Ledger(path, e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliError.Ledger(path, e.Message, e);
        }
        catch (LedgerException e)
        {
            throw CliError.NotALedger(path, e.Message, e);
        }
        catch (Exception e) when (e is DllNotFoundException || e.InnerException is DllNotFoundException)
        {
            throw CliError.SqliteMissing(e);
        }
    }

    public static PriceTable LoadPrices(string? option)
    {
        var path = option ?? LedgerLocation.DefaultPriceOverride();
        if (option is not null && !File.Exists(option))
        {
            throw CliError.Usage($"--prices {option}: no such file; give the path of a JSON price file.");
        }

        try
        {
            return PriceCatalog.Load(path);
        }
        catch (PriceFileException e)
        {
            throw CliError.PriceFile(e.Message, given: option is not null, e);
        }
    }

    /// <summary>
    /// The built-in model sizes with the user's file (given, or the default one when it exists) applied.
    /// </summary>
    public static ModelFactsTable LoadModelFacts(string? option)
    {
        if (option is not null && !File.Exists(option))
        {
            throw CliError.Usage($"--model-facts {option}: no such file; give the path of a JSON model-facts file.");
        }

        var path = option ?? LedgerLocation.DefaultModelFacts();
        if (path is null)
        {
            return ModelFactsTable.BuiltIn;
        }

        try
        {
            return ModelFactsTable.BuiltIn.WithEntries(ModelFactsFile.Load(path));
        }
        catch (ModelFactsFileException e)
        {
            throw CliError.Usage("model-facts file " + e.Message);
        }
    }
}
