using System.Globalization;

namespace Frugal.Domain.Prompts.Diff;

/// <summary>
/// Compares two versions of a prompt and derives the least semantic-version bump the change requires, by the
/// mechanically checkable policy of prompts.md §5 ("Semantic versioning of prompts and diffs"):
/// <list type="bullet">
/// <item>MAJOR: a template variable removed or renamed, or one that becomes required: every <c>{{name}}</c> of a
/// message is required in this format (no defaults; gh-models leaves an unfilled one as written), so an added
/// placeholder is MAJOR too; <c>responseFormat</c> changed or <c>jsonSchema</c> changed incompatibly (see
/// <see cref="JsonSchemaDiff"/>); the model family or its tokenizer changes.</item>
/// <item>MINOR: a test case added; an optional output field added; the token budget rises (a
/// <c>metadata.tokenBudget</c> raised or removed); message text whose token count rises (§5 allows PATCH only when
/// it does not).</item>
/// <item>PATCH: message text (added, removed or changed messages) whose token count does not rise; and any other
/// change to what is sent or tested that §5 does not name (name, model within its family and tokenizer, model
/// parameters, seed, test cases changed or removed, evaluators, checks).</item>
/// <item>None: description, reviewers, authors, tags, repeat, a token budget added or lowered.</item>
/// </list>
/// §5's other MAJOR trigger, a previously passing baseline test now failing, needs a run and is not judged here; nor
/// are optional variables and tools, which the format does not have.
/// </summary>
public static class PromptDiffer
{
    /// <summary>
    /// Compares <paramref name="before"/> with <paramref name="after"/>; <paramref name="countChat"/> gives the input
    /// tokens of messages in an encoding, chat overhead included.
    /// </summary>
    public static PromptDiff Compare(
        PromptDefinition before, PromptDefinition after,
        Func<IReadOnlyList<PromptMessage>, TokenEncoding, int> countChat)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(countChat);
        var changes = new List<PromptChange>();
        var reasons = new List<BumpReason>();
        Top(before, after, changes, reasons);
        Model(before, after, changes, reasons);
        Parameters(before.ModelParameters, after.ModelParameters, changes, reasons);
        Output(before, after, changes, reasons);
        var tokens = Tokens(before, after, countChat);
        Messages(before, after, changes, reasons, tokens);
        Placeholders(before, after, changes, reasons);
        TestData(before, after, changes, reasons);
        Listed("evaluators", before.Evaluators.Select(e => (e.Name, Describe(e))),
            after.Evaluators.Select(e => (e.Name, Describe(e))), changes, reasons);
        Listed("checks", before.Checks.Select(c => (Describe(c), Describe(c))),
            after.Checks.Select(c => (Describe(c), Describe(c))), changes, reasons);
        Metadata(before.Metadata, after.Metadata, changes, reasons);
        return new PromptDiff(changes, reasons, tokens, before.Metadata.Version, after.Metadata.Version);
    }

    /// <summary>
    /// The model family: the provider and the letters the model's name starts with (<c>openai/gpt</c>,
    /// <c>anthropic/claude</c>, <c>ollama/llama</c>), letter case ignored.
    /// </summary>
    public static string Family(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var name = model.Trim().ToLowerInvariant();
        name = name.StartsWith("ft:", StringComparison.Ordinal) ? name[3..] : name;
        var slash = name.LastIndexOf('/');
        var provider = slash < 0 ? string.Empty : name[..slash];
        var tail = name[(slash + 1)..];
        var letters = new string(tail.TakeWhile(char.IsAsciiLetter).ToArray());
        return provider + "/" + (letters.Length == 0 ? tail : letters);
    }

    private static void Top(PromptDefinition a, PromptDefinition b, List<PromptChange> changes, List<BumpReason> why)
    {
        if (a.Name != b.Name)
        {
            changes.Add(new PromptChange("name", ChangeKind.Changed, "name", a.Name, b.Name));
            why.Add(new BumpReason(VersionBump.Patch, "name changed (not named in §5: PATCH)"));
        }

        if (a.Description != b.Description)
        {
            changes.Add(new PromptChange("description", Kind(a.Description, b.Description), "description",
                a.Description, b.Description));
        }
    }

    private static void Model(PromptDefinition a, PromptDefinition b, List<PromptChange> changes, List<BumpReason> why)
    {
        if (string.Equals(a.Model, b.Model, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        changes.Add(new PromptChange("model", ChangeKind.Changed, "model", a.Model, b.Model));
        var oldEncoding = TokenEncodings.ForModel(a.Model);
        var newEncoding = TokenEncodings.ForModel(b.Model);
        if (Family(a.Model) != Family(b.Model))
        {
            why.Add(new BumpReason(VersionBump.Major,
                $"model family {Family(a.Model)} -> {Family(b.Model)} (§5: MAJOR)"));
        }
        else if (oldEncoding != newEncoding)
        {
            why.Add(new BumpReason(VersionBump.Major, $"tokenizer {EncodingName(oldEncoding)} -> "
                + $"{EncodingName(newEncoding)} (§5: MAJOR)"));
        }
        else
        {
            why.Add(new BumpReason(VersionBump.Patch,
                "model changed within its family and tokenizer (not named in §5: PATCH)"));
        }
    }

    private static void Parameters(
        PromptModelParameters a, PromptModelParameters b, List<PromptChange> changes, List<BumpReason> why)
    {
        Value("temperature", Number(a.Temperature), Number(b.Temperature));
        Value("maxTokens", Number(a.MaxTokens), Number(b.MaxTokens));
        Value("topP", Number(a.TopP), Number(b.TopP));

        void Value(string name, string? before, string? after)
        {
            if (before != after)
            {
                changes.Add(new PromptChange("parameters", Kind(before, after), name, before, after));
                why.Add(new BumpReason(VersionBump.Patch, $"parameter {name} changed (not named in §5: PATCH)"));
            }
        }
    }

    private static void Output(PromptDefinition a, PromptDefinition b, List<PromptChange> changes, List<BumpReason> why)
    {
        var oldFormat = a.ResponseFormat ?? PromptResponseFormat.Text;
        var newFormat = b.ResponseFormat ?? PromptResponseFormat.Text;
        if (oldFormat != newFormat)
        {
            changes.Add(new PromptChange("responseFormat", ChangeKind.Changed, "responseFormat", Format(oldFormat),
                Format(newFormat)));
            why.Add(new BumpReason(VersionBump.Major,
                $"responseFormat {Format(oldFormat)} -> {Format(newFormat)}: the output structure changes "
                + "(§5: MAJOR)"));
        }

        if (a.JsonSchema != b.JsonSchema)
        {
            var schema = JsonSchemaDiff.Compare(a.JsonSchema, b.JsonSchema);
            changes.Add(new PromptChange("jsonSchema", Kind(a.JsonSchema, b.JsonSchema), "jsonSchema", null, null)
            {
                Lines = schema.Select(r => r.Reason).ToList(),
            });
            why.AddRange(oldFormat != newFormat ? schema.Where(r => r.Bump < VersionBump.Major) : schema);
        }
    }

    private static List<TokenDelta> Tokens(
        PromptDefinition a, PromptDefinition b, Func<IReadOnlyList<PromptMessage>, TokenEncoding, int> count)
    {
        var rows = new List<TokenDelta>();
        foreach (var model in new[] { a.Model, b.Model }.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var known = TokenEncodings.ForModel(model);
            var encoding = known ?? TokenEncodings.Fallback;
            rows.Add(new TokenDelta(model, encoding, known is null, count(a.Messages, encoding),
                count(b.Messages, encoding)));
        }

        foreach (var encoding in Enum.GetValues<TokenEncoding>())
        {
            rows.Add(new TokenDelta(encoding.Name(), encoding, false, count(a.Messages, encoding),
                count(b.Messages, encoding)));
        }

        return rows;
    }

    private static void Messages(
        PromptDefinition a, PromptDefinition b, List<PromptChange> changes, List<BumpReason> why,
        List<TokenDelta> tokens)
    {
        var changed = false;
        foreach (var role in Enum.GetValues<PromptRole>())
        {
            var before = a.Messages.Where(m => m.Role == role).ToList();
            var after = b.Messages.Where(m => m.Role == role).ToList();
            var name = role.ToString().ToLowerInvariant();
            for (var i = 0; i < Math.Max(before.Count, after.Count); i++)
            {
                var subject = $"{name} #{i + 1}";
                var old = i < before.Count ? before[i].Content : null;
                var next = i < after.Count ? after[i].Content : null;
                if (old == next)
                {
                    continue;
                }

                changed = true;
                changes.Add(new PromptChange("messages", Kind(old, next), subject, Short(old), Short(next))
                {
                    Lines = old is not null && next is not null ? LineDiff.Lines(old, next) : [],
                });
            }
        }

        var order = a.Messages.Select(m => m.Role).SequenceEqual(b.Messages.Select(m => m.Role));
        if (!changed && order)
        {
            return;
        }

        if (!changed)
        {
            changes.Add(new PromptChange("messages", ChangeKind.Changed, "order", null, null));
        }

        // The tokenizer the new version is counted with (its own model's, else the estimate's).
        var own = tokens.First(t => string.Equals(t.Label, b.Model, StringComparison.OrdinalIgnoreCase));
        why.Add(own.Delta > 0
            ? new BumpReason(VersionBump.Minor, $"message text adds {own.Delta} tokens ({own.Encoding.Name()}): "
                + "§5 allows PATCH only when the token count does not rise (MINOR)")
            : new BumpReason(VersionBump.Patch, "message text changed, token count not higher (§5: PATCH)"));
    }

    private static void Placeholders(
        PromptDefinition a, PromptDefinition b, List<PromptChange> changes, List<BumpReason> why)
    {
        var before = a.Inputs();
        var after = b.Inputs();
        foreach (var name in before.Where(n => !after.Contains(n)))
        {
            changes.Add(new PromptChange("placeholders", ChangeKind.Removed, name, "{{" + name + "}}", null));
            why.Add(new BumpReason(VersionBump.Major, $"placeholder {{{{{name}}}}} removed or renamed (§5: MAJOR)"));
        }

        foreach (var name in after.Where(n => !before.Contains(n)))
        {
            changes.Add(new PromptChange("placeholders", ChangeKind.Added, name, null, "{{" + name + "}}"));
            why.Add(new BumpReason(VersionBump.Major,
                $"placeholder {{{{{name}}}}} added, and every placeholder is required (§5: MAJOR)"));
        }
    }

    private static void TestData(
        PromptDefinition a, PromptDefinition b, List<PromptChange> changes, List<BumpReason> why)
    {
        var before = Cases(a.TestData);
        var after = Cases(b.TestData);
        foreach (var (key, values) in before)
        {
            if (!after.TryGetValue(key, out var next))
            {
                changes.Add(new PromptChange("testData", ChangeKind.Removed, key, null, null));
                why.Add(new BumpReason(VersionBump.Patch, $"test case {key} removed (not named in §5: PATCH)"));
            }
            else if (values != next)
            {
                changes.Add(new PromptChange("testData", ChangeKind.Changed, key, values, next));
                why.Add(new BumpReason(VersionBump.Patch, $"test case {key} changed (not named in §5: PATCH)"));
            }
        }

        foreach (var key in after.Keys.Where(k => !before.ContainsKey(k)))
        {
            changes.Add(new PromptChange("testData", ChangeKind.Added, key, null, null));
            why.Add(new BumpReason(VersionBump.Minor, $"test case {key} added (§5: MINOR)"));
        }
    }

    private static Dictionary<string, string> Cases(IReadOnlyList<PromptTestCase> cases)
    {
        var keyed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < cases.Count; i++)
        {
            var key = cases[i].Id ?? $"#{i + 1}";
            keyed.TryAdd(key, string.Join(", ", cases[i].Values.OrderBy(v => v.Key, StringComparer.Ordinal)
                .Select(v => $"{v.Key}={v.Value}")));
        }

        return keyed;
    }

    /// <summary>
    /// Compares two lists of named entries. Entries match by name; when a name repeats (gh-models runs every
    /// evaluator, whatever its name), the second of a name matches the second, and so on, shown as
    /// <c>name (2)</c>.
    /// </summary>
    private static void Listed(
        string area, IEnumerable<(string Name, string Text)> before, IEnumerable<(string Name, string Text)> after,
        List<PromptChange> changes, List<BumpReason> why)
    {
        var a = Numbered(before);
        var b = Numbered(after);
        foreach (var (key, (shown, text)) in a)
        {
            if (!b.TryGetValue(key, out var next) || next.Text != text)
            {
                changes.Add(new PromptChange(area, next.Text is null ? ChangeKind.Removed : ChangeKind.Changed, shown,
                    text, next.Text));
            }
        }

        foreach (var (_, (shown, text)) in b.Where(p => !a.ContainsKey(p.Key)))
        {
            changes.Add(new PromptChange(area, ChangeKind.Added, shown, null, text));
        }

        if (changes.Any(c => c.Area == area))
        {
            why.Add(new BumpReason(VersionBump.Patch, $"{area} changed (not named in §5: PATCH)"));
        }
    }

    /// <summary>Each entry under its name and its number among entries of that name, with how it is shown.</summary>
    private static Dictionary<(string Name, int Number), (string Shown, string? Text)> Numbered(
        IEnumerable<(string Name, string Text)> entries)
    {
        var numbered = new Dictionary<(string, int), (string, string?)>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, text) in entries)
        {
            var number = counts[name] = counts.GetValueOrDefault(name) + 1;
            numbered[(name, number)] = (number == 1 ? name : $"{name} ({number})", text);
        }

        return numbered;
    }

    private static void Metadata(PromptMetadata a, PromptMetadata b, List<PromptChange> changes, List<BumpReason> why)
    {
        if (a.Version != b.Version || a.Version?.ToString() != b.Version?.ToString())
        {
            changes.Add(new PromptChange("metadata", Kind(a.Version?.ToString(), b.Version?.ToString()), "version",
                a.Version?.ToString(), b.Version?.ToString()));
        }

        Text("reviewers", string.Join(", ", a.Reviewers), string.Join(", ", b.Reviewers));
        Text("authors", string.Join(", ", a.Authors), string.Join(", ", b.Authors));
        Text("tags", string.Join(", ", a.Tags), string.Join(", ", b.Tags));
        Text("repeat", Number(a.Repeat), Number(b.Repeat));
        if (Text("seed", Number(a.Seed), Number(b.Seed)))
        {
            why.Add(new BumpReason(VersionBump.Patch, "metadata.seed changed (not named in §5: PATCH)"));
        }

        var oldBudgets = a.TokenBudgets.ToDictionary(t => t.Target ?? "(model)", t => t.Tokens, StringComparer.Ordinal);
        var newBudgets = b.TokenBudgets.ToDictionary(t => t.Target ?? "(model)", t => t.Tokens, StringComparer.Ordinal);
        foreach (var target in oldBudgets.Keys.Union(newBudgets.Keys))
        {
            int? before = oldBudgets.TryGetValue(target, out var x) ? x : null;
            int? after = newBudgets.TryGetValue(target, out var y) ? y : null;
            if (Text($"tokenBudget {target}", Number(before), Number(after)) && before is not null
                && (after is null || after > before))
            {
                why.Add(new BumpReason(VersionBump.Minor, $"token budget {target} rises "
                    + $"{before} -> {(after is null ? "no limit" : Number(after))} (§5: MINOR)"));
            }
        }

        bool Text(string subject, string? before, string? after)
        {
            before = before?.Length == 0 ? null : before;
            after = after?.Length == 0 ? null : after;
            if (before == after)
            {
                return false;
            }

            changes.Add(new PromptChange("metadata", Kind(before, after), subject, before, after));
            return true;
        }
    }

    private static string Describe(PromptEvaluator evaluator) => evaluator switch
    {
        StringEvaluator s => $"string {s.Match.ToString().ToLowerInvariant()}: {s.Value}",
        LlmEvaluator l => $"llm {l.ModelId}: {l.Prompt} "
            + $"[{string.Join(", ", l.Choices.Select(c => $"{c.Choice}={Number(c.Score)}"))}]"
            + (l.SystemPrompt is null ? string.Empty : " system: " + l.SystemPrompt),
        BuiltInEvaluator u => $"uses {u.Uses}",
        _ => evaluator.ToString(),
    };

    private static string Describe(PromptCheck check)
    {
        var value = check switch
        {
            ContainsCheck c => c.Value,
            EqualsCheck e => e.Value,
            RegexCheck r => r.Pattern,
            JsonSchemaCheck j => j.Schema,
            MaxOutputTokensCheck m => Number(m.Tokens),
            LatencyCheck l => Number(l.Milliseconds),
            _ => null,
        };
        return value is null ? check.Type : $"{check.Type}: {value}";
    }

    private static ChangeKind Kind(string? before, string? after) =>
        before is null ? ChangeKind.Added : after is null ? ChangeKind.Removed : ChangeKind.Changed;

    private static string? Number(double? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Format(PromptResponseFormat format) => format switch
    {
        PromptResponseFormat.JsonObject => "json_object",
        PromptResponseFormat.JsonSchema => "json_schema",
        _ => "text",
    };

    private static string EncodingName(TokenEncoding? encoding) =>
        encoding?.Name() ?? "unknown (estimated with " + TokenEncodings.Fallback.Name() + ")";

    private static string? Short(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 60 ? line : line[..57] + "...";
    }
}
