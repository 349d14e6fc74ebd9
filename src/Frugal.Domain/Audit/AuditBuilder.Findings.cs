using System.Globalization;

namespace Frugal.Domain.Audit;

public sealed partial class AuditBuilder
{
    /// <summary>Output price (USD per million tokens) from which a model counts as costly.</summary>
    public const decimal CostlyOutputPrice = 15m;

    /// <summary>Average output tokens per call below which a model's answers count as tiny.</summary>
    public const double TinyOutputPerCall = 200;

    /// <summary>Cache-read share of prompt tokens below which a session's cache hit rate counts as low.</summary>
    public const double LowCacheHitShare = 0.5;

    /// <summary>
    /// Fitted growth (end ÷ start) of cache reads per call from which a session's context kept growing.
    /// </summary>
    public const double GrowingContextFactor = 3;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private List<Finding> Findings(IReadOnlyList<FeatureCost> features)
    {
        var findings = new List<Finding?>
        {
            Unshipped(), ExpensiveFeatures(features), GrowingContext(), LowCacheHits(),
        };
        findings.AddRange(CostlyModelsForTinyOutputs());
        findings.Add(ReviewUnknown());
        return
        [
            .. findings.OfType<Finding>()
                .OrderByDescending(f => f.CostUsd)
                .ThenBy(f => f.Kind, StringComparer.Ordinal),
        ];
    }

    private Finding? Unshipped()
    {
        var links = _links.Where(l => l.Status is ShipStatus.Unshipped or ShipStatus.CommittedNotShipped).ToList();
        if (links.Count == 0)
        {
            return null;
        }

        var cost = links.Sum(l => l.Session.CostUsd);
        var top = links.OrderByDescending(l => l.Session.CostUsd).Take(3)
            .Select(l => string.Create(Invariant, $"{Short(l.Session.Key)} ${l.Session.CostUsd:0.00}"));
        var committed = links.Count(l => l.Status == ShipStatus.CommittedNotShipped);
        return new Finding(
            "unshipped-sessions",
            string.Create(Invariant, $"{Sessions(links.Count)} in audited repositories shipped nothing"),
            string.Create(Invariant, $"${cost:0.00} ({Percent(Share(cost, _sessions.Sum(s => s.CostUsd)))} of spend); ")
                + string.Create(Invariant, $"{committed} of them only committed to unmerged branches; costliest: ")
                + string.Join(", ", top),
            "End each session with a commit or a note of why it stopped; split work into tasks that can ship alone, "
                + "and stop a session that stalls rather than retrying it.",
            cost);
    }

    private static Finding? ExpensiveFeatures(IReadOnlyList<FeatureCost> features)
    {
        var costed = features.Where(f => f.CostUsd > 0).ToList();
        if (costed.Count < 3)
        {
            return null;
        }

        var median = costed.Select(f => f.CostUsd).Order().ElementAt(costed.Count / 2);
        var top = costed.Take(3).Where(f => f.CostUsd >= 2 * median).ToList();
        if (top.Count == 0)
        {
            return null;
        }

        return new Finding(
            "expensive-features",
            string.Create(
                Invariant,
                $"The costliest feature cost ${top[0].CostUsd:0.00}, {Ratio(top[0].CostUsd, median)} the median"),
            string.Join(", ", top.Select(FeatureLabel)),
            "Split large features into smaller pull requests, plan before editing, and explore with a smaller model "
                + "before handing the change to a large one.",
            top.Sum(f => f.CostUsd));
    }

    private Finding? GrowingContext()
    {
        var growing = _sessions
            .Where(s => s.Trend is { Calls: >= 20, EndTokens: >= 100_000 } t && t.Growth >= GrowingContextFactor)
            .ToList();
        if (growing.Count == 0)
        {
            return null;
        }

        var worst = growing.MaxBy(s => s.Trend!.EndTokens)!;
        return new Finding(
            "growing-context",
            string.Create(Invariant, $"{Sessions(growing.Count)} with a context that kept growing"),
            string.Create(Invariant, $"cache reads per call grew ≥{GrowingContextFactor:0}× over the session; ")
                + string.Create(Invariant, $"worst {Short(worst.Key)}: {worst.Trend!.StartTokens:N0} → ")
                + string.Create(Invariant, $"{worst.Trend.EndTokens:N0} tokens per call"),
            "Start a fresh session per task, clear or compact between tasks, and keep standing instructions short: "
                + "every call re-reads the whole context.",
            growing.Sum(s => s.CostUsd));
    }

    private Finding? LowCacheHits()
    {
        var low = _sessions
            .Where(s => s.Tokens.PromptTokens >= 1_000_000
                && (double)s.Tokens.CacheReadTokens / s.Tokens.PromptTokens < LowCacheHitShare)
            .ToList();
        if (low.Count == 0)
        {
            return null;
        }

        var prompt = low.Sum(s => s.Tokens.PromptTokens);
        var read = low.Sum(s => s.Tokens.CacheReadTokens);
        return new Finding(
            "low-cache-hits",
            string.Create(
                Invariant, $"{Sessions(low.Count)} read less than {LowCacheHitShare:0%} of their prompts from cache"),
            string.Create(Invariant, $"{Percent(Share(read, prompt))} of {prompt:N0} prompt tokens came from cache"),
            "Keep the start of the prompt stable (system prompt, tools, instructions), resume sessions instead of "
                + "restarting them, and avoid switching models mid-session: each switch starts a cold cache.",
            low.Sum(s => s.CostUsd));
    }

    private IEnumerable<Finding> CostlyModelsForTinyOutputs()
    {
        var uses = _sessions.SelectMany(s => s.Models)
            .Where(m => _outputPrices.TryGetValue(m.Model, out var price) && price >= CostlyOutputPrice)
            .GroupBy(m => m.Model, StringComparer.Ordinal);
        foreach (var model in uses)
        {
            var tiny = model.Where(m => m.Calls >= 10 && (double)m.Tokens.OutputTokens / m.Calls < TinyOutputPerCall)
                .ToList();
            var calls = tiny.Sum(m => m.Calls);
            if (calls == 0)
            {
                continue;
            }

            var output = tiny.Sum(m => m.Tokens.OutputTokens);
            yield return new Finding(
                "costly-model-tiny-output",
                string.Create(
                    Invariant,
                    $"{model.Key} answered {calls:N0} calls with {output / (double)calls:N0} output tokens on average"),
                string.Create(
                    Invariant,
                    $"{Sessions(tiny.Count)}; output priced at ${_outputPrices[model.Key]:0.##} per million tokens"),
                "Send short tasks (lookups, commit messages, summaries, subagent searches) to a small or local model; "
                    + "set the subagent or fast model in the tool's settings.",
                tiny.Sum(m => m.CostUsd));
        }
    }

    private Finding? ReviewUnknown()
    {
        var unknown = _windowMainline.Values.Count(c => c.Review.Kind == ReviewKind.Unknown);
        if (unknown == 0)
        {
            return null;
        }

        const string Export = "gh pr list --state merged --limit 1000 --json "
            + "number,title,author,createdAt,mergedAt,reviews,reviewDecision,labels,headRefName,mergeCommit";
        return new Finding(
            "review-unknown",
            string.Create(Invariant, $"Review is unknown for {unknown} of {_windowMainline.Count} changes"),
            _options.PullRequestExport
                ? "the pull request export does not cover them, and no Reviewed-by trailer or pull request merged "
                    + "by another person does"
                : "no pull request export, Reviewed-by trailer or pull request merged by another person covers them",
            _options.PullRequestExport
                ? "Export every pull request merged in the window (add --search 'merged:SINCE..UNTIL' to: "
                    + Export + "); direct pushes to the default branch have no review to find."
                : "Pass --prs with the output of: " + Export,
            0);
    }

    private static string FeatureLabel(FeatureCost feature) =>
        string.Create(Invariant, $"{Short(feature.Sha)} \"{Clip(feature.Title)}\" ${feature.CostUsd:0.00}");

    private static string Sessions(int count) =>
        count == 1 ? "1 session" : string.Create(Invariant, $"{count:N0} sessions");

    private static string Short(string id) => id.Length > 8 ? id[..8] : id;

    private static string Clip(string text) => text.Length > 48 ? text[..47] + "…" : text;

    private static string Percent(double? share) => share is { } s ? s.ToString("0%", Invariant) : "n/a";

    private static string Ratio(decimal value, decimal median) =>
        median == 0 ? "far above" : string.Create(Invariant, $"{value / median:0.#}×");
}
