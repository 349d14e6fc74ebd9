using Frugal.Domain.Prompts.Diff;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Prompts.Diff;

public sealed class LineDiffTests
{
    [Fact]
    public void Lines_OneLineChangedAmongOthers_ListsOnlyThatLine()
    {
        LineDiff.Lines("a\nb\nc\n", "a\nB\nc\nd\n").ShouldBe(["- b", "+ B", "+ d"]);
    }

    [Fact]
    public void Lines_SameText_IsEmpty()
    {
        LineDiff.Lines("a\nb", "a\nb\n").ShouldBeEmpty();
    }

    [Fact]
    public void Lines_MoreThanTheLimit_SaysHowManyMore()
    {
        var lines = LineDiff.Lines("1\n2\n3", "4\n5\n6", limit: 4);

        lines.ShouldBe(["- 1", "- 2", "- 3", "+ 4", "… 2 more changed lines"]);
    }
}
