using Frugal.Domain.Prompts;
using Frugal.Domain.Prompts.Lint;

namespace Frugal.Sources.Prompts.Lint;

public static partial class PromptLinter
{
    private sealed partial class Run
    {
        private IReadOnlyList<string>? _keys;

        /// <summary>Every test-data key, in the order the cases give them.</summary>
        private IReadOnlyList<string> Keys => _keys ??=
            [.. _prompt.TestData.SelectMany(c => c.Values.Keys).Distinct(StringComparer.Ordinal)];

        public void Placeholders()
        {
            for (var i = 0; i < _prompt.Messages.Count; i++)
            {
                var path = $"messages[{i}].content";
                foreach (var issue in PromptTemplate.Scan(_prompt.Messages[i].Content).Issues)
                {
                    var line = reading.Positions.LineOf(path, issue.Line);
                    if (Keys.FirstOrDefault(k => issue.Text == "{{" + k + "}}") is { } key)
                    {
                        Warning(line, LintRules.PlaceholderSyntax, $"{path}: {issue.Text} is filled by gh-models, as "
                            + $"the test data gives {key}, but Prompty, Jinja2 and Mustache take only names of "
                            + $"letters, digits and underscores: rename {key} to {PlainName(key)} here and in the test "
                            + "data to keep the prompt portable");
                        continue;
                    }

                    var (why, fix) = Explain(issue);
                    var message = $"{path}: {issue.Text} {why}: {fix}";
                    if (issue.Kind == PlaceholderIssueKind.SingleBrace)
                    {
                        Warning(line, LintRules.PlaceholderSyntax, message);
                    }
                    else
                    {
                        Error(line, LintRules.PlaceholderSyntax, message);
                    }
                }
            }
        }

        /// <summary>A plain name close to <paramref name="key"/>: <c>user_name</c> for <c>user-name</c>.</summary>
        private static string PlainName(string key)
        {
            var name = new string([.. key.Trim().Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_')]);
            return name.Length == 0 ? "a plain name" : char.IsAsciiDigit(name[0]) ? "_" + name : name;
        }

        private static (string Why, string Fix) Explain(PlaceholderIssue issue)
        {
            var write = issue.Fix is { } fix ? $"write {fix}" : "write {{name}} with a plain name, or remove it";
            return issue.Kind switch
            {
                PlaceholderIssueKind.Spaced => ("has spaces inside the braces, so gh-models does not substitute it",
                    write),
                PlaceholderIssueKind.Filter => ("is a template filter, which nothing applies", write),
                PlaceholderIssueKind.Expression => ("is not a plain name, so nothing substitutes it", write),
                PlaceholderIssueKind.Empty => ("names nothing", write),
                PlaceholderIssueKind.Unclosed => ("is not closed by }}", "close it as {{name}}, or remove it"),
                PlaceholderIssueKind.TripleBrace => ("is Mustache's unescaped form, which gh-models renders as "
                    + "{value}", write),
                PlaceholderIssueKind.Tag => ("is a control tag, sent to the model as text",
                    "remove it: no conditionals or loops are evaluated"),
                PlaceholderIssueKind.Comment => ("is a template comment, sent to the model as text", "remove it"),
                _ => ("has single braces, which nothing substitutes", $"{write} if it is meant as a placeholder"),
            };
        }

        /// <summary>
        /// Every placeholder of the messages (and of string evaluators and text checks, rendered the same way) has a
        /// value in every test case; every value of a test case is used somewhere.
        /// </summary>
        public void Variables()
        {
            var needed = new List<(string Name, string Where)>();
            for (var i = 0; i < _prompt.Messages.Count; i++)
            {
                needed.AddRange(Uses(_prompt.Messages[i].Content).Select(n => (n, $"messages[{i}]")));
            }

            for (var i = 0; i < _prompt.Evaluators.Count; i++)
            {
                if (_prompt.Evaluators[i] is StringEvaluator evaluator)
                {
                    needed.AddRange(Uses(evaluator.Value).Select(n => (n, $"evaluators[{i}]")));
                }
            }

            for (var i = 0; i < _prompt.Checks.Count; i++)
            {
                needed.AddRange(Uses(CheckText(_prompt.Checks[i])).Select(n => (n, $"checks[{i}]")));
            }

            var used = new HashSet<string>(needed.Select(n => n.Name), StringComparer.Ordinal) { "id" };

            // A value meant for a misspelt placeholder ({{ name }}) is used once that is fixed; it is reported once.
            used.UnionWith(_prompt.Messages.SelectMany(m => PromptTemplate.Scan(m.Content).Issues)
                .Where(issue => issue.Fix is not null)
                .Select(issue => issue.Fix!.Trim('{', '}')));
            foreach (var evaluator in _prompt.Evaluators)
            {
                if (evaluator is LlmEvaluator llm)
                {
                    used.UnionWith(Uses(llm.Prompt + "\n" + llm.SystemPrompt));
                }
                else if (evaluator is BuiltInEvaluator)
                {
                    // gh-models' own judges read {{input}} and {{expected}}.
                    used.UnionWith(["input", "expected"]);
                }
            }

            var first = needed.DistinctBy(n => n.Name).ToList();
            for (var i = 0; i < _prompt.TestData.Count; i++)
            {
                var values = _prompt.TestData[i].Values;
                // A key that is there with a list, a mapping or null is reported as such when the file is read.
                foreach (var (name, where) in first.Where(n => !values.ContainsKey(n.Name)
                    && !reading.Positions.Contains($"testData[{i}].{n.Name}")))
                {
                    Error(Line($"testData[{i}]"), LintRules.MissingVariable, $"{CaseName(i)} has no value for "
                        + $"{Placeholder(name)}, which {where} uses: add {name}: to the case");
                }

                foreach (var name in values.Keys.Where(k => !used.Contains(k)))
                {
                    Warning(Line($"testData[{i}].{name}"), LintRules.UnusedVariable, $"{CaseName(i)} gives {name}, "
                        + $"which no message, evaluator or check uses: remove it, or write {Placeholder(name)} where "
                        + "it belongs" + (PromptTemplate.IsName(name) ? string.Empty : $" (gh-models fills it; "
                            + $"name it {PlainName(name)} for Prompty and Jinja2 to fill it too)"));
                }
            }
        }

        /// <summary>
        /// The names <paramref name="text"/> takes from a test case: its exact placeholders, and every test-data
        /// key it writes as <c>{{key}}</c>, which gh-models fills whatever the key.
        /// </summary>
        private IEnumerable<string> Uses(string text) =>
            PromptTemplate.Scan(text).Names.Concat(PromptTemplate.KeyPlaceholders(text, Keys));

        private static string CheckText(PromptCheck check) => check switch
        {
            ContainsCheck c => c.Value,
            EqualsCheck c => c.Value,
            RegexCheck c => c.Pattern,
            _ => string.Empty,
        };
    }
}
