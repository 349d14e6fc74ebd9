using System.Text.Json.Nodes;
using System.Xml.Linq;
using Frugal.Cli.Tests.Support;
using Frugal.Storage.Tests.TestData;
using Microsoft.Data.Sqlite;
using Shouldly;

namespace Frugal.Cli.Tests.Prompts.Testing;

public sealed class PromptTestCommandTests : IDisposable
{
    private const string Prompt = """
        name: greet
        model: openai/gpt-4o-mini
        modelParameters:
          temperature: 0
          maxTokens: 50
        messages:
          - role: system
            content: Answer with one word.
          - role: user
            content: 'Say {{word}}'
        testData:
          - id: says-ok
            word: ok
        evaluators:
          - name: says the word
            string:
              contains: '{{word}}'
          - name: judge
            uses: github/fluency
        checks:
          - type: max-output-tokens
            value: 20
        metadata:
          repeat: 3
          seed: 7
        """;

    private readonly TempFolder _home = new();

    private string Ledger => _home.Combine("ledger.db");

    private string File => _home.Combine("greet.prompt.yml");

    public PromptTestCommandTests() => System.IO.File.WriteAllText(File, Prompt);

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Test_FlakyCase_ReportsTwoOfThreeAndFails()
    {
        await using var fake = await FakeChatServer.StartAsync((call, _) => new FakeAnswer(call == 2 ? "no" : "OK"));
        var junit = _home.Combine("results.xml");

        var result = Run(fake, "--json", "--junit", junit);

        result.ExitCode.ShouldBe(1, result.Stderr);
        var testCase = Json(result)["prompts"]![0]!["cases"]![0]!;
        testCase["passedRuns"]!.GetValue<int>().ShouldBe(2);
        testCase["flaky"]!.GetValue<bool>().ShouldBeTrue();
        testCase["passed"]!.GetValue<bool>().ShouldBeFalse();
        var judge = testCase["runs"]![0]!["assertions"]!.AsArray().Single(a => a!["name"]!.ToString() == "judge")!;
        judge["outcome"]!.ToString().ShouldBe("not-run");
        judge["detail"]!.ToString().ShouldContain("LLM judge");
        var xml = XDocument.Load(junit);
        var suite = xml.Root!.Element("testsuite")!;
        // Three runs and the efficiency gate, which passes: 2 passed runs over 3 × 50 tokens is 13.3 per 1,000.
        ((int)suite.Attribute("tests")!).ShouldBe(4);
        ((int)suite.Attribute("failures")!).ShouldBe(1);
        ((int)suite.Attribute("errors")!).ShouldBe(0);
        suite.Elements("testcase").Count().ShouldBe(4);
        suite.Elements("testcase").Count(t => t.Element("failure") is not null).ShouldBe(1);
        suite.Elements("testcase").Last().Element("system-out")!.Value
            .ShouldBe("efficiency 13.333 passed cases per 1,000 tokens, meets the policy minimum 0.8");
    }

    [Fact]
    public async Task Test_AllPass_WritesLedgerRowsOfSourcePromptTest()
    {
        await using var fake = await FakeChatServer.StartAsync((_, _) => new FakeAnswer("ok"));

        var result = Run(fake, "--min-efficiency", "0");

        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
        result.Stdout.ShouldContain("3 of 3 runs passed");
        result.Stdout.ShouldContain("tokens per passed case 50");
        // 3 passed runs over 3 x 50 tokens: 3,000 / 150 = 20 per 1,000 tokens.
        result.Stdout.ShouldContain("efficiency 20 passed cases per 1,000 tokens");
        var rows = LedgerRows();
        rows.Count.ShouldBe(3);
        rows.ShouldAllBe(r => r.Input == 40 && r.Output == 10 && r.Provenance == 0);
    }

    [Fact]
    public async Task Test_DefaultPolicy_FailsBelowMinimumEfficiency()
    {
        // 40 prompt + 2,000 output tokens per passed case: 1,000 / 2,040 = 0.49 passed cases per 1,000 tokens.
        await using var fake = await FakeChatServer.StartAsync((_, _) => new FakeAnswer("ok", CompletionTokens: 2000));

        var result = Run(fake);

        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldContain("below the policy minimum 0.8");
    }

    [Fact]
    public async Task Test_EndpointWithoutUsage_CountsTokensAndMarksThemEstimated()
    {
        await using var fake = await FakeChatServer.StartAsync((_, _) => new FakeAnswer("ok", Usage: false));

        var result = Run(fake, "--json", "--repeat", "1", "--min-efficiency", "0");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var prompt = Json(result)["prompts"]![0]!;
        prompt["tokensEstimated"]!.GetValue<bool>().ShouldBeTrue();
        var run = prompt["cases"]![0]!["runs"]![0]!;
        run["tokensEstimated"]!.GetValue<bool>().ShouldBeTrue();
        run["promptTokens"]!.GetValue<long>().ShouldBeGreaterThan(10);
        run["completionTokens"]!.GetValue<long>().ShouldBe(1);
        LedgerRows().Single().Provenance.ShouldBe(32);
    }

    [Fact]
    public async Task Test_NumericTestValues_AreSentAndCheckedAsGhModelsPrintsThem()
    {
        System.IO.File.WriteAllText(File, Prompt.Replace("word: ok", "word: 0x1F", StringComparison.Ordinal));
        await using var fake = await FakeChatServer.StartAsync((_, _) => new FakeAnswer("31"));

        var result = Run(fake, "--json", "--repeat", "1", "--min-efficiency", "0");

        // yaml.v3 reads 0x1F as the integer 31 and gh-models substitutes it with %v: "Say 31", and the evaluator
        // looks for 31.
        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
        fake.Requests.Single().Json["messages"]![1]!["content"]!.ToString().ShouldBe("Say 31");
    }

    [Fact]
    public void Test_MetadataRepeatAboveTheOptionsLimit_IsRefusedWithTheOptionsMessage()
    {
        System.IO.File.WriteAllText(File, Prompt.Replace("repeat: 3", "repeat: 101", StringComparison.Ordinal));

        var result = FrugalProcess.Run(_home.Path, "prompt", "test", File, "--endpoint", "http://127.0.0.1:9");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain(":24:11: metadata.repeat 101 is out of range: give 1 to 100 runs per case");
    }

    [Fact]
    public void Test_EndpointWithCredentials_NeverPrintsThem()
    {
        var environment = new Dictionary<string, string> { ["XDG_CACHE_HOME"] = _home.Combine("cache") };

        // Nothing listens on port 9 of the loopback, so every call fails and its error names the endpoint.
        var unreachable = FrugalProcess.RunWith(_home.Path, environment, "prompt", "test", File, "--endpoint",
            "http://user:s3cret@127.0.0.1:9", "--repeat", "1", "--json", "--ledger", Ledger);
        var text = FrugalProcess.RunWith(_home.Path, environment, "prompt", "test", File, "--endpoint",
            "http://user:s3cret@127.0.0.1:9", "--repeat", "1", "--ledger", Ledger);
        var notHttp = FrugalProcess.Run(_home.Path, "prompt", "test", File, "--endpoint", "ftp://user:s3cret@host/");

        unreachable.ExitCode.ShouldBe(1);
        Json(unreachable)["prompts"]![0]!["cases"]![0]!["runs"]![0]!["error"]!.ToString()
            .ShouldStartWith("cannot reach http://***@127.0.0.1:9/v1/chat/completions: ");
        text.Stdout.ShouldContain("error: cannot reach http://***@127.0.0.1:9/v1/chat/completions");
        notHttp.Stderr.ShouldContain("--endpoint 'ftp://***@host/' is not an http(s) URL");
        foreach (var output in new[] { unreachable, text, notHttp })
        {
            (output.Stdout + output.Stderr).ShouldNotContain("s3cret");
        }
    }

    [Fact]
    public async Task Test_EndpointThatHangs_FailsClearlyWithinTheTimeout()
    {
        await using var fake = await FakeChatServer.StartAsync(
            (_, _) => new FakeAnswer("ok", Delay: TimeSpan.FromMinutes(5)));
        var started = TimeProvider.System.GetTimestamp();

        var result = Run(fake, "--repeat", "1", "--timeout", "1");

        TimeProvider.System.GetElapsedTime(started).ShouldBeLessThan(TimeSpan.FromSeconds(30));
        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldContain("no answer from");
        result.Stdout.ShouldContain("within 1 s (--timeout)");
    }

    [Fact]
    public async Task Test_SecondRun_IsServedFromTheDiskCache()
    {
        await using var fake = await FakeChatServer.StartAsync((_, _) => new FakeAnswer("ok"));
        Run(fake, "--min-efficiency", "0").ExitCode.ShouldBe(0);

        var again = Run(fake, "--json", "--min-efficiency", "0");

        again.ExitCode.ShouldBe(0, again.Stderr);
        fake.Requests.Count.ShouldBe(3);
        var runs = Json(again)["prompts"]![0]!["cases"]![0]!["runs"]!.AsArray();
        runs.ShouldAllBe(r => r!["fromCache"]!.GetValue<bool>());
        LedgerRows().Count.ShouldBe(3);
        Run(fake, "--no-cache", "--min-efficiency", "0").ExitCode.ShouldBe(0);
        fake.Requests.Count.ShouldBe(6);
    }

    [Fact]
    public async Task Test_ViaGateway_SendsBearerKeyAndSessionHeader()
    {
        await using var fake = await FakeChatServer.StartAsync((_, _) => new FakeAnswer("ok"));
        var environment = new Dictionary<string, string>
        {
            ["XDG_CACHE_HOME"] = _home.Combine("cache"),
            ["FRUGAL_TEST_KEY"] = "sk-frugal-test",
        };

        var result = FrugalProcess.RunWith(_home.Path, environment, "prompt", "test", File, "--endpoint",
            fake.BaseUrl + "v1", "--via-gateway", "--api-key-env", "FRUGAL_TEST_KEY", "--repeat", "1",
            "--min-efficiency", "0", "--ledger", Ledger);

        result.ExitCode.ShouldBe(0, result.Stderr);
        var request = fake.Requests.Single();
        request.Path.ShouldBe("/v1/chat/completions");
        request.Headers["authorization"].ShouldBe("Bearer sk-frugal-test");
        request.Headers["x-frugal-session"].ShouldBe("prompt-test");
    }

    [Fact]
    public async Task Test_ControlCharactersInAReply_StillGiveWellFormedJUnit()
    {
        await using var fake = await FakeChatServer.StartAsync((_, _) => new FakeAnswer("ok \u001b[31m red \u0001"));
        var junit = _home.Combine("junit.xml");

        var result = Run(fake, "--junit", junit, "--min-efficiency", "0");

        result.Stderr.ShouldNotContain("unexpected error");
        var suite = System.Xml.Linq.XDocument.Load(junit).Root!;
        suite.Descendants("testcase").Count(t => t.Attribute("name")!.Value != "efficiency").ShouldBe(3);
    }

    [Fact]
    public void Test_JUnitIntoAMissingFolder_IsAUsageErrorBeforeAnyCall()
    {
        var result = FrugalProcess.Run(_home.Path, "prompt", "test", File, "--endpoint", "http://127.0.0.1:9",
            "--junit", _home.Combine("no", "such", "folder", "j.xml"));

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("is not a file in an existing folder");
    }

    [Theory]
    [InlineData("\"10\"", "5")]
    [InlineData("-100", "-100")]
    [InlineData("0", "0")]
    public async Task Test_UsageThatCannotBeRight_IsCountedHereAndMarkedEstimated(string prompt, string completion)
    {
        await using var fake = await FakeChatServer.StartAsync((_, _) => new FakeAnswer("ok")
        {
            RawUsage = $$"""{"prompt_tokens":{{prompt}},"completion_tokens":{{completion}}}""",
        });

        var result = Run(fake, "--json", "--repeat", "1", "--min-efficiency", "0");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var run = Json(result)["prompts"]![0]!["cases"]![0]!["runs"]![0]!;
        run["tokensEstimated"]!.GetValue<bool>().ShouldBeTrue();
        run["promptTokens"]!.GetValue<long>().ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("--repeat", "abc", "Cannot parse argument 'abc' for option '--repeat' as a whole number")]
    [InlineData("--repeat", "101", "--repeat 101 is out of range: give 1 to 100 runs per case.")]
    [InlineData("--min-efficiency", "NaN", "--min-efficiency NaN is not a number of passed cases per 1,000 tokens")]
    [InlineData("--min-efficiency", "-1", "--min-efficiency -1 is not a number of passed cases per 1,000 tokens")]
    public void Test_BadOption_OneClearLine(string option, string value, string expected)
    {
        var result = FrugalProcess.Run(
            _home.Path, "prompt", "test", File, "--endpoint", "http://127.0.0.1:9", option, value);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain(expected);
    }

    internal FrugalProcess.Result Run(FakeChatServer fake, params string[] extra)
    {
        var environment = new Dictionary<string, string> { ["XDG_CACHE_HOME"] = _home.Combine("cache") };
        string[] args = ["prompt", "test", File, "--endpoint", fake.BaseUrl.ToString(), "--ledger", Ledger];
        return FrugalProcess.RunWith(_home.Path, environment, [.. args, .. extra]);
    }

    private static JsonNode Json(FrugalProcess.Result result) => JsonNode.Parse(result.Stdout)!;

    private List<(long Input, long Output, long Provenance)> LedgerRows()
    {
        using var connection = new SqliteConnection($"Data Source={Ledger};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT input_tokens, output_tokens, provenance FROM usage WHERE source = 'prompt-test' ORDER BY id;";
        using var reader = command.ExecuteReader();
        var rows = new List<(long, long, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return rows;
    }
}
