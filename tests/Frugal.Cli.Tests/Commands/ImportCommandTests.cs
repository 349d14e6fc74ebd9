using System.Text.Json;
using Frugal.Cli.Tests.Support;
using Frugal.Storage.Tests.TestData;
using Microsoft.Data.Sqlite;
using Shouldly;
using Snapshooter.Xunit3;

namespace Frugal.Cli.Tests.Commands;

public sealed class ImportCommandTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public void Report_SinceAndUntil_AreInclusiveLocalDatesOfTheZone()
    {
        WriteClaude("s1",
            Assistant("m1", "2026-05-01T23:30:00Z", output: 1),
            Assistant("m2", "2026-05-02T00:30:00Z", output: 10),
            Assistant("m3", "2026-05-02T16:00:00Z", output: 100));
        string[] range = ["--since", "2026-05-02", "--until", "20260502"];

        var utc = Totals(["report", "daily", "--timezone", "UTC", .. range]);
        var tokyo = Totals(["report", "daily", "--timezone", "Asia/Tokyo", .. range]);

        // UTC: only 00:30Z and 16:00Z fall on 2026-05-02. Tokyo (UTC+9): 23:30Z is 08:30 on the 2nd, 00:30Z is
        // 09:30 on the 2nd, and 16:00Z is 01:00 on the 3rd.
        utc.GetProperty("outputTokens").GetInt64().ShouldBe(110);
        tokyo.GetProperty("outputTokens").GetInt64().ShouldBe(11);
    }

    [Fact]
    public void Import_LedgerOfAnotherProgram_IsRefusedAndLeftAsItWas()
    {
        WriteClaude("s1", Assistant("m1", "2026-05-01T10:00:00Z", output: 1));
        var other = _home.Combine("other.db");
        using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep me');";
            create.ExecuteNonQuery();
        }

        var before = File.ReadAllBytes(other);

        var result = FrugalProcess.Run(_home.Path, "import", "--ledger", other, "--source", $"claude-code={Logs}");

        result.ExitCode.ShouldBe(1);
        result.Stderr.TrimEnd('\n').Split('\n').ShouldHaveSingleItem()
            .ShouldContain("a SQLite database of another program, not a Frugal ledger");
        File.ReadAllBytes(other).SequenceEqual(before).ShouldBeTrue("the other program's file was changed");
    }

    [Fact]
    public void Import_UnfinishedLastLineAndALink_AreBothReported()
    {
        var file = WriteClaude("s1", Assistant("m1", "2026-05-01T10:00:00Z", output: 1));
        var unfinishedLine = "{\"type\":\"assistant\",\"timestamp\":\"2026-05-01T10:01:00Z\",\"mess";
        File.AppendAllText(file, unfinishedLine);
        File.CreateSymbolicLink(Path.Combine(Path.GetDirectoryName(file)!, "linked.jsonl"), file);

        var result = FrugalProcess.Run(
            _home.Path, "import", "--ledger", Ledger, "--source", $"claude-code={Logs}", "--json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var unfinished = json.RootElement.GetProperty("unfinishedLines").EnumerateArray().ShouldHaveSingleItem();
        unfinished.GetProperty("path").GetString().ShouldBe(file);
        unfinished.GetProperty("bytes").GetInt64().ShouldBe(unfinishedLine.Length);
        json.RootElement.GetProperty("fileErrors").EnumerateArray().ShouldHaveSingleItem()
            .GetProperty("message").GetString().ShouldBe("a link, not followed");
        json.RootElement.GetProperty("callsAdded").GetInt64().ShouldBe(1);
    }

    [Fact]
    public void Prices_KnownModelOnAGivenDate_MatchesTheSnapshot()
    {
        var result = FrugalProcess.Run(
            _home.Path, "prices", "openrouter/anthropic/claude-opus-4.6", "--date", "2026-06-01");

        result.ExitCode.ShouldBe(0, result.Stderr);
        Snapshot.Match(result.Stdout);
    }

    [Fact]
    public void Prices_UnknownModel_ExitsOneWithOneLineOnStderr()
    {
        var result = FrugalProcess.Run(_home.Path, "prices", "my-own-model-7b");

        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldContain("no entry matched: the model is unpriced");
        result.Stderr.TrimEnd('\n').Split('\n').ShouldHaveSingleItem()
            .ShouldStartWith("frugal: my-own-model-7b has no price");
    }

    private string Logs => _home.Combine("logs");

    private string Ledger => _home.Combine("ledger.db");

    private JsonElement Totals(string[] args)
    {
        var result = FrugalProcess.Run(
            _home.Path, [.. args, "--json", "--ledger", Ledger, "--source", $"claude-code={Logs}"]);
        result.ExitCode.ShouldBe(0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement.GetProperty("totals").Clone();
    }

    private string WriteClaude(string session, params string[] lines)
    {
        var path = Path.Combine(Logs, "projects", "-home-dev-app", session + ".jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private static string Assistant(string id, string at, int output) =>
        "{\"type\":\"assistant\",\"sessionId\":\"s1\",\"cwd\":\"/home/dev/app\",\"requestId\":\"r-" + id
        + "\",\"timestamp\":\"" + at + "\",\"message\":{\"id\":\"" + id
        + "\",\"model\":\"claude-sonnet-4-5-20250929\",\"usage\":{\"input_tokens\":1,\"output_tokens\":" + output
        + "}}}";
}
