using Frugal.Sources.Discovery;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.Discovery;

public sealed class SourceLocatorTests
{
    [Fact]
    public void ClaudeCode_NoVariables_ConfigAndDotClaudeProjectsFolders()
    {
        using var home = new TempFolder();
        var locator = Locator(home.Root);

        var roots = locator.ClaudeCode();

        roots.ShouldBe(
        [
            new SourceRoot("claude-code", home.PathOf(".config", "claude", "projects"), "default"),
            new SourceRoot("claude-code", home.PathOf(".claude", "projects"), "default"),
        ]);
    }

    [Fact]
    public void ClaudeCode_XdgConfigHomeSet_ConfigFolderUnderIt()
    {
        using var home = new TempFolder();
        var xdg = home.PathOf("xdg");
        var locator = Locator(home.Root, ("XDG_CONFIG_HOME", xdg));

        var roots = locator.ClaudeCode();

        roots.Select(r => r.Path).ShouldBe(
            [Path.Combine(xdg, "claude", "projects"), home.PathOf(".claude", "projects")]);
    }

    [Fact]
    public void ClaudeCode_ConfigDirCommaList_ReplacesDefaultsWithEachEntrysProjectsFolder()
    {
        using var home = new TempFolder();
        var work = home.CreateFolder("work-claude", "projects");
        var personal = home.CreateFolder("personal-claude", "projects");
        var configDir = $"{home.PathOf("work-claude")} , {home.PathOf("personal-claude")}";
        var locator = Locator(home.Root, ("CLAUDE_CONFIG_DIR", configDir));

        var roots = locator.ClaudeCode();

        roots.ShouldBe(
        [
            new SourceRoot("claude-code", work, "CLAUDE_CONFIG_DIR"),
            new SourceRoot("claude-code", personal, "CLAUDE_CONFIG_DIR"),
        ]);
    }

    [Fact]
    public void ClaudeCode_ConfigDirEntryIsProjectsFolder_UsesItAsIs()
    {
        using var home = new TempFolder();
        var projects = home.CreateFolder("claude", "projects");
        var locator = Locator(home.Root, ("CLAUDE_CONFIG_DIR", projects));

        var roots = locator.ClaudeCode();

        roots.ShouldHaveSingleItem().Path.ShouldBe(projects);
    }

    [Fact]
    public void Codex_NoVariables_SessionsAndArchivedSessionsUnderDotCodex()
    {
        using var home = new TempFolder();
        var locator = Locator(home.Root);

        var roots = locator.Codex();

        roots.ShouldBe(
        [
            new SourceRoot("codex", home.PathOf(".codex", "sessions"), "default"),
            new SourceRoot("codex", home.PathOf(".codex", "archived_sessions"), "default"),
        ]);
    }

    [Fact]
    public void Codex_CodexHomeSet_SessionsFoldersUnderIt()
    {
        using var home = new TempFolder();
        var codexHome = home.PathOf("elsewhere", "codex");
        var locator = Locator(home.Root, ("CODEX_HOME", codexHome));

        var roots = locator.Codex();

        roots.ShouldBe(
        [
            new SourceRoot("codex", Path.Combine(codexHome, "sessions"), "CODEX_HOME"),
            new SourceRoot("codex", Path.Combine(codexHome, "archived_sessions"), "CODEX_HOME"),
        ]);
    }

    [Fact]
    public void Codex_CodexHomeStartsWithTilde_ExpandedToHome()
    {
        using var home = new TempFolder();
        var locator = Locator(home.Root, ("CODEX_HOME", "~/codex-alt"));

        var roots = locator.Codex();

        roots[0].Path.ShouldBe(home.PathOf("codex-alt", "sessions"));
    }

    [Fact]
    public void Explicit_ClaudeDirWithProjectsFolder_UsesProjectsFolder()
    {
        using var home = new TempFolder();
        var projects = home.CreateFolder("backup", "projects");

        var roots = SourceLocator.Explicit("claude-code", home.PathOf("backup"));

        var root = roots.ShouldHaveSingleItem();
        root.Path.ShouldBe(projects);
        root.Origin.ShouldBe($"--source claude-code={home.PathOf("backup")}");
    }

    [Fact]
    public void Explicit_ClaudeDirWithoutProjectsFolder_UsesDirItself()
    {
        using var home = new TempFolder();
        var copied = home.CreateFolder("copied-transcripts");

        var roots = SourceLocator.Explicit("claude-code", copied);

        roots.ShouldHaveSingleItem().Path.ShouldBe(copied);
    }

    [Fact]
    public void Explicit_CodexDirWithoutSessionsFolders_UsesDirItself()
    {
        using var home = new TempFolder();
        var exports = home.CreateFolder("exec-output");

        var roots = SourceLocator.Explicit("codex", exports);

        roots.ShouldHaveSingleItem().Path.ShouldBe(exports);
    }

    [Fact]
    public void Explicit_UnknownSource_Throws()
    {
        using var home = new TempFolder();

        var act = () => SourceLocator.Explicit("gemini", home.Root);

        act.ShouldThrow<ArgumentOutOfRangeException>();
    }

    private static SourceLocator Locator(string home, params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(v => v.Name, v => v.Value);
        return new SourceLocator(name => environment.GetValueOrDefault(name), home);
    }
}
