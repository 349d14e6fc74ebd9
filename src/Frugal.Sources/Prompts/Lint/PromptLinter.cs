using System.Globalization;
using Frugal.Domain.Prompts;
using Frugal.Domain.Prompts.Lint;

namespace Frugal.Sources.Prompts.Lint;

/// <summary>
/// Lints one prompt file: its structural problems (<see cref="PromptFile"/>), then every rule of
/// <see cref="LintRules"/> on what could be read, so one run reports every problem, each with its line and fix.
/// </summary>
public static partial class PromptLinter
{
    /// <summary>Reads <paramref name="path"/> and lints it; with a history, the git rules too.</summary>
    /// <param name="path">The file.</param>
    /// <param name="display">How findings name the file.</param>
    /// <param name="policy">The reviewer count and default budget required.</param>
    /// <param name="history">What git knows of the file, for the version and reviewer checks; null without git.</param>
    public static IReadOnlyList<LintFinding> LintFile(
        string path, string display, LintPolicy policy, PromptHistory? history)
    {
        string text;
        try
        {
            text = PromptFile.ReadText(path);
        }
        catch (PromptFileException e)
        {
            return [.. e.Problems.Select(p =>
                new LintFinding(display, p.Line, LintSeverity.Error, RuleOf(p), p.Message))];
        }

        return Lint(display, text, policy, history);
    }

    /// <summary>Lints prompt-file <paramref name="text"/>; <paramref name="display"/> names it in findings.</summary>
    public static IReadOnlyList<LintFinding> Lint(
        string display, string text, LintPolicy policy, PromptHistory? history)
    {
        ArgumentNullException.ThrowIfNull(display);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(policy);
        var reading = PromptFile.Parse(display, text);
        var lint = new Run(display, reading, policy);
        foreach (var problem in reading.Problems)
        {
            lint.Error(problem.Line, RuleOf(problem), problem.Message);
        }

        // A file that did not read as a mapping has nothing more to judge than its raw text.
        if (reading.Positions.Paths.Count > 1)
        {
            lint.Placeholders();
            lint.Variables();
            lint.Version(history);
            lint.Reviewers(history);
            lint.Budgets();
            lint.SpecialTokens();
        }

        lint.Secrets(text);
        // No finding may quote a secret: a test case's id or key can hold one as well as its text.
        return
        [
            .. lint.Findings.OrderBy(f => f.Line).Select(f => f with { Message = SecretPatterns.Redact(f.Message) }),
        ];
    }

    /// <summary>
    /// The one warning for a run of <c>--git</c> in a shallow clone, given on <paramref name="display"/>, the first
    /// file in it: the git rules passed or failed on a history that is cut short.
    /// </summary>
    public static LintFinding ShallowHistory(string display) =>
        new(display, 0, LintSeverity.Warning, LintRules.GitHistory, "the git history is incomplete (a shallow "
            + "clone), so version-backwards and reviewer-unverified saw only the commits it holds and may pass or "
            + "fail wrongly: run git fetch --unshallow first, or in GitHub Actions set fetch-depth: 0 on "
            + "actions/checkout");

    /// <summary>The rule of a structural problem: not YAML (or not UTF-8), the version, or the shape.</summary>
    private static string RuleOf(PromptFileProblem problem) =>
        problem.Message.StartsWith("not valid", StringComparison.Ordinal) ? LintRules.YamlSyntax
            : problem.Message.StartsWith("metadata.version", StringComparison.Ordinal) ? LintRules.Version
            : LintRules.Structure;

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Placeholder(string name) => "{{" + name + "}}";

    private sealed partial class Run(string display, PromptFileReading reading, LintPolicy policy)
    {
        private readonly PromptDefinition _prompt = reading.Prompt;

        public List<LintFinding> Findings { get; } = [];

        public void Error(int line, string rule, string message) =>
            Findings.Add(new LintFinding(display, line, LintSeverity.Error, rule, message));

        public void Warning(int line, string rule, string message) =>
            Findings.Add(new LintFinding(display, line, LintSeverity.Warning, rule, message));

        private int Line(string path) => reading.Positions.Of(path).Line;

        private bool Reported(string path) =>
            reading.Problems.Any(p => p.Message.StartsWith(path, StringComparison.Ordinal));

        /// <summary>How a finding names test case <paramref name="index"/>: its id, if any, and its place.</summary>
        private string CaseName(int index) => _prompt.TestData[index].Id is { } id
            ? $"test case \"{id}\" (testData[{index}])"
            : $"test case testData[{index}]";

        public void Version(PromptHistory? history)
        {
            var version = _prompt.Metadata.Version;
            if (version is null)
            {
                if (!reading.Positions.Contains("metadata.version"))
                {
                    Error(Line("metadata"), LintRules.Version, "metadata.version is missing: add version: 1.0.0 "
                        + "under metadata: (semver 2.0.0) and raise it with every change");
                }

                return;
            }

            // Never back, not just not below the last commit: 2.0.0, then 1.0.0, then 1.0.1 goes back twice. The
            // newest commit holding the highest version is the one named.
            var highest = (history?.Earlier ?? [])
                .Select(r => new { r.Commit, PromptFile.Parse(display, r.Text).Prompt.Metadata.Version })
                .Where(r => r.Version is not null)
                .MaxBy(r => r.Version);
            if (highest?.Version is not { } previous || version >= previous)
            {
                return;
            }

            Error(Line("metadata.version"), LintRules.VersionBackwards, $"metadata.version {version} is lower "
                + $"than {previous}, committed in {highest.Commit}: a version never goes back; set one above "
                + $"{previous}");
        }

        public void Reviewers(PromptHistory? history)
        {
            // One person named twice (alice and @alice, or Alice) counts once, and is told so.
            var reviewers = _prompt.Metadata.Reviewers;
            var first = new Dictionary<string, int>(ReviewerNames.Comparer);
            var repeats = new List<(int Index, int First)>();
            for (var i = 0; i < reviewers.Count; i++)
            {
                if (!first.TryAdd(ReviewerNames.Key(reviewers[i]), i))
                {
                    repeats.Add((i, first[ReviewerNames.Key(reviewers[i])]));
                }
            }

            if (first.Count < policy.MinReviewers && !Reported("metadata.reviewers"))
            {
                var required = policy.MinReviewers == 1 ? "1 reviewer" : $"{policy.MinReviewers} reviewers";
                Error(Line("metadata.reviewers"), LintRules.Reviewers, reading.Positions.Contains("metadata.reviewers")
                    ? $"metadata.reviewers names {first.Count}, fewer than the {required} required: add more"
                    : $"metadata.reviewers is missing: name at least {required}, such as reviewers: [alice] under "
                        + "metadata:");
            }

            foreach (var (index, earlier) in repeats)
            {
                Warning(Line($"metadata.reviewers[{index}]"), LintRules.Reviewers, $"metadata.reviewers[{index}]: "
                    + $"{reviewers[index]} is {reviewers[earlier]} again (handles ignore letter case and the @), so "
                    + "it counts once: remove it");
            }

            if (history is not null)
            {
                Verify(history, first.Values);
            }
        }

        /// <summary>Each reviewer, named once, against CODEOWNERS and the approving trailers.</summary>
        private void Verify(PromptHistory history, IEnumerable<int> indexes)
        {
            foreach (var i in indexes.Order())
            {
                var reviewer = _prompt.Metadata.Reviewers[i];
                var (owner, approved) = history.Check(reviewer);
                if (!owner && !approved)
                {
                    var owners = history.CodeOwners.Count == 0
                        ? "is not a code owner (there is no CODEOWNERS file)"
                        : "is not in CODEOWNERS";
                    Error(Line($"metadata.reviewers[{i}]"), LintRules.ReviewerUnverified, $"metadata.reviewers: "
                        + $"{reviewer} {owners} and approved no commit that changed this file: add {reviewer} to "
                        + $"CODEOWNERS, or have {reviewer} review the change and add a Reviewed-by: {reviewer} "
                        + "trailer");
                }
            }
        }

        public void Budgets()
        {
            // A budget whose every entry is at fault is reported as such; one bad entry leaves the others to check.
            var declared = _prompt.Metadata.TokenBudgets;
            if (_prompt.Messages.Count == 0 || (declared.Count == 0 && Reported("metadata.tokenBudget")))
            {
                return;
            }

            var budgets = declared.Count > 0 ? declared : [new TokenBudget(null, policy.MaxTokens)];
            var cases = _prompt.TestData.Count > 0
                ? _prompt.TestData.Select((c, i) => (Name: CaseName(i), Values: c.Values)).ToList()
                : [("the messages", new Dictionary<string, string>())];
            foreach (var budget in budgets)
            {
                var (encoding, estimate) = budget.EncodingFor(_prompt.Model);
                var target = budget.Target ?? _prompt.Model;
                var counted = TokenEncodings.FromName(budget.Target) is not null
                    ? $"with {encoding.Name()}"
                    : $"for {target} ({encoding.Name()}{(estimate ? ", an estimate" : string.Empty)})";
                var limit = declared.Count == 0
                    ? $"the default budget of {Number(budget.Tokens)} (no metadata.tokenBudget)"
                    : $"metadata.tokenBudget{(budget.Target is null ? string.Empty : "." + budget.Target)} of "
                        + Number(budget.Tokens);
                var line = declared.Count == 0 ? Line("messages")
                    : Line(budget.Target is null ? "metadata.tokenBudget" : $"metadata.tokenBudget.{budget.Target}");
                foreach (var (name, values) in cases)
                {
                    var rendered = _prompt.Render(values);
                    var total = PromptTokens.CountChat(rendered.Messages, encoding, estimate).Total;
                    if (total > budget.Tokens)
                    {
                        Error(line, LintRules.TokenBudget, $"{name} renders to {Number(total)} input tokens "
                            + $"{counted}, over {limit}: shorten the messages or the values"
                            + (declared.Count == 0 ? ", or declare metadata.tokenBudget" : ", or raise the budget"));
                    }
                }
            }
        }

        public void SpecialTokens()
        {
            for (var i = 0; i < _prompt.Messages.Count; i++)
            {
                var content = _prompt.Messages[i].Content;
                foreach (var special in SpecialTokenText.Find(content))
                {
                    var textLine = content.AsSpan(0, special.Offset).Count('\n') + 1;
                    Error(reading.Positions.LineOf($"messages[{i}].content", textLine), LintRules.SpecialToken,
                        $"messages[{i}].content holds {special.Text}{SpecialIn(special)}, written like a model's "
                        + "control token: an endpoint that parses it would cut or restructure the prompt; remove it");
                }
            }

            for (var i = 0; i < _prompt.TestData.Count; i++)
            {
                foreach (var (key, value) in _prompt.TestData[i].Values)
                {
                    foreach (var special in SpecialTokenText.Find(value))
                    {
                        Error(Line($"testData[{i}].{key}"), LintRules.SpecialToken, $"{CaseName(i)} gives {key} "
                            + $"holding {special.Text}{SpecialIn(special)}, written like a model's control token: "
                            + "an endpoint that parses it would cut or restructure the prompt; remove it");
                    }
                }
            }
        }

        private static string SpecialIn(SpecialTokenText special) => special.SpecialIn.Count == 0
            ? string.Empty
            : $" (a special token of {string.Join(" and ", special.SpecialIn.Select(e => e.Name()))})";

        /// <summary>
        /// Every line whose text holds a secret, then every value that holds one only once YAML decodes it (an
        /// escape such as <c>"\x73k-…"</c>, or a key split over lines): gh-models sends the decoded text.
        /// </summary>
        public void Secrets(string text)
        {
            var found = new HashSet<(int Line, string Name)>();
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var name in SecretPatterns.Find(lines[i]).Select(s => s.Name).Distinct())
                {
                    found.Add((i + 1, name));
                    Error(i + 1, LintRules.Secret, SecretMessage(name, "in plain text"));
                }
            }

            foreach (var scalar in reading.Scalars)
            {
                foreach (var name in SecretPatterns.Find(scalar.Text).Select(s => s.Name).Distinct())
                {
                    var lineCount = scalar.EndLine - scalar.Line + 1;
                    if (!Enumerable.Range(scalar.Line, lineCount).Any(line => found.Contains((line, name))))
                    {
                        found.Add((scalar.Line, name));
                        Error(scalar.Line, LintRules.Secret, SecretMessage(name, "once YAML decodes the value (an "
                            + "escape or a line break hides it in the text)"));
                    }
                }
            }
        }

        private static string SecretMessage(string name, string how)
        {
            var article = "AEIOU".Contains(name[0], StringComparison.Ordinal) ? "an" : "a";
            return $"this line holds what looks like {article} {name} {how}: remove it (and revoke it if it is "
                + "real); pass keys through the environment, never in a prompt file";
        }
    }
}
