using System.Globalization;
using Frugal.Domain.Pricing;
using Frugal.Domain.Usage;

namespace Frugal.Domain.Reporting;

/// <summary>
/// Groups calls into report rows in a time zone, pricing each call with the price in force on its UTC date.
/// Dates are taken after converting each call's instant to the zone, so a call at 23:30 UTC can land on the next
/// day in Tokyo and on the same day in Los Angeles.
/// </summary>
public sealed class ReportBuilder
{
    private readonly ReportPeriod _period;
    private readonly TimeZoneInfo _zone;
    private readonly PriceTable _prices;
    private readonly DayOfWeek _weekStart;
    private readonly Dictionary<string, UsageSummary> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Calls, long Tokens)> _unpriced = new(StringComparer.Ordinal);
    private readonly UsageSummary _totals = new("total");

    /// <summary>Starts an empty report.</summary>
    public ReportBuilder(ReportPeriod period, TimeZoneInfo zone, PriceTable prices, DayOfWeek weekStart = DayOfWeek.Monday)
    {
        _period = period;
        _zone = zone ?? throw new ArgumentNullException(nameof(zone));
        _prices = prices ?? throw new ArgumentNullException(nameof(prices));
        _weekStart = weekStart;
    }

    /// <summary>The local date of an instant in the report's zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    /// <summary>Adds one call.</summary>
    public void Add(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var cost = CostOf(record);
        var key = KeyOf(record);
        if (!_rows.TryGetValue(key, out var row))
        {
            _rows[key] = row = new UsageSummary(key);
        }

        row.Add(record, cost);
        _totals.Add(record, cost);
        if (cost is null)
        {
            var model = record.Model ?? UsageReport.NoModel;
            var (calls, tokens) = _unpriced.GetValueOrDefault(model);
            _unpriced[model] = (checked(calls + 1), checked(tokens + record.Tokens.TotalTokens));
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
        return new UsageReport(_period, _zone.Id, rows, _totals, unpriced);
    }

    private decimal? CostOf(UsageRecord record)
    {
        if (record.Model is null)
        {
            return null;
        }

        var date = DateOnly.FromDateTime(record.Timestamp.UtcDateTime);
        var resolution = _prices.Resolve(record.Model, date);
        return resolution.Price is { } price
            ? PriceCalculator.Cost(price, record.Tokens, record.WebSearchRequests, record.Speed, date).TotalUsd
            : null;
    }

    private string KeyOf(UsageRecord record) => _period switch
    {
        ReportPeriod.Daily => LocalDate(record.Timestamp).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ReportPeriod.Weekly => WeekStart(LocalDate(record.Timestamp)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ReportPeriod.Monthly => LocalDate(record.Timestamp).ToString("yyyy-MM", CultureInfo.InvariantCulture),
        ReportPeriod.Session => record.ParentSessionId ?? record.SessionId,
        ReportPeriod.Model => record.Model ?? UsageReport.NoModel,
        ReportPeriod.Project => record.Project ?? UsageReport.NoProject,
        _ => throw new ArgumentOutOfRangeException(nameof(record), _period, "Unknown report period."),
    };

    private DateOnly WeekStart(DateOnly date)
    {
        var back = ((int)date.DayOfWeek - (int)_weekStart + 7) % 7;
        return date.AddDays(-back);
    }
}
