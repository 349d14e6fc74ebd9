using Frugal.Domain.Scoring;
using Frugal.Domain.Usage;

namespace Frugal.Domain.Audit;

/// <summary>
/// Works out the audit from the window's sessions and what the repositories show: links, outcomes, the answer,
/// scores, findings and the leaderboard. Pure: everything it needs is passed in.
/// </summary>
public sealed partial class AuditBuilder
{
    private readonly IReadOnlyList<AuditSession> _sessions;
    private readonly IReadOnlyList<RepositoryFacts> _repositories;
    private readonly AuditOptions _options;
    private readonly IReadOnlyDictionary<string, decimal> _outputPrices;
    private readonly List<SessionLink> _links;
    private readonly Dictionary<string, AuditedCommit> _windowMainline = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _repositoryOf = new(StringComparer.Ordinal);

    /// <summary>Links the sessions and indexes the window's mainline commits.</summary>
    /// <param name="sessions">The window's sessions, each with its repository resolved.</param>
    /// <param name="repositories">What each audited repository shows.</param>
    /// <param name="options">The window and choices.</param>
    /// <param name="outputPrices">Each model's output price in USD per million tokens, where known.</param>
    public AuditBuilder(
        IReadOnlyList<AuditSession> sessions, IReadOnlyList<RepositoryFacts> repositories, AuditOptions options,
        IReadOnlyDictionary<string, decimal> outputPrices)
    {
        _sessions = sessions ?? throw new ArgumentNullException(nameof(sessions));
        _repositories = repositories ?? throw new ArgumentNullException(nameof(repositories));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _outputPrices = outputPrices ?? throw new ArgumentNullException(nameof(outputPrices));

        var linker = new SessionLinker(repositories, options.Grace);
        _links = [.. sessions.Select(linker.Link)];
        foreach (var repository in repositories)
        {
            foreach (var commit in WindowMainline(repository))
            {
                _windowMainline[commit.Commit.Sha] = commit;
                _repositoryOf[commit.Commit.Sha] = repository.Root;
            }
        }
    }

    /// <summary>Builds the report.</summary>
    public AuditReport Build()
    {
        var repositories = _repositories.Select(Outcome).ToList();
        var outcomes = Sum(repositories);
        var features = FeatureCosts();
        var answer = Answer(outcomes, features);
        var inputs = new ScoreInputs(
            outcomes.Features, outcomes.Fixes, PositiveHours(outcomes.Reviews), TotalTokens(),
            ScoreKWh(SumEnergy(_sessions)));
        return new AuditReport
        {
            Since = _options.Since,
            Until = _options.Until,
            Zone = _options.Zone.Id,
            Grace = _options.Grace,
            GridZone = _options.GridZone,
            EnergyMethod = Energy.CloudEnergyModel.DecodeMethod,
            Usage = UsageOf("total", _sessions),
            ByTool = UsageBy(s => s.Tool),
            ByModel = UsageByModel(),
            ByProject = UsageBy(s => s.Repository ?? s.Project ?? "(no folder)"),
            Daily = Daily(),
            Repositories = repositories,
            Outcomes = outcomes,
            Answer = answer,
            ScoreInputs = inputs,
            ManifestoScore = ManifestoScore.Compute(inputs),
            ScaleInvariantScore = ScaleInvariantScore.Compute(inputs),
            Features = features,
            Findings = Findings(features),
            By = _options.By,
            Leaderboard = Leaderboard(),
            Sessions = _links,
            Commits = [.. _windowMainline.Values.OrderByDescending(c => c.Commit.CommittedAt)],
        };
    }

    private IEnumerable<AuditedCommit> WindowMainline(RepositoryFacts repository) =>
        repository.Commits.Where(c =>
            c.Placement == CommitPlacement.Mainline && _options.Contains(c.Commit.CommittedAt));

    private List<DailyUsage> Daily() =>
    [
        .. _sessions.SelectMany(s => s.Daily)
            .GroupBy(d => d.Key)
            .OrderBy(g => g.Key)
            .Select(g => new DailyUsage(g.Key, g.Sum(d => d.Value.Tokens), g.Sum(d => d.Value.Cost))),
    ];

    private long TotalTokens() => _sessions.Aggregate(0L, (sum, s) => checked(sum + s.Tokens.TotalTokens));

    private static double? PositiveHours(ReviewSummary reviews) =>
        reviews.WithReviewTime == 0 ? null
        : reviews.ReviewHours < ScoreInputs.MinPositiveReviewHours ? 0
        : reviews.ReviewHours;

    private static double? Share(decimal part, decimal whole) => whole == 0 ? null : (double)(part / whole);

    private static double? Share(long part, long whole) => whole == 0 ? null : (double)part / whole;

    private static TokenCounts SumTokens(IEnumerable<AuditSession> sessions) =>
        sessions.Aggregate(TokenCounts.Zero, (sum, s) => sum + s.Tokens);
}
