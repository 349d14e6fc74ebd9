namespace Frugal.Domain.Prompts;

/// <summary>
/// One entry of <c>checks:</c>, Frugal's own assertions on every reply (promptfoo's shape: <c>type</c> and
/// <c>value</c>), kept apart from <c>evaluators</c> so gh-models never meets a kind it does not know. Text values
/// may hold placeholders, rendered with the test case's values like a message; in a <c>regex</c> each value is
/// inserted regex-escaped, so it matches as the text it is.
/// </summary>
public abstract record PromptCheck
{
    /// <summary>The <c>type</c> values a check may have.</summary>
    public static IReadOnlyList<string> Types { get; } =
    [
        "contains", "icontains", "equals", "regex", "not-contains", "not-icontains", "not-equals", "not-regex",
        "is-json", "json-schema", "max-output-tokens", "latency",
    ];

    /// <summary>The check's <c>type</c> as written in the file.</summary>
    public abstract string Type { get; }

    /// <summary>What the check is for, if the file says.</summary>
    public string? Description { get; init; }
}

/// <summary><c>contains</c> (exact case) or <c>icontains</c> (any case), or their <c>not-</c> forms.</summary>
/// <param name="Value">The text looked for.</param>
/// <param name="IgnoreCase">Whether letter case is ignored (<c>icontains</c>).</param>
/// <param name="Negated">Whether the reply must not contain it.</param>
public sealed record ContainsCheck(string Value, bool IgnoreCase = false, bool Negated = false) : PromptCheck
{
    /// <inheritdoc />
    public override string Type => (Negated ? "not-" : string.Empty) + (IgnoreCase ? "icontains" : "contains");
}

/// <summary><c>equals</c>: the whole reply is exactly the value; or <c>not-equals</c>.</summary>
/// <param name="Value">The expected reply.</param>
/// <param name="Negated">Whether the reply must differ.</param>
public sealed record EqualsCheck(string Value, bool Negated = false) : PromptCheck
{
    /// <inheritdoc />
    public override string Type => Negated ? "not-equals" : "equals";
}

/// <summary><c>regex</c>: a .NET regular expression matches somewhere in the reply; or <c>not-regex</c>.</summary>
/// <param name="Pattern">
/// The pattern, checked to compile when the file is read; placeholders are filled with each value regex-escaped
/// (<see cref="Testing.PromptReplyEvaluation.Pattern"/>).
/// </param>
/// <param name="Negated">Whether it must not match.</param>
public sealed record RegexCheck(string Pattern, bool Negated = false) : PromptCheck
{
    /// <inheritdoc />
    public override string Type => Negated ? "not-regex" : "regex";
}

/// <summary><c>is-json</c>: the reply is valid JSON.</summary>
public sealed record IsJsonCheck : PromptCheck
{
    /// <inheritdoc />
    public override string Type => "is-json";
}

/// <summary><c>json-schema</c>: the reply is JSON valid against a JSON Schema.</summary>
/// <param name="Schema">The schema as JSON text (written in the file as YAML or as a JSON string).</param>
public sealed record JsonSchemaCheck(string Schema) : PromptCheck
{
    /// <inheritdoc />
    public override string Type => "json-schema";
}

/// <summary><c>max-output-tokens</c>: the reply used at most this many completion tokens.</summary>
/// <param name="Tokens">The most tokens allowed, as the endpoint reports them.</param>
public sealed record MaxOutputTokensCheck(int Tokens) : PromptCheck
{
    /// <inheritdoc />
    public override string Type => "max-output-tokens";
}

/// <summary><c>latency</c>: the call took at most this long (meaningless for a reply served from a cache).</summary>
/// <param name="Milliseconds">The longest time allowed, in milliseconds.</param>
public sealed record LatencyCheck(int Milliseconds) : PromptCheck
{
    /// <inheritdoc />
    public override string Type => "latency";
}
