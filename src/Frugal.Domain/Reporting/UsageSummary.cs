using Frugal.Domain.Energy;
using Frugal.Domain.Usage;

namespace Frugal.Domain.Reporting;

/// <summary>The sums of a group of calls: one row of a report, or its totals.</summary>
public sealed class UsageSummary
{
    private readonly SortedSet<string> _models = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _projects = new(StringComparer.Ordinal);

    /// <summary>Creates an empty summary for the row <paramref name="key"/>.</summary>
    public UsageSummary(string key) => Key = key;

    /// <summary>The row's key: a date, week, month, session, model or project.</summary>
    public string Key { get; }

    /// <summary>Tokens of every call in the row, priced or not.</summary>
    public TokenCounts Tokens { get; private set; }

    /// <summary>Cost of the priced calls in USD.</summary>
    public decimal CostUsd { get; private set; }

    /// <summary>Tokens of calls whose model has no price; they are not in <see cref="CostUsd"/>.</summary>
    public long UnpricedTokens { get; private set; }

    /// <summary>
    /// Energy of the calls whose model size is known, in Wh: their ranges summed minimum with minimum and maximum with
    /// maximum.
    /// </summary>
    public EnergyRange Energy { get; private set; }

    /// <summary>Usage carbon of the calls whose model size is known, gCO2e, summed like <see cref="Energy"/>.</summary>
    public CarbonRange Carbon { get; private set; }

    /// <summary>
    /// Manufacturing (embodied) carbon of the hardware, allocated to the calls by their time on it, gCO2e; kept apart
    /// from <see cref="Carbon"/>, which is the electricity's.
    /// </summary>
    public CarbonRange EmbodiedCarbon { get; private set; }

    /// <summary>Tokens of calls whose model size is unknown; they are not in <see cref="Energy"/>.</summary>
    public long UnknownSizeTokens { get; private set; }

    /// <summary>How many calls the row holds.</summary>
    public long Calls { get; private set; }

    /// <summary>Web-search requests of the row's calls.</summary>
    public long WebSearchRequests { get; private set; }

    /// <summary>The earliest call in the row.</summary>
    public DateTimeOffset? FirstActivity { get; private set; }

    /// <summary>The latest call in the row.</summary>
    public DateTimeOffset? LastActivity { get; private set; }

    /// <summary>The model ids seen in the row, sorted.</summary>
    public IReadOnlyCollection<string> Models => _models;

    /// <summary>The projects seen in the row, sorted.</summary>
    public IReadOnlyCollection<string> Projects => _projects;

    /// <summary>
    /// Adds calls summed together, with their cost (null when their model is unpriced) and their energy estimate
    /// (null when their model's size is unknown).
    /// </summary>
    public void Add(UsageGroup group, decimal? costUsd, EnergyEstimate? energy)
    {
        ArgumentNullException.ThrowIfNull(group);
        Tokens += group.Tokens;
        Calls = checked(Calls + group.Calls);
        WebSearchRequests = checked(WebSearchRequests + group.WebSearchRequests);
        if (costUsd is { } cost)
        {
            CostUsd += cost;
        }
        else
        {
            UnpricedTokens = checked(UnpricedTokens + group.Tokens.TotalTokens);
        }

        if (energy is not null)
        {
            Energy += energy.Energy;
            Carbon += energy.Carbon;
            if (energy.Embodied is { } embodied)
            {
                EmbodiedCarbon += embodied;
            }
        }
        else
        {
            UnknownSizeTokens = checked(UnknownSizeTokens + group.Tokens.TotalTokens);
        }

        if (FirstActivity is null || group.First < FirstActivity)
        {
            FirstActivity = group.First;
        }

        if (LastActivity is null || group.Last > LastActivity)
        {
            LastActivity = group.Last;
        }

        _models.Add(group.Model ?? UsageReport.NoModel);
        if (group.Project is { } project)
        {
            _projects.Add(project);
        }
    }
}
