using System.Globalization;
using Frugal.Domain.Energy;
using Frugal.Domain.Pricing;
using Frugal.Domain.Usage;

namespace Frugal.Domain.Reporting;

/// <summary>
/// Groups calls into report rows in a time zone, pricing each call with the price in force on its UTC date and
/// estimating its energy and carbon (the provider of its price decides the data centre's PUE). Calls to a local model
/// server cost nothing and have the energy recorded when they were made (or an unknown one), never a cloud estimate.
/// Calls arrive one by one or already summed in <see cref="UsageGroup"/>s that price alike.
/// Dates are taken after converting each call's instant to the zone, so a call at 23:30 UTC can land on the next
/// day in Tokyo and on the same day in Los Angeles.
/// </summary>
public sealed class ReportBuilder
{
    private readonly ReportPeriod _period;
    private readonly TimeZoneInfo _zone;
    private readonly PriceTable _prices;
    private readonly GroupPricer _pricer;
    private readonly DayOfWeek _weekStart;
    private readonly Dictionary<string, UsageSummary> _rows = new(StringComparer.Ordinal);
    private readonly UsageEnergy _energy;
    private readonly Dictionary<string, (long Calls, long Tokens)> _unpriced = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Calls, long Tokens)> _unknownSize = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Calls, long Tokens)> _unrecordedLocal = new(StringComparer.Ordinal);
    private long _localCalls;
    private readonly UsageSummary _totals = new("total");
    private readonly Dictionary<DateOnly, string> _dateKeys = [];

    /// <summary>
    /// Starts an empty report; energy is estimated by <paramref name="energy"/>, by default the built-in model sizes
    /// at the world-average grid.
    /// </summary>
    public ReportBuilder(
        ReportPeriod period,
        TimeZoneInfo zone,
        PriceTable prices,
        DayOfWeek weekStart = DayOfWeek.Monday,
        UsageEnergy? energy = null)
    {
        _period = period;
        _zone = zone ?? throw new ArgumentNullException(nameof(zone));
        _prices = prices ?? throw new ArgumentNullException(nameof(prices));
        _pricer = new GroupPricer(prices);
        _weekStart = weekStart;
        _energy = energy ?? UsageEnergy.Default;
    }

    /// <summary>The local date of an instant in the report's zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    /// <summary>Adds one call.</summary>
    public void Add(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var key = _period switch
        {
            ReportPeriod.Session => record.ParentSessionId ?? record.SessionId,
            ReportPeriod.Project => record.Project,
            _ => null,
        };
        Add(new UsageGroup(
            record.Timestamp, record.Timestamp, key, record.Project, record.Model, record.Speed,
            _prices.PromptTier(record.Tokens.PromptTokens), record.Tokens, record.WebSearchRequests, 1)
        {
            Local = record.Local,
        });
    }

    /// <summary>
    /// Adds calls summed together. They must share a report row and their pricing: one model, speed, UTC date and
    /// prompt tier (see <see cref="PriceTable.PromptTier"/>), and for time periods one local date.
    /// </summary>
    public void Add(UsageGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var cost = CostOf(group);
        var energy = EnergyOf(group);
        var key = KeyOf(group);
        if (!_rows.TryGetValue(key, out var row))
        {
            _rows[key] = row = new UsageSummary(key);
        }

        row.Add(group, cost, energy);
        _totals.Add(group, cost, energy);
        if (cost is null)
        {
            Count(_unpriced, group);
        }

        if (group.Local)
        {
            _localCalls = checked(_localCalls + group.Calls);
        }

        if (energy is null)
        {
            Count(group.Local ? _unrecordedLocal : _unknownSize, group);
        }
    }

    /// <summary>The report of every call added so far.</summary>
    public UsageReport Build()
    {
        var rows = _rows.Values.OrderBy(r => r.Key, StringComparer.Ordinal).ToArray();
        var unpriced = _unpriced
            .Select(pair => new UnpricedModel(pair.Key, pair.Value.Calls, pair.Value.Tokens))
            .OrderByDescending(u => u.Tokens)
            .ThenBy(u => u.Model, StringComparer.Ordinal)
            .ToArray();
        var unknownSize = _unknownSize
            .Select(pair => new UnknownSizeModel(pair.Key, pair.Value.Calls, pair.Value.Tokens))
            .OrderByDescending(u => u.Tokens)
            .ThenBy(u => u.Model, StringComparer.Ordinal)
            .ToArray();
        var unrecordedLocal = _unrecordedLocal
            .Select(pair => new UnknownSizeModel(pair.Key, pair.Value.Calls, pair.Value.Tokens))
            .OrderByDescending(u => u.Tokens)
            .ThenBy(u => u.Model, StringComparer.Ordinal)
            .ToArray();
        return new UsageReport(_period, _zone.Id, rows, _totals, unpriced)
        {
            Zone = _zone,
            UnknownSize = unknownSize,
            LocalCalls = _localCalls,
            UnrecordedLocal = unrecordedLocal,
            GridZone = _energy.Zone,
            EnergyMethod = _energy.Method,
        };
    }

    private static void Count(Dictionary<string, (long Calls, long Tokens)> models, UsageGroup group)
    {
        var model = group.Model ?? UsageReport.NoModel;
        var (calls, tokens) = models.GetValueOrDefault(model);
        models[model] = (checked(calls + group.Calls), checked(tokens + group.Tokens.TotalTokens));
    }

    private decimal? CostOf(UsageGroup group) => _pricer.Cost(group);

    /// <summary>
    /// The group's energy, with the PUE of the provider whose price applies on its UTC date; null for an unknown size.
    /// Local calls have the energy recorded for them, or null.
    /// </summary>
    private EnergyEstimate? EnergyOf(UsageGroup group)
    {
        if (group.Local)
        {
            return _energy.Estimate(group, provider: null);
        }

        if (group.Model is null)
        {
            return null;
        }

        var provider = _pricer.PriceOf(group.Model, DateOnly.FromDateTime(group.First.UtcDateTime))?.Provider;
        return _energy.Estimate(group.Model, provider, group.Tokens, Math.Max(1, group.Calls));
    }

    private string KeyOf(UsageGroup group) => _period switch
    {
        ReportPeriod.Daily or ReportPeriod.Weekly or ReportPeriod.Monthly => DateKey(LocalDate(group.First)),
        ReportPeriod.Session => group.Key ?? UsageReport.NoSession,
        ReportPeriod.Model => group.Model ?? UsageReport.NoModel,
        ReportPeriod.Project => group.Key ?? UsageReport.NoProject,
        _ => throw new ArgumentOutOfRangeException(nameof(group), _period, "Unknown report period."),
    };

    /// <summary>The row key of a local date, formatted once per date.</summary>
    private string DateKey(DateOnly date)
    {
        if (!_dateKeys.TryGetValue(date, out var key))
        {
            _dateKeys[date] = key = _period switch
            {
                ReportPeriod.Weekly => WeekStart(date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ReportPeriod.Monthly => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
        }

        return key;
    }

    private DateOnly WeekStart(DateOnly date)
    {
        var back = ((int)date.DayOfWeek - (int)_weekStart + 7) % 7;
        return date.AddDays(-back);
    }
}
