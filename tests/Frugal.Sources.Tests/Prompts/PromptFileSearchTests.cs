using Frugal.Sources.Prompts;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.Prompts;

public sealed class PromptFileSearchTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("a.prompt.yml", true)]
    [InlineData("a.prompt.yaml", true)]
    [InlineData("A.Prompt.YML", true)]
    [InlineData("a.PROMPT.yaml", true)]
    [InlineData("a.yml", false)]
    [InlineData("a.prompt.yml.bak", false)]
    [InlineData("aprompt.yml", false)]
    public void IsPromptFile_TheEndingInAnyLetterCase_IsAPromptFile(string name, bool expected) =>
        PromptFileSearch.IsPromptFile(name).ShouldBe(expected);

    [Fact]
    public void Find_AFolder_PassesOverBuildAndToolFolders()
    {
        _folder.WriteText("p/a.prompt.yml", "name: a\n");
        _folder.WriteText("p/bin/Debug/a.prompt.yml", "name: copy\n");
        _folder.WriteText("p/obj/a.prompt.yml", "name: copy\n");
        _folder.WriteText("p/node_modules/x/a.prompt.yml", "name: copy\n");
        _folder.WriteText("p/.git/a.prompt.yml", "name: copy\n");
        _folder.WriteText("p/binary/b.prompt.yml", "name: b\n");

        var found = PromptFileSearch.Find(_folder.PathOf("p"));

        found.Select(f => Path.GetRelativePath(_folder.Root, f).Replace('\\', '/'))
            .ShouldBe(["p/a.prompt.yml", "p/binary/b.prompt.yml"]);
    }

    [Fact]
    public void Find_AFolder_IncludesLinkedFilesButFollowsNoLinkedFolder()
    {
        _folder.WriteText("common/c.prompt.yml", "name: c\n");
        _folder.WriteText("prompts/a.prompt.yml", "name: a\n");
        _folder.WriteText("prompts/Upper.Prompt.YML", "name: u\n");
        _folder.WriteText("prompts/sub/b.prompt.yaml", "name: b\n");
        _folder.WriteText("prompts/notes.yml", "not: a prompt\n");
        File.CreateSymbolicLink(_folder.PathOf("prompts", "linked.prompt.yml"), "../common/c.prompt.yml");
        Directory.CreateSymbolicLink(_folder.PathOf("prompts", "common"), "../common");
        Directory.CreateSymbolicLink(_folder.PathOf("prompts", "sub", "loop"), "..");

        var found = PromptFileSearch.Find(_folder.PathOf("prompts"));

        found.Select(f => Path.GetRelativePath(_folder.Root, f).Replace('\\', '/')).ShouldBe(
        [
            "prompts/Upper.Prompt.YML", "prompts/a.prompt.yml", "prompts/linked.prompt.yml",
            "prompts/sub/b.prompt.yaml",
        ]);
    }

    [Fact]
    public void Resolve_FilesAndFolders_EachFileOnceAndEveryProblemTold()
    {
        var a = _folder.WriteText("prompts/a.prompt.yml", "name: a\n");
        var b = _folder.WriteText("prompts/sub/b.prompt.yaml", "name: b\n");
        var empty = _folder.CreateFolder("empty");
        var missing = _folder.PathOf("missing.prompt.yml");

        var found = PromptFileSearch.Resolve([a, _folder.PathOf("prompts"), a], "prompts", "lint");
        var refused = PromptFileSearch.Resolve([empty, missing, a], "prompts", "lint");

        found.Files.ShouldBe([a, b]);
        found.Problems.ShouldBeEmpty();
        refused.Files.ShouldBe([a]);
        refused.Problems.ShouldBe([
            $"{empty} holds no *.prompt.yml or *.prompt.yaml file.",
            $"{missing}: no such file or folder; give prompt files or folders holding them.",
        ]);
    }

    [Fact]
    public void Resolve_NoPath_ReadsTheDefaultAndSaysWhatToPassWhenItHoldsNothing()
    {
        var missing = _folder.PathOf("prompts");
        var empty = _folder.CreateFolder("empty");

        PromptFileSearch.Resolve([], missing, "lint").Problems.ShouldBe(
            [$"there is no {missing}/ folder here: pass the prompt files or folders to lint."]);
        PromptFileSearch.Resolve([], empty, "test").Problems.ShouldBe(
            [$"there is no *.prompt.yml or *.prompt.yaml file in {empty}/ or below: pass the prompt files or folders "
                + "to test."]);
        var file = _folder.WriteText("empty/c.prompt.yml", "name: c\n");
        PromptFileSearch.Resolve([], empty, "test").Files.ShouldBe([file]);
    }

    [Fact]
    public void WhyNotRead_ARegularFileOrALinkToOne_IsNull()
    {
        var file = _folder.WriteText("a.prompt.yml", "name: a\n");
        File.CreateSymbolicLink(_folder.PathOf("b.prompt.yml"), "a.prompt.yml");

        PromptFileSearch.WhyNotRead(file).ShouldBeNull();
        PromptFileSearch.WhyNotRead(_folder.PathOf("b.prompt.yml")).ShouldBeNull();
    }

    [Fact]
    public void WhyNotRead_AnEmptyFileOrALinkToNothing_SaysWhy()
    {
        var empty = _folder.WriteText("empty.prompt.yml", string.Empty);
        File.CreateSymbolicLink(_folder.PathOf("broken.prompt.yml"), "gone.prompt.yml");

        PromptFileSearch.WhyNotRead(empty).ShouldBe("is empty, or is not a regular file (a FIFO, socket or device, "
            + "whose reading could wait forever), so it was not read: a prompt file is a regular file holding YAML");
        PromptFileSearch.WhyNotRead(_folder.PathOf("broken.prompt.yml")).ShouldBe(
            "is a link to gone.prompt.yml, which does not exist: fix the link or remove it");
    }
}
