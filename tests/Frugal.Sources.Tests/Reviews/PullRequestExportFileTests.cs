using System.Text;
using Frugal.Domain.Outcomes;
using Frugal.Sources.Reviews;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.Reviews;

public sealed class PullRequestExportFileTests
{
    [Fact]
    public void Read_ConcatenatedWindowsWithOverlap_LaterEntryWinsAndDuplicateCounted()
    {
        // Two date windows, one line each, with an empty window between; #202 is in both.
        var result = PullRequestExport.Read(ReviewFixtures.PathOf("gh-windows-concatenated.json"));

        result.PullRequests.Select(pr => pr.Number).ShouldBe([201, 202, 203]);
        result.EntryCount.ShouldBe(4);
        result.DuplicateCount.ShouldBe(1);
        result.Diagnostics.ShouldBeEmpty();
        var replaced = result.PullRequests.Single(pr => pr.Number == 202);
        replaced.Title.ShouldBe("fix: midnight rollover (retitled)");
        replaced.Labels.ShouldBe(["bug"]);
    }

    [Fact]
    public void Read_ConcatenatedWindows_ExactTimesAcrossMidnightAndMonths()
    {
        // #201: 2026-01-30T16:00Z → 2026-01-31T09:00Z = 17 h; bob at 08:00 = 16 h after opening.
        // #202 (the later copy): 2026-01-31T22:00Z → 2026-02-01T01:00Z = 3 h; carol at 00:30 = 2 h 30 min.
        // #203: 2026-02-10T10:00Z → 2026-02-12T10:00Z = 48 h, no review.
        var result = PullRequestExport.Read(ReviewFixtures.PathOf("gh-windows-concatenated.json"));

        var facts = result.PullRequests.Select(ReviewFacts.Of).ToArray();

        facts.Select(f => f.ReviewTime)
            .ShouldBe([TimeSpan.FromHours(17), TimeSpan.FromHours(3), TimeSpan.FromHours(48)]);
        facts.Select(f => f.TimeToFirstReview).ShouldBe([TimeSpan.FromHours(16), new TimeSpan(2, 30, 0), null]);
    }

    [Fact]
    public void Read_MalformedEntriesInTheMiddle_RestLoadsAndEachSkipReported()
    {
        var result = PullRequestExport.Read(ReviewFixtures.PathOf("gh-malformed-entries.json"));

        result.PullRequests.Select(pr => pr.Number).ShouldBe([301, 307]);
        result.EntryCount.ShouldBe(7);
        result.Diagnostics.Select(d => (d.EntryIndex, d.LineNumber, d.Number)).ShouldBe([
            (1, 3L, (int?)null),
            (2, 4L, 303),
            (3, 5L, 304),
            (4, 6L, 305),
            (5, 8L, null),
        ]);
        result.Diagnostics[0].Reason.ShouldBe("is a string, not an object describing a pull request");
        result.Diagnostics[1].Reason.ShouldBe("no \"createdAt\": add it to the fields gh is given with --json");
        result.Diagnostics[2].Reason.ShouldBe(
            "\"createdAt\" is a string \"2026-03-02\"; expected an ISO 8601 instant with Z or an offset, such as "
            + "2026-03-02T09:00:00Z; \"mergedAt\" is a string \"yesterday\"; expected an ISO 8601 instant with Z or "
            + "an offset, such as 2026-03-02T09:00:00Z");
        result.Diagnostics[3].Reason.ShouldBe(
            "\"reviews[0].state\" is \"LOOKED_AT\"; expected one of "
            + "APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING");
        result.Diagnostics[4].Reason.ShouldBe("no \"number\": add it to the fields gh is given with --json");
    }

    [Fact]
    public void Read_Diagnostic_OneLineNamesEntryLineAndNumber()
    {
        var result = PullRequestExport.Read(ReviewFixtures.PathOf("gh-malformed-entries.json"));

        var text = result.Diagnostics[1].ToString();

        text.ShouldBe("entry 2 (line 4, #303): no \"createdAt\": add it to the fields gh is given with --json");
    }

    [Theory]
    [InlineData("""[{"number":"12","createdAt":"2026-03-02T09:00:00Z"}]""", "\"number\" is a string \"12\"")]
    [InlineData("""[{"number":0,"createdAt":"2026-03-02T09:00:00Z"}]""", "\"number\" is a number 0")]
    [InlineData("""[{"number":1,"createdAt":"2026-03-02T09:00:00"}]""", "\"createdAt\" is a string")]
    [InlineData("""[{"number":1,"createdAt":1772442000}]""", "\"createdAt\" is a number 1772442000")]
    [InlineData("""[{"number":1,"createdAt":"2026-03-02T09:00:00Z","labels":"bug"}]""", "\"labels\" is a string")]
    [InlineData("""[{"number":1,"createdAt":"2026-03-02T09:00:00Z","labels":[7]}]""", "\"labels[0]\" is a number")]
    [InlineData("""[{"number":1,"createdAt":"2026-03-02T09:00:00Z","author":"bob"}]""", "\"author\" is a string")]
    [InlineData("""[{"number":1,"createdAt":"2026-03-02T09:00:00Z","reviews":[1]}]""", "\"reviews[0]\" is a number")]
    [InlineData("""[{"number":1,"createdAt":"2026-03-02T09:00:00Z","reviews":[{"state":null}]}]""",
        "no \"reviews[0].state\"")]
    [InlineData("""[{"iid":1,"created_at":"2026-03-02T09:00:00Z","approved_by":[{"user":{}}]}]""",
        "no \"approved_by[0].user.username\"")]
    [InlineData("""[{"iid":1,"created_at":"2026-03-02T09:00:00Z","approved_by":[{"username":"bob"}]}]""",
        "no \"approved_by[0].user\"")]
    public void Read_WrongValue_SkippedNamingTheField(string json, string expected)
    {
        var result = PullRequestExport.Read(Encoding.UTF8.GetBytes(json), "export.json");

        result.PullRequests.ShouldBeEmpty();
        result.Diagnostics.ShouldHaveSingleItem().Reason.ShouldContain(expected);
    }

    [Fact]
    public void Read_NonJsonFile_ThrowsNamingFilePositionAndCommand()
    {
        // gh's tab-separated output when --json is left off.
        var path = ReviewFixtures.PathOf("gh-plain-text.txt");

        var error = Should.Throw<PullRequestExportException>(() => PullRequestExport.Read(path));

        error.Path.ShouldBe(path);
        error.LineNumber.ShouldBe(1);
        error.BytePositionInLine.ShouldBe(1);
        error.Message.ShouldStartWith(
            $"{path} (line 1, byte 1): has a number where an array or object of pull requests should be. ");
        error.Message.ShouldContain("Expected the JSON array that gh pr list --json writes, or GitLab's merge");
        error.Message.ShouldEndWith(PullRequestExport.GitHubCommand);
    }

    [Fact]
    public void Read_TextThatIsNotJson_ThrowsWithReaderPosition()
    {
        // "Showing" cannot start a JSON value: line 2, first byte.
        var text = "\nShowing 2 of 2 pull requests in example/frugal\n"u8.ToArray();

        var error = Should.Throw<PullRequestExportException>(() => PullRequestExport.Read(text, "prs.json"));

        error.LineNumber.ShouldBe(2);
        error.BytePositionInLine.ShouldBe(1);
        error.Problem.ShouldStartWith("is not JSON: ");
        error.Message.ShouldStartWith("prs.json (line 2, byte 1): is not JSON: ");
    }

    [Fact]
    public void Read_TruncatedArray_ThrowsNotJson()
    {
        var text = """[{"number":1,"createdAt":"2026-03-02T09:00:00Z"},{"number":2,"crea"""u8.ToArray();

        var error = Should.Throw<PullRequestExportException>(() => PullRequestExport.Read(text, "cut.json"));

        error.Problem.ShouldStartWith("is not JSON: ");
        error.LineNumber.ShouldBe(1);
    }

    [Fact]
    public void Read_EmptyFile_Throws()
    {
        var path = ReviewFixtures.PathOf("empty.json");

        var error = Should.Throw<PullRequestExportException>(() => PullRequestExport.Read(path));

        error.Message.ShouldStartWith($"{path}: is empty. Expected the JSON array");
        error.Message.ShouldContain(PullRequestExport.GitHubCommand);
        error.LineNumber.ShouldBeNull();
    }

    [Fact]
    public void Read_WhiteSpaceOnly_Throws()
    {
        var error = Should.Throw<PullRequestExportException>(() => PullRequestExport.Read(" \r\n\t\n"u8, "blank.json"));

        error.Problem.ShouldBe("is empty");
    }

    [Fact]
    public void Read_EmptyArray_NoPullRequests()
    {
        // What gh writes when no pull request matches.
        var result = PullRequestExport.Read("[]\n"u8, "none.json");

        result.PullRequests.ShouldBeEmpty();
        result.Diagnostics.ShouldBeEmpty();
        result.EntryCount.ShouldBe(0);
    }

    [Fact]
    public void Read_JsonOfAnotherKind_Throws()
    {
        // GitLab's answer to a request without a token.
        var error = Should.Throw<PullRequestExportException>(
            () => PullRequestExport.Read("""{"message":"401 Unauthorized"}"""u8, "mrs.json"));

        error.Problem.ShouldBe("holds JSON, but no entry has a \"number\" (gh) or an \"iid\" (GitLab)");
    }

    [Fact]
    public void Read_MissingFile_ThrowsCannotBeRead()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("absent.json");

        var error = Should.Throw<PullRequestExportException>(() => PullRequestExport.Read(path));

        error.Path.ShouldBe(path);
        error.Problem.ShouldStartWith("cannot be read");
    }

    [Fact]
    public void Read_Utf16WithByteOrderMark_Read()
    {
        // Windows PowerShell 5's `gh pr list --json … > prs.json` writes UTF-16 with a byte-order mark.
        using var folder = new TempFolder();
        var json = """[{"number":9,"title":"café","createdAt":"2026-03-02T09:00:00Z"}]""";
        byte[] utf16 = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(json)];
        var path = folder.WriteBytes("prs.json", utf16);

        var result = PullRequestExport.Read(path);

        result.PullRequests.ShouldHaveSingleItem().Title.ShouldBe("café");
    }

    [Fact]
    public void Read_Utf8WithByteOrderMark_Read()
    {
        var json = Encoding.UTF8.GetBytes("""[{"number":9,"createdAt":"2026-03-02T09:00:00Z"}]""");

        var result = PullRequestExport.Read([0xEF, 0xBB, 0xBF, .. json], "bom.json");

        result.PullRequests.ShouldHaveSingleItem().Number.ShouldBe(9);
    }

    [Fact]
    public void Read_Stream_SameAsFile()
    {
        using var stream = File.OpenRead(ReviewFixtures.PathOf("gh-merged.json"));

        var result = PullRequestExport.Read(stream, "stdin");

        result.PullRequests.Count.ShouldBe(4);
    }

    [Fact]
    public void Read_LoneValueAfterArray_ThrowsWithPosition()
    {
        var text = "[]\n  42\n"u8.ToArray();

        var error = Should.Throw<PullRequestExportException>(() => PullRequestExport.Read(text, "odd.json"));

        error.LineNumber.ShouldBe(2);
        error.BytePositionInLine.ShouldBe(3);
    }

    [Fact]
    public void Read_SkippedEntryThenValidDuplicate_NotCountedAsDuplicate()
    {
        // Only usable entries replace one another; the broken first copy is reported, the second loads.
        var text = """
            [{"number":4}]
            [{"number":4,"createdAt":"2026-03-02T09:00:00Z"}]
            """u8;

        var result = PullRequestExport.Read(text, "windows.json");

        result.PullRequests.ShouldHaveSingleItem().Number.ShouldBe(4);
        result.DuplicateCount.ShouldBe(0);
        result.Diagnostics.ShouldHaveSingleItem().LineNumber.ShouldBe(1);
    }
}
