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
