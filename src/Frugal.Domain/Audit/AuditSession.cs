using Frugal.Domain.Energy;
using Frugal.Domain.Usage;

namespace Frugal.Domain.Audit;

/// <summary>
/// One session's use in the audit window: its tokens and cost, where it ran (project, repository, branches), and
/// how its context evolved.
/// </summary>
public sealed class AuditSession(string source, string key)
{
    private readonly Dictionary<string, long> _projects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModelUse> _models = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _branches = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, (long Tokens, decimal Cost)> _daily = [];

    /// <summary>The log source.</summary>
    public string Source { get; } = source;

    /// <summary>The session id (subagents folded into their parent).</summary>
    public string Key { get; } = key;

    /// <summary>The tool that made the calls, or the source when no tool is logged.</summary>
    public string Tool { get; private set; } = source;

    /// <summary>The working directory most of the calls ran in, or null.</summary>
    public string? Project => _projects.Count == 0 ? null : _projects.MaxBy(p => p.Value).Key;

    /// <summary>The repository the project belongs to, or null when it is in none (or no longer exists).</summary>
    public string? Repository { get; set; }

    /// <summary>Branches checked out during the session.</summary>
    public IReadOnlySet<string> Branches => _branches;

    /// <summary>The first call.</summary>
    public DateTimeOffset First { get; private set; } = DateTimeOffset.MaxValue;

    /// <summary>The last call.</summary>
    public DateTimeOffset Last { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>Calls made.</summary>
    public long Calls { get; private set; }

    /// <summary>Tokens by category.</summary>
    public TokenCounts Tokens { get; private set; }

    /// <summary>Cost in USD of the priced calls.</summary>
    public decimal CostUsd { get; private set; }

    /// <summary>Tokens of calls that could not be priced.</summary>
    public long UnpricedTokens { get; private set; }

    /// <summary>Estimated energy of the calls of known model size (min with min, max with max).</summary>
    public EnergyRange Energy { get; private set; }

    /// <summary>Estimated usage carbon of the calls of known model size.</summary>
    public CarbonRange Carbon { get; private set; }

    /// <summary>Manufacturing carbon of the hardware, by the calls' time on it; apart from <see
    /// cref="Carbon"/>.</summary>
    public CarbonRange EmbodiedCarbon { get; private set; }

    /// <summary>Tokens of calls whose model size is unknown (their energy is not in the figure).</summary>
    public long UnknownSizeTokens { get; private set; }

    /// <summary>Calls per model.</summary>
    public IReadOnlyCollection<ModelUse> Models => _models.Values;

    /// <summary>How cache reads per call moved across the session, when fitted.</summary>
    public ContextTrend? Trend { get; set; }

    /// <summary>Tokens and priced cost per local date.</summary>
    public IReadOnlyDictionary<DateOnly, (long Tokens, decimal Cost)> Daily => _daily;

    /// <summary>
    /// Adds a group of calls made on local date <paramref name="date"/>, its cost (null when unpriced) and its
    /// energy estimate (null when the model's size is unknown).
    /// </summary>
    public void Add(SessionCallGroup group, decimal? cost, DateOnly date, EnergyEstimate? energy)
    {
        ArgumentNullException.ThrowIfNull(group);
        var calls = group.Group;
        if (group.Tool is { Length: > 0 } tool)
        {
            Tool = ToolFamily(tool);
        }

        if (calls.Project is { } project)
        {
            _projects[project] = _projects.GetValueOrDefault(project) + calls.Calls;
        }

        // A detached work tree logs "HEAD": that names no branch.
        if (group.Branch is { Length: > 0 } branch && branch != "HEAD")
        {
            _branches.Add(branch);
        }

        First = calls.First < First ? calls.First : First;
        Last = calls.Last > Last ? calls.Last : Last;
        Calls = checked(Calls + calls.Calls);
        Tokens += calls.Tokens;
        var model = calls.Model ?? "(none)";
        if (!_models.TryGetValue(model, out var use))
        {
            _models[model] = use = new ModelUse(model);
        }

        use.Add(calls.Calls, calls.Tokens, cost, energy, calls.Local);
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
            UnknownSizeTokens = checked(UnknownSizeTokens + calls.Tokens.TotalTokens);
        }

        var (dayTokens, dayCost) = _daily.GetValueOrDefault(date);
        _daily[date] = (checked(dayTokens + calls.Tokens.TotalTokens), dayCost + (cost ?? 0));
        if (cost is { } usd)
        {
            CostUsd += usd;
        }
        else
        {
            UnpricedTokens = checked(UnpricedTokens + calls.Tokens.TotalTokens);
        }
    }

    /// <summary>
    /// The tool's family name without its version, matching the tool names commit markers use
    /// (<c>claude-code 2.1.3</c> → <c>claude-code</c>).
    /// </summary>
    public static string ToolFamily(string tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        var space = tool.IndexOf(' ', StringComparison.Ordinal);
        var name = (space < 0 ? tool : tool[..space]).ToLowerInvariant();
        return name switch
        {
            "claude" or "claude-code" or "claudecode" => "claude-code",
            "codex" or "codex-cli" or "codex_cli_rs" or "codex-tui" => "codex",
            _ => name,
        };
    }
}
