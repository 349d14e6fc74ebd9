using System.Collections.Frozen;

namespace Frugal.Domain.Outcomes;

/// <summary>
/// Recognises bot accounts among pull-request authors and reviewers. GitHub's export marks a bot author
/// (<c>is_bot</c>, login <c>app/…</c>) but gives a review's author only as a login, so reviewers are recognised by
/// name: AI reviewers leave COMMENTED reviews within minutes, and counting them would make every pull request look
/// reviewed at once.
/// </summary>
public static class ReviewBots
{
    /// <summary>
    /// Logins of bots that review, comment on or open pull requests, compared without regard to case and with or
    /// without a <c>[bot]</c> suffix. AI reviewers and agents: GitHub Copilot's reviewer and coding agent, CodeRabbit,
    /// Gemini Code Assist, Codex (<c>chatgpt-codex-connector</c>), Cursor Bugbot, Claude, Devin, Jules, OpenCode,
    /// Sentry's reviewers, Greptile, Sourcery, pullfrog, GitLab Duo. CI and dependency bots: GitHub Actions,
    /// GitHub Advanced Security, Dependabot, Renovate, dotnet-maestro, Codecov, Netlify, Vercel, SonarQube Cloud,
    /// changeset-bot, Mergify, pre-commit.ci.
    /// </summary>
    public static IReadOnlyCollection<string> KnownLogins => Known;

    private static readonly FrozenSet<string> Known = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "copilot-pull-request-reviewer", "Copilot", "copilot-swe-agent", "coderabbitai", "gemini-code-assist",
        "chatgpt-codex-connector", "cursor", "claude", "devin-ai-integration", "google-labs-jules",
        "opencode-agent", "sentry", "seer-by-sentry", "sentry-autofix", "sentry-junior", "fix-it-felix-sentry",
        "greptile-apps", "sourcery-ai", "pullfrog", "GitLabDuo",
        "github-actions", "github-advanced-security", "dependabot", "renovate", "dotnet-maestro", "codecov",
        "netlify", "vercel", "sonarqubecloud", "changeset-bot", "mergify", "pre-commit-ci");

    /// <summary>
    /// Whether <paramref name="login"/> is a bot: it ends in <c>[bot]</c>, starts with <c>app/</c> (how GitHub's
    /// export writes an app), is a GitLab project or group access-token user (<c>project_12_bot_…</c>), or is one of
    /// <see cref="KnownLogins"/>. Null or blank is not known to be a bot.
    /// </summary>
    public static bool IsBot(string? login)
    {
        if (string.IsNullOrWhiteSpace(login))
        {
            return false;
        }

        var name = login.Trim();
        if (name.StartsWith("app/", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (name.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return Known.Contains(name) || IsGitLabTokenUser(name);
    }

    /// <summary>
    /// GitLab names the user behind a project or group access token <c>project_{id}_bot_{random}</c>.
    /// </summary>
    private static bool IsGitLabTokenUser(string name)
    {
        var rest = name.StartsWith("project_", StringComparison.OrdinalIgnoreCase) ? name["project_".Length..]
            : name.StartsWith("group_", StringComparison.OrdinalIgnoreCase) ? name["group_".Length..]
            : null;
        if (rest is null)
        {
            return false;
        }

        var digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }

        var tail = rest[digits..];
        return digits > 0 && (tail.Equals("_bot", StringComparison.OrdinalIgnoreCase)
            || tail.StartsWith("_bot_", StringComparison.OrdinalIgnoreCase));
    }
}
