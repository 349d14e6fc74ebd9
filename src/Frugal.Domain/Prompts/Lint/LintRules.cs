namespace Frugal.Domain.Prompts.Lint;

/// <summary>The ids of the lint rules, as findings, <c>--json</c> and GitHub annotations name them.</summary>
public static class LintRules
{
    /// <summary>The file is not valid YAML.</summary>
    public const string YamlSyntax = "yaml-syntax";

    /// <summary>A field gh-models would ignore, refuse or half-run (see <c>docs/prompt-files.md</c>).</summary>
    public const string Structure = "structure";

    /// <summary>Template syntax that is not an exact <c>{{name}}</c> placeholder.</summary>
    public const string PlaceholderSyntax = "placeholder-syntax";

    /// <summary>A test case with no value for a placeholder of the messages.</summary>
    public const string MissingVariable = "missing-variable";

    /// <summary>A test-case value that no message, evaluator or check uses (a warning).</summary>
    public const string UnusedVariable = "unused-variable";

    /// <summary><c>metadata.version</c> missing or not semver 2.0.0.</summary>
    public const string Version = "version";

    /// <summary>With <c>--git</c>: the version is lower than one committed before.</summary>
    public const string VersionBackwards = "version-backwards";

    /// <summary>Fewer <c>metadata.reviewers</c> than the policy asks.</summary>
    public const string Reviewers = "reviewers";

    /// <summary>With <c>--git</c>: a reviewer neither in CODEOWNERS nor in an approving trailer.</summary>
    public const string ReviewerUnverified = "reviewer-unverified";

    /// <summary>With <c>--git</c> in a shallow clone: the history the git rules read is partial (a warning).</summary>
    public const string GitHistory = "git-history";

    /// <summary>A rendered test case over its token budget.</summary>
    public const string TokenBudget = "token-budget";

    /// <summary>A special-token string such as <c>&lt;|endoftext|&gt;</c> in text.</summary>
    public const string SpecialToken = "special-token";

    /// <summary>Something that looks like a key or password in plain text.</summary>
    public const string Secret = "secret";
}
