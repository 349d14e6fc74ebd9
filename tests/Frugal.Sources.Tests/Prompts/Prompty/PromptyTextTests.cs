using Frugal.Sources.Prompts;
using Frugal.Sources.Prompts.Prompty;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.Prompts.Prompty;

public sealed class PromptyTextTests
{
    // The four normative front-matter vectors of the Prompty spec (spec.md §2.2).
    [Theory]
    [InlineData("---\nname: test\n---\nHello world", "name: test", "Hello world")]
    [InlineData("Just a prompt with no frontmatter", null, "Just a prompt with no frontmatter")]
    [InlineData("---\n---\nBody only", "", "Body only")]
    [InlineData("  ---\nname: test\n---\nBody", "name: test", "Body")]
    public void Split_SpecVectors(string text, string? frontMatter, string body)
    {
        var split = PromptyText.Split("x.prompty", text);

        split.FrontMatter.ShouldBe(frontMatter);
        split.Body.ShouldBe(body);
    }

    [Fact]
    public void Split_PlusDelimitersAndLineNumbers()
    {
        var split = PromptyText.Split("x.prompty", "\n+++\nname: a\nmodel: b\n+++\n\n\nsystem:\nHi\n");

        split.FrontMatter.ShouldBe("name: a\nmodel: b");
        split.FrontMatterLine.ShouldBe(3);
        split.Body.ShouldBe("system:\nHi");
        split.BodyLine.ShouldBe(8);
    }

    [Fact]
    public void Split_UnclosedFrontMatter_NamesTheLine()
    {
        var error = Should.Throw<PromptFileException>(() => PromptyText.Split("x.prompty", "\n---\nname: a\n"));

        error.Problems.ShouldHaveSingleItem().Line.ShouldBe(2);
        error.Message.ShouldContain("never closed");
    }

    // The marker forms of spec.md §2.10, and lines that are not markers.
    [Theory]
    [InlineData("system:", true)]
    [InlineData("USER:", true)]
    [InlineData("  assistant:  ", true)]
    [InlineData("# system:", true)]
    [InlineData("assistant[nonce=abc123]:", true)]
    [InlineData("developer:", true)]
    [InlineData("user: hello", false)]
    [InlineData("users:", false)]
    [InlineData("tool:", false)]
    [InlineData("## user:", false)]
    public void IsRoleMarker(string line, bool expected) => PromptyText.IsRoleMarker(line).ShouldBe(expected);

    [Fact]
    public void Messages_LeadingTextIsSystem_OnlyNewlinesTrimmed_EveryMarkerAMessage()
    {
        // As Prompty's strict mode (its default) splits: a marker directly followed by another is an empty message.
        const string body = "Intro\n\nuser:\n\n  indented\ntext  \n\nsystem:\nassistant:\nDone\nuser:";

        var messages = PromptyText.Messages(body, firstLine: 10);

        messages.Select(m => (m.Role, m.Content)).ShouldBe(
        [
            ("system", "Intro"),
            ("user", "  indented\ntext  "),
            ("system", string.Empty),
            ("assistant", "Done"),
            ("user", string.Empty),
        ]);
        messages.Select(m => (m.Line, m.ContentLine)).ShouldBe([(10, 10), (12, 14), (17, 18), (18, 19), (20, 21)]);
    }

    [Theory]
    [InlineData("---\nname: a\ndescription: |\n  x\n  ---\n  y\nmodel: gpt-4o\n---\nuser:\nhi",
        "name: a\ndescription: |\n  x\n  ---\n  y\nmodel: gpt-4o", "user:\nhi")]
    [InlineData("---\nname: a\n---x\nbody", "name: a", "body")]
    [InlineData("---\nname: a\n---\n   indented first line\n", "name: a", "indented first line")]
    public void Split_OnlyAFirstColumnDelimiterCloses_AndTheBodyIsTrimmed(string text, string front, string body)
    {
        var split = PromptyText.Split("x.prompty", text);

        split.FrontMatter.ShouldBe(front);
        split.Body.ShouldBe(body);
    }

    [Theory]
    [InlineData("\uFEFFuser:", true)]
    [InlineData("\u0085user:", false)]
    [InlineData("user[\u00e9=1]:", false)]
    public void IsRoleMarker_JavaScriptWhitespaceAndWordRules(string line, bool expected) =>
        PromptyText.IsRoleMarker(line).ShouldBe(expected);
}
