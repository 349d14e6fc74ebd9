using System.Globalization;
using System.Text;
using Frugal.Sources.Tests.Git;

namespace Frugal.Cli.Tests.Audit;

/// <summary>
/// One small team's March 2026, built for real: a git repository with direct commits, a merged pull request, a
/// squash merge, a revert, an unmerged experiment and two fixes (one found by blame, one by its Fixes: trailer),
/// Claude Code logs of four sessions in its folder, and a gh export of its pull requests. Every expected figure in
/// the tests is worked out by hand from what is written here.
/// </summary>
internal sealed class AuditScenario : IDisposable
{
    public const string Model = "claude-sonnet-4-5-20250929";

    private const string Template = """
        {"type":"assistant","sessionId":"@ID@","timestamp":"@AT@","cwd":"@CWD@","gitBranch":"@BRANCH@",
        "version":"2.0.0","requestId":"req_@ID@_@N@","uuid":"u_@ID@_@N@","message":{"id":"msg_@ID@_@N@",
        "model":"@MODEL@","role":"assistant","usage":{"input_tokens":1000,"output_tokens":500,
        "cache_creation_input_tokens":0,"cache_read_input_tokens":0}}}
        """;

    private static readonly DateTimeOffset March = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TestRepository _repository = new();

    public AuditScenario()
    {
        Home = Path.Combine(_repository.Parent, "home");
        Directory.CreateDirectory(Home);
        var r = _repository;
        var alice = TestRepository.Alice;
        var bob = TestRepository.Bob;

        Init = r.Commit("chore: init", At(-9, 10), files: ("cart.py", Lines("base", 4)));

        // Session S1 on main, 09:00–10:00 on the 2nd; its commit lands half an hour later, marked by Claude.
        Cart = r.Commit(
            "feat: add cart\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>", At(1, 10, 30),
            files: ("cart.py", Lines("base", 4) + Lines("cart", 10)));

        // Session S2 on feature/checkout, 14:00–15:00 on the 5th; Bob merges the pull request on the 7th.
        r.Branch("feature/checkout");
        Checkout = r.Commit(
            "feat: checkout\n\n🤖 Generated with [Claude Code](https://claude.ai/code)", At(4, 14, 50),
            files: ("checkout.py", Lines("pay", 5)));
        r.Checkout("main");
        Merge = r.Merge(
            "feature/checkout", "Merge pull request #12 from acme/feature/checkout\n\nfeat: checkout flow", At(6, 11),
            bob);

        // Session S3 on experiment, 09:00–09:30 on the 10th: committed, never merged.
        r.Branch("experiment");
        Experiment = r.Commit("feat: try a cache", At(9, 9, 20), files: ("cache.py", Lines("cache", 2)));
        r.Checkout("main");

        // Session S4 on main, 13:00–13:10 on the 12th: nothing committed.
        // A human fix on the 15th changes a line the AI-marked cart commit wrote.
        CartFix = r.Commit(
            "fix: cart total", At(14, 16),
            files: (
                "cart.py", Lines("base", 4) + Lines("cart", 2) + "cart line 3 fixed\n" + Lines("cart", 10, from: 4)));

        r.Branch("search");
        r.Commit("feat: search", At(16, 9), files: ("search.py", Lines("find", 3)));
        r.Checkout("main");
        Search = r.SquashMerge("search", "feat: search (#15)", At(17, 10), alice, TestRepository.GitHub);
        r.Git("branch", "-q", "-D", "search");
        r.Git("rm", "-q", "search.py");
        Revert = r.Commit($"Revert \"feat: search (#15)\"\n\nThis reverts commit {Search}.", At(19, 8));
        RoundingFix = r.Commit(
            $"fix: checkout rounding\n\nFixes: {Checkout[..12]} (\"feat: checkout\")", At(21, 12),
            files: ("checkout.py", Lines("pay", 5) + "round()\n"));

        WriteSession("S1", "main", At(1, 9), 4, 20);
        WriteSession("S2", "feature/checkout", At(4, 14), 2, 60);
        WriteSession("S3", "experiment", At(9, 9), 2, 30);
        WriteSession("S4", "main", At(11, 13), 2, 10);
        WritePullRequests();
    }

    public string Repository => _repository.Path;

    public string Home { get; }

    public string PullRequests => Path.Combine(Home, "prs.json");

    public string Init { get; }

    public string Cart { get; }

    public string Checkout { get; }

    public string Merge { get; }

    public string Experiment { get; }

    public string CartFix { get; }

    public string Search { get; }

    public string Revert { get; }

    public string RoundingFix { get; }

    public string Git(params string[] arguments) => _repository.Git(arguments);

    /// <summary>The folder the repository sits in, for worktrees and clones beside it.</summary>
    public string Parent => _repository.Parent;

    /// <summary>Adds a commit on the branch checked out (main) on March's <paramref name="day"/>, at noon.</summary>
    public string CommitOnMain(string message, int day) => _repository.Commit(message, At(day - 1, 12));

    /// <summary>The arguments that audit March in UTC against this repository.</summary>
    public string[] AuditArguments(params string[] more) =>
    [
        "audit", "--repo", Repository, "--since", "2026-03-01", "--until", "2026-03-31", "--timezone", "UTC", .. more,
    ];

    public void Dispose() => _repository.Dispose();

    private static DateTimeOffset At(int day, int hour, int minute = 0) =>
        March.AddDays(day).AddHours(hour).AddMinutes(minute);

    private static string Lines(string word, int count, int from = 1)
    {
        var text = new StringBuilder();
        for (var i = from; i <= count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{word} line {i}\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// Adds a session of two calls an hour apart, from 09:00 on March's <paramref name="day"/>, in
    /// <paramref name="folder"/>.
    /// </summary>
    public void AddSession(string id, string branch, string folder, int day) =>
        WriteSession(id, branch, At(day - 1, 9), 2, 60, folder);

    /// <summary>
    /// Writes <paramref name="calls"/> assistant lines, one every <paramref name="minutesApart"/>/(calls−1) minutes
    /// from <paramref name="start"/>, each with 1,000 input and 500 output tokens of Claude Sonnet 4.5: $0.0105 a call
    /// (1,000 × $3 + 500 × $15 per million).
    /// </summary>
    private void WriteSession(
        string id, string branch, DateTimeOffset start, int calls, int minutesApart, string? cwd = null)
    {
        var folder = Path.Combine(Home, ".claude", "projects", "-repo-" + id);
        Directory.CreateDirectory(folder);
        var text = new StringBuilder();
        for (var i = 0; i < calls; i++)
        {
            var at = start.AddMinutes(calls == 1 ? 0 : minutesApart * i / (calls - 1));
            var line = Template.ReplaceLineEndings(string.Empty)
                .Replace("@ID@", id, StringComparison.Ordinal)
                .Replace("@AT@", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                    StringComparison.Ordinal)
                .Replace("@CWD@", cwd ?? Repository, StringComparison.Ordinal)
                .Replace("@BRANCH@", branch, StringComparison.Ordinal)
                .Replace("@N@", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("@MODEL@", Model, StringComparison.Ordinal);
            text.Append(line).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, id + ".jsonl"), text.ToString());
    }

    /// <summary>
    /// Pull request #12 opened 15:00 on the 5th, Bob approved at 09:00 on the 6th, merged 11:00 on the 7th:
    /// 44 hours from creation to merge, 18 to the first review. #15 opened 10:00 on the 17th, merged 10:00 on the
    /// 18th with no review: 24 hours.
    /// </summary>
    private void WritePullRequests() => File.WriteAllText(PullRequests, $$"""
        [{"number":12,"title":"feat: checkout flow","author":{"login":"alice","is_bot":false},
          "createdAt":"2026-03-05T15:00:00Z","mergedAt":"2026-03-07T11:00:00Z","headRefName":"feature/checkout",
          "mergeCommit":{"oid":"{{Merge}}"},"reviewDecision":"APPROVED","labels":[],
          "reviews":[{"author":{"login":"bob"},"state":"APPROVED","submittedAt":"2026-03-06T09:00:00Z"}]},
         {"number":15,"title":"feat: search","author":{"login":"alice","is_bot":false},
          "createdAt":"2026-03-17T10:00:00Z","mergedAt":"2026-03-18T10:00:00Z","headRefName":"search",
          "mergeCommit":{"oid":"{{Search}}"},"reviewDecision":"","labels":[],"reviews":[]}]
        """);
}
