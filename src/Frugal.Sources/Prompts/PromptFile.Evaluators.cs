using Frugal.Domain.Prompts;
using YamlDotNet.RepresentationModel;

namespace Frugal.Sources.Prompts;

public static partial class PromptFile
{
    private sealed partial class Reader
    {
        private static readonly string[] StringKeys = ["equals", "contains", "startsWith", "endsWith"];

        private static readonly string[] EvaluatorKinds = ["string", "llm", "uses"];

        private List<PromptEvaluator> Evaluators(Dictionary<string, Field> top)
        {
            var evaluators = new List<PromptEvaluator>();
            if (!top.TryGetValue("evaluators", out var field))
            {
                return evaluators;
            }

            if (field.Value is not YamlSequenceNode list)
            {
                Problem(field.Value, "evaluators must be a list, each with a name and one of string, llm or uses");
                return evaluators;
            }

            for (var i = 0; i < list.Children.Count; i++)
            {
                var at = $"evaluators[{i}]";
                var item = list.Children[i];
                Record(at, item, item);
                if (item is not YamlMappingNode map)
                {
                    Problem(item, $"{at} must be a mapping with a name and one of string, llm or uses");
                    continue;
                }

                var fields = Entries(map, at, ["name", "string", "llm", "uses"], key => $"{at}.{key} is not an "
                    + "evaluator field gh-models knows (name, string, llm, uses): Frugal's own assertions go under "
                    + "checks:");
                var name = Text(fields, "name", at, required: true);
                var kinds = EvaluatorKinds.Where(fields.ContainsKey).ToList();
                if (kinds.Count != 1)
                {
                    Problem(map, kinds.Count == 0
                        ? $"{at} has none of string, llm or uses: gh-models refuses it; give one"
                        : $"{at} has {string.Join(" and ", kinds)}: gh-models runs only the first; give one each");
                    continue;
                }

                PromptEvaluator? evaluator = kinds[0] switch
                {
                    "string" => StringEvaluator(fields["string"], name, at),
                    "llm" => LlmEvaluator(fields["llm"], name, at),
                    _ => BuiltIn(fields, name, at),
                };
                if (evaluator is not null && name is not null)
                {
                    evaluators.Add(evaluator);
                }
            }

            return evaluators;
        }

        private StringEvaluator? StringEvaluator(Field field, string? name, string at)
        {
            if (field.Value is not YamlMappingNode map)
            {
                Problem(field.Value, $"{at}.string must be a mapping with one of equals, contains, startsWith or "
                    + "endsWith");
                return null;
            }

            var fields = Entries(map, field.Path, StringKeys, key => $"{field.Path}.{key} is not a string match: use "
                + "equals, contains, startsWith or endsWith");
            var given = StringKeys.Where(fields.ContainsKey).ToList();
            if (given.Count != 1)
            {
                Problem(map, given.Count == 0
                    ? $"{field.Path} needs one of equals, contains, startsWith or endsWith"
                    : $"{field.Path} has {string.Join(" and ", given)}: gh-models uses only the first; write one "
                        + "evaluator per match");
                return null;
            }

            var value = Text(fields, given[0], field.Path, required: true);
            var match = given[0] switch
            {
                "equals" => StringMatch.Equals,
                "contains" => StringMatch.Contains,
                "startsWith" => StringMatch.StartsWith,
                _ => StringMatch.EndsWith,
            };
            return value is null ? null : new StringEvaluator(name ?? string.Empty, match, value);
        }

        private LlmEvaluator? LlmEvaluator(Field field, string? name, string at)
        {
            if (field.Value is not YamlMappingNode map)
            {
                Problem(field.Value, $"{at}.llm must be a mapping with modelId, prompt and choices");
                return null;
            }

            var before = Problems.Count;
            var fields = Entries(map, field.Path, ["modelId", "prompt", "choices", "systemPrompt"], key =>
                $"{field.Path}.{key} is not an llm judge field (modelId, prompt, choices, systemPrompt)");
            var model = Text(fields, "modelId", field.Path, required: true);
            var prompt = Text(fields, "prompt", field.Path, required: true);
            var system = Text(fields, "systemPrompt", field.Path, required: false);
            var choices = new List<LlmChoice>();
            if (!fields.TryGetValue("choices", out var choicesField))
            {
                Problem(map, $"{field.Path}.choices is missing: list the judge's answers, each with choice and score");
            }
            else if (choicesField.Value is not YamlSequenceNode list || list.Children.Count == 0)
            {
                Problem(choicesField.Value, $"{field.Path}.choices must list at least one {{choice, score}}");
            }
            else
            {
                for (var i = 0; i < list.Children.Count; i++)
                {
                    var itemAt = $"{field.Path}.choices[{i}]";
                    var item = list.Children[i];
                    Record(itemAt, item, item);
                    if (item is not YamlMappingNode choiceMap)
                    {
                        Problem(item, $"{itemAt} must be a mapping with choice and score");
                        continue;
                    }

                    var choiceFields = Entries(choiceMap, itemAt, ["choice", "score"], key =>
                        $"{itemAt}.{key} is not a choice field (choice, score)");
                    var choice = Text(choiceFields, "choice", itemAt, required: true);
                    var score = Number(choiceFields, "score", itemAt, double.MinValue, double.MaxValue, required: true);
                    if (choice is not null && score is not null)
                    {
                        choices.Add(new LlmChoice(choice, score.Value));
                    }
                }
            }

            return Problems.Count > before
                ? null
                : new LlmEvaluator(name ?? string.Empty, model!, prompt!, choices, system);
        }

        private BuiltInEvaluator? BuiltIn(Dictionary<string, Field> fields, string? name, string at)
        {
            var uses = Text(fields, "uses", at, required: true);
            if (uses is null)
            {
                return null;
            }

            if (!Domain.Prompts.BuiltInEvaluator.Known.Contains(uses, StringComparer.Ordinal))
            {
                Problem(fields["uses"].Value, $"{at}.uses \"{uses}\" is not a gh-models built-in (it would score 0 "
                    + $"there): use one of {string.Join(", ", Domain.Prompts.BuiltInEvaluator.Known)}");
                return null;
            }

            return new BuiltInEvaluator(name ?? string.Empty, uses);
        }
    }
}
