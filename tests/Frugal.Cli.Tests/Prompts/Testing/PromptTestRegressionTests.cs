using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Frugal.Cli.Commands;
using Frugal.Cli.Tests.Support;
using Frugal.Storage.Tests.TestData;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace Frugal.Cli.Tests.Prompts.Testing;

/// <summary>
/// Faults of <c>frugal prompt test</c> found by a break test, each pinned by the test named after it.
/// </summary>
public sealed class PromptTestRegressionTests : IDisposable
{
    private const string TwoCases = """
        name: a
        model: openai/gpt-4o-mini
        messages:
          - role: user
            content: 'Ticket: {{ticket}}'
        testData:
          - id: one
            ticket: charged twice
          - id: two
            ticket: login
        checks:
          - type: icontains
            value: refund
        metadata:
          version: 1.0.0
          reviewers: [alice]
        """;

    private const string Ok = """{"choices":[{"message":{"role":"assistant","content":"refund"}}],"usage":"""
        + """{"prompt_tokens":50,"completion_tokens":5}}""";

    private const string NoMessage = """{"choices":[{"message":null}]}""";

    private readonly TempFolder _home = new();

    public PromptTestRegressionTests() => Write("a.prompt.yml", TwoCases);

    public void Dispose() => _home.Dispose();

    private string Ledger => _home.Combine("ledger.db");

    private string Write(string name, string text)
    {
        var path = _home.Combine("work", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs <c>frugal prompt test</c> in the work folder, with its own cache and ledger.</summary>
    private FrugalProcess.Result Test(params string[] args) =>
        FrugalProcess.Shell(_home.Path, $"cd '{_home.Combine("work")}' && export XDG_CACHE_HOME='"
            + _home.Combine("cache") + "' && $FRUGAL prompt test --ledger '" + Ledger + "' "
            + string.Join(" ", args.Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'")));

    private int LedgerRows()
    {
        if (!File.Exists(Ledger))
        {
            return 0;
        }

        using var connection = new SqliteConnection($"Data Source={Ledger};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM usage WHERE source = 'prompt-test';";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    // ---- 1: malformed replies ----

    [Theory]
    [InlineData(NoMessage, "error: the answer has no choices[0].message: " + NoMessage)]
    [InlineData("""{"choices":[null]}""", """error: the answer has no choices[0].message: {"choices":[null]}""")]
    [InlineData("""{"choices":["x"]}""", """error: the answer has no choices[0].message: {"choices":["x"]}""")]
    [InlineData("""{"choices":[{"message":{"content":42}}]}""",
        """error: the answer's choices[0].message.content is a JSON number, not text: """
        + """{"choices":[{"message":{"content":42}}]}""")]
    [InlineData("""{"choices":[{"message":{"content":["a"]}}]}""",
        """error: the answer's choices[0].message.content is a JSON array, not text: """
        + """{"choices":[{"message":{"content":["a"]}}]}""")]
    [InlineData("""{"choices":[{"message":{"content":"refund \ud800"}}]}""",
        """error: the answer's choices[0].message.content holds half a surrogate pair (such as \ud800 alone), """
        + """which is not text: {"choices":[{"message":{"content":"refund \ud800"}}]}""")]
    public async Task Test_MalformedReply_IsAFailedCallNotACrash(string body, string error)
    {
        await using var server = await RawServer.StartAsync(_ => new RawAnswer(200, "application/json", body));

        var result = Test("a.prompt.yml", "--endpoint", server.BaseUrl, "--no-cache", "--junit", "j.xml");

        result.Stderr.ShouldNotContain("unexpected error");
        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldContain("FAIL  one: 0 of 1 runs passed\n        " + error + "\n");
        File.Exists(_home.Combine("work", "j.xml")).ShouldBeTrue();
    }

    [Fact]
    public async Task Test_ContentTypeWithAnUnknownCharset_IsReadAsUtf8()
    {
        await using var server = await RawServer.StartAsync(_ =>
            new RawAnswer(200, "application/json; charset=bogus", Ok));

        var result = Test("a.prompt.yml", "--endpoint", server.BaseUrl, "--no-cache", "--min-efficiency", "0");

        result.Stderr.ShouldNotContain("unexpected error");
        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
        result.Stdout.ShouldContain("pass  one: 1 of 1 runs passed");
    }

    [Fact]
    public async Task Test_ACallMadeBeforeALaterBadReply_IsInTheLedgerAndTheCacheStaysInStep()
    {
        await using var server = await RawServer.StartAsync(call =>
            new RawAnswer(200, "application/json", call == 2 ? NoMessage : Ok));

        var first = Test("a.prompt.yml", "--endpoint", server.BaseUrl, "--min-efficiency", "0");
        var rowsAfterFirst = LedgerRows();
        var second = Test("a.prompt.yml", "--endpoint", server.BaseUrl, "--min-efficiency", "0");

        first.ExitCode.ShouldBe(1, first.Stderr);
        rowsAfterFirst.ShouldBe(1, "the first call answered and was paid for");
        second.ExitCode.ShouldBe(0, second.Stdout + second.Stderr);
        server.Calls.ShouldBe(3, "case one is served from the cache the second time");
        LedgerRows().ShouldBe(2, "one row per call that answered: calls 1 and 3");
    }

    // ---- 6: verdicts that agree with the exit code ----

    [Fact]
    public async Task Test_AnUnreadableFileBesideAPassingOne_IsAFailedFileInJsonAndJUnit()
    {
        await using var server = await RawServer.StartAsync(_ => new RawAnswer(200, "application/json", Ok));
        Write("bad.prompt.yml", "name: [\n");

        var result = Test("a.prompt.yml", "bad.prompt.yml", "--endpoint", server.BaseUrl, "--no-cache", "--json",
            "--junit", "j.xml");

        result.ExitCode.ShouldBe(1);
        var json = JsonNode.Parse(result.Stdout)!;
        json["passed"]!.GetValue<bool>().ShouldBeFalse("the exit code says the run failed; the JSON must agree");
        var bad = json["prompts"]!.AsArray().Single(p => p!["path"]!.ToString() == "bad.prompt.yml")!;
        bad["passed"]!.GetValue<bool>().ShouldBeFalse();
        bad["name"].ShouldBeNull();
        bad["problems"]!.AsArray().Count.ShouldBeGreaterThan(0);
        bad["cases"]!.AsArray().ShouldBeEmpty();
        var suite = JUnitSuite("bad.prompt.yml");
        ((int)suite.Attribute("errors")!).ShouldBe(1);
        suite.Element("testcase")!.Attribute("name")!.Value.ShouldBe("prompt file");
        suite.Element("testcase")!.Element("error")!.Attribute("message")!.Value
            .ShouldStartWith("the file does not read: ");
        ((int)XDocument.Load(_home.Combine("work", "j.xml")).Root!.Attribute("errors")!).ShouldBe(1);
    }

    [Fact]
    public async Task Test_EfficiencyBelowThePolicyWithEveryCasePassing_IsAFailureInJUnitAndJson()
    {
        await using var server = await RawServer.StartAsync(_ => new RawAnswer(200, "application/json",
            Ok.Replace("\"completion_tokens\":5", "\"completion_tokens\":2000", StringComparison.Ordinal)));

        var result = Test("a.prompt.yml", "--endpoint", server.BaseUrl, "--no-cache", "--json", "--junit", "j.xml");

        // Two passed runs over 2 × (50 + 2,000) tokens: 2,000 / 4,100 = 0.488 passed cases per 1,000 tokens.
        const string Below = "efficiency 0.488 passed cases per 1,000 tokens, below the policy minimum 0.8";
        result.ExitCode.ShouldBe(1);
        var prompt = JsonNode.Parse(result.Stdout)!["prompts"]![0]!;
        prompt["problems"]!.AsArray().Select(p => p!.ToString()).ShouldBe([Below]);
        var suite = JUnitSuite("a.prompt.yml");
        ((int)suite.Attribute("tests")!).ShouldBe(3);
        ((int)suite.Attribute("failures")!).ShouldBe(1);
        var efficiency = suite.Elements("testcase").Single(t => t.Attribute("name")!.Value == "efficiency");
        efficiency.Element("failure")!.Attribute("message")!.Value.ShouldBe(Below);
    }

    [Fact]
    public async Task Test_FileWithoutTestData_FailsSayingSoInEveryOutput()
    {
        await using var server = await RawServer.StartAsync(_ => new RawAnswer(200, "application/json", Ok));
        Write("a.prompt.yml", TwoCases.Replace("""
            testData:
              - id: one
                ticket: charged twice
              - id: two
                ticket: login

            """, string.Empty, StringComparison.Ordinal).Replace("{{ticket}}", "hi", StringComparison.Ordinal));

        var text = Test("a.prompt.yml", "--endpoint", server.BaseUrl, "--no-cache", "--junit", "j.xml");
        var json = Test("a.prompt.yml", "--endpoint", server.BaseUrl, "--no-cache", "--json");

        const string Message = "no testData: there is no test case to run, so neither the checks nor the efficiency "
            + "policy can be judged; add cases under testData, or leave the file out of the paths given";
        text.ExitCode.ShouldBe(1);
        text.Stdout.ShouldBe($"a (a.prompt.yml)\n  FAIL  {Message}\n");
        JsonNode.Parse(json.Stdout)!["prompts"]![0]!["problems"]!.AsArray().Select(p => p!.ToString())
            .ShouldBe([Message]);
        var testCase = JUnitSuite("a.prompt.yml").Elements("testcase").ShouldHaveSingleItem();
        testCase.Attribute("name")!.Value.ShouldBe("testData");
        testCase.Element("failure")!.Attribute("message")!.Value.ShouldBe(Message);
        server.Calls.ShouldBe(0);
    }

    [Fact]
    public void Test_FolderWithoutPromptFiles_IsAUsageErrorLikeTheLint()
    {
        Directory.CreateDirectory(_home.Combine("work", "empty"));

        var test = Test("empty", "--endpoint", "http://127.0.0.1:9");
        var lint = FrugalProcess.Shell(_home.Path, $"cd '{_home.Combine("work")}' && $FRUGAL prompt lint empty");

        test.ExitCode.ShouldBe(2);
        test.Stderr.ShouldBe("frugal: empty holds no *.prompt.yml or *.prompt.yaml file.\n");
        lint.ExitCode.ShouldBe(2);
    }

    private XElement JUnitSuite(string file) => XDocument.Load(_home.Combine("work", "j.xml")).Root!
        .Elements("testsuite").Single(s => s.Attribute("file")!.Value == file);

    // ---- 9: a json-schema check with a malformed schema ----

    [Fact]
    public async Task Test_JsonSchemaCheckWithANonStringRequiredEntry_IsAProblemOfTheFileNotACrash()
    {
        await using var server = await RawServer.StartAsync(_ => new RawAnswer(200, "application/json",
            """{"choices":[{"message":{"content":"{\"a\":1}"}}]}"""));
        Write("a.prompt.yml", TwoCases.Replace("""
            - type: icontains
                value: refund
            """, """
            - type: json-schema
                value: '{"type": "object", "required": [1]}'
            """, StringComparison.Ordinal));

        var lint = FrugalProcess.Shell(_home.Path, $"cd '{_home.Combine("work")}' && $FRUGAL prompt lint a.prompt.yml");
        var test = Test("a.prompt.yml", "--endpoint", server.BaseUrl, "--no-cache");

        const string Problem = "checks[0].value is not a schema the json-schema check can run: required[0] is 1, "
            + "not a property name (a string)";
        lint.ExitCode.ShouldBe(1);
        lint.Stdout.ShouldContain(Problem);
        test.Stderr.ShouldNotContain("unexpected error");
        test.Stderr.ShouldContain(Problem);
        test.ExitCode.ShouldBe(1);
        server.Calls.ShouldBe(0);
    }

    // ---- 12: an interrupted run ----

    [Fact]
    public async Task Test_InterruptedRun_KeepsTheRowsOfTheCallsItCompleted()
    {
        var secondCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await RawServer.StartAsync(call =>
        {
            if (call == 2)
            {
                secondCall.TrySetResult();
            }

            return new RawAnswer(200, "application/json", Ok, Delay: call == 2 ? TimeSpan.FromMinutes(5) : default);
        });

        var interrupted = await InterruptedAtAsync(secondCall.Task, "a.prompt.yml", "--endpoint", server.BaseUrl,
            "--ledger", Ledger);
        var rowsAfterInterrupt = LedgerRows();
        var again = Test("a.prompt.yml", "--endpoint", server.BaseUrl, "--min-efficiency", "0");

        interrupted.ShouldBe(130);
        rowsAfterInterrupt.ShouldBe(1, "call 1 answered before the interrupt");
        again.ExitCode.ShouldBe(0, again.Stdout + again.Stderr);
        server.Calls.ShouldBe(3, "case one was cached by the interrupted run; case two is called again");
        LedgerRows().ShouldBe(2, "calls 1 and 3 answered; the cached reply of call 1 must not leave its row out");
    }

    // ---- 14: redirects ----

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Call_Redirected_IsNotFollowedAndSaysWhereToAndWhatToGive(int status)
    {
        await using var target = await FakeChatServer.StartAsync((_, _) => new FakeAnswer("refund"));
        var location = $"{target.BaseUrl}v1/chat/completions";
        await using var server = await RawServer.StartAsync(_ => new RawAnswer(status, "text/plain", "moved",
            Location: location));
        var url = new Uri(server.BaseUrl + "/v1/chat/completions");
        using var endpoint = new PromptTestEndpoint(url, null, false, TimeSpan.FromSeconds(30), null,
            TimeProvider.System);

        var reply = await endpoint.CallAsync("{}", 0, TestContext.Current.CancellationToken);

        reply.Error.ShouldBe($"{url} redirected (HTTP {status}) to {location}; redirects are not followed, so that "
            + $"the prompt and any API key go only where --endpoint says: give --endpoint {location}");
        target.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Call_RedirectedElsewhereThanAChatAddress_SaysToGiveTheServersOwn()
    {
        await using var server = await RawServer.StartAsync(_ =>
            new RawAnswer(302, "text/plain", string.Empty, Location: "/login"));
        var url = new Uri(server.BaseUrl + "/v1/chat/completions");
        using var endpoint = new PromptTestEndpoint(url, null, false, TimeSpan.FromSeconds(30), null,
            TimeProvider.System);

        var reply = await endpoint.CallAsync("{}", 0, TestContext.Current.CancellationToken);

        reply.Error.ShouldBe($"{url} redirected (HTTP 302) to {server.BaseUrl}/login; redirects are not followed, "
            + "so that the prompt and any API key go only where --endpoint says: that is not a chat completions "
            + "address, so give --endpoint the server's own (a base such as http://host:11434 or one ending in /v1)");
    }

    // ---- 24: smaller faults ----

    [Fact]
    public void Test_ApiKeyWithALineBreak_IsAUsageErrorNamingTheVariable()
    {
        var result = FrugalProcess.Shell(_home.Path, $"cd '{_home.Combine("work")}' && export "
            + "FRUGAL_TEST_KEY=$'sk-first\\nsecond' && $FRUGAL prompt test a.prompt.yml --endpoint http://127.0.0.1:9 "
            + "--api-key-env FRUGAL_TEST_KEY");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldBe("frugal: --api-key-env FRUGAL_TEST_KEY: the key in that variable holds a line break, "
            + "space or other character an HTTP header cannot carry; export the key alone, on one line.\n");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Test_EmptyModel_IsAUsageError(string model)
    {
        var result = Test("a.prompt.yml", "--endpoint", "http://127.0.0.1:9", "--model", model);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldBe("frugal: --model is empty: give the model to call, such as llama3.2, or leave "
            + "--model out to call each file's own model.\n");
    }

    [Fact]
    public async Task Test_FailedCalls_HaveTheTimeTheyTookInJUnit()
    {
        await using var server = await RawServer.StartAsync(call => call == 1
            ? new RawAnswer(500, "text/plain", "busy", Delay: TimeSpan.FromMilliseconds(400))
            : new RawAnswer(200, "application/json", Ok, Delay: TimeSpan.FromMinutes(5)));

        var result = Test("a.prompt.yml", "--endpoint", server.BaseUrl, "--no-cache", "--timeout", "1", "--junit",
            "j.xml");

        result.ExitCode.ShouldBe(1);
        var times = JUnitSuite("a.prompt.yml").Elements("testcase")
            .Where(t => t.Attribute("name")!.Value != "efficiency")
            .Select(t => double.Parse(t.Attribute("time")!.Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        times.Count.ShouldBe(2);
        times[0].ShouldBeInRange(0.4, 30, "the server waited 0.4 s before its HTTP 500");
        times[1].ShouldBeInRange(1, 30, "the call ran until the 1 s timeout");
    }

    [Fact]
    public async Task Test_TerminalEscapesInNamesIdsAndErrors_AreShownNotSentToTheTerminal()
    {
        await using var server = await RawServer.StartAsync(_ =>
            new RawAnswer(500, "text/plain", "\u001b]0;owned\u0007boom"));
        Write("a.prompt.yml", TwoCases.Replace("name: a", "name: \"a\\e[31mred\"", StringComparison.Ordinal)
            .Replace("id: one", "id: \"one\\e[2J\"", StringComparison.Ordinal));

        var text = Test("a.prompt.yml", "--endpoint", server.BaseUrl, "--no-cache");
        var json = Test("a.prompt.yml", "--endpoint", server.BaseUrl, "--no-cache", "--json");

        text.ExitCode.ShouldBe(1, text.Stderr);
        text.Stdout.ShouldNotContain("\u001b");
        text.Stdout.ShouldNotContain("\u0007");
        text.Stdout.ShouldStartWith("a\\u001b[31mred (a.prompt.yml)\n  FAIL  one\\u001b[2J: 0 of 1 runs passed\n");
        text.Stdout.ShouldContain(": \\u001b]0;owned\\u0007boom\n");
        var prompt = JsonNode.Parse(json.Stdout)!["prompts"]![0]!;
        prompt["name"]!.ToString().ShouldBe("a\u001b[31mred", "JSON keeps the name exactly");
        prompt["cases"]![0]!["name"]!.ToString().ShouldBe("one\u001b[2J");
    }

    /// <summary>
    /// Starts <c>frugal prompt test</c>, sends it SIGINT (Ctrl+C) once <paramref name="moment"/> has come, and
    /// returns its exit code.
    /// </summary>
    private async Task<int> InterruptedAtAsync(Task moment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _home.Combine("work"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])[FrugalProcess.Dll, "prompt", "test", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = _home.Path;
        start.Environment["XDG_DATA_HOME"] = _home.Combine("data");
        start.Environment["XDG_CACHE_HOME"] = _home.Combine("cache");
        using var process = Process.Start(start)!;
        var cancel = TestContext.Current.CancellationToken;
        var output = process.StandardOutput.ReadToEndAsync(cancel);
        var errors = process.StandardError.ReadToEndAsync(cancel);
        try
        {
            await moment.WaitAsync(TimeSpan.FromSeconds(60), cancel);
            using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo
                .InvariantCulture)])!;
            await kill.WaitForExitAsync(cancel);
            await process.WaitForExitAsync(cancel).WaitAsync(TimeSpan.FromSeconds(60), cancel);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }

        (await errors).ShouldContain("cancelled", customMessage: await output);
        return process.ExitCode;
    }

    /// <summary>How the raw server answers one call.</summary>
    private sealed record RawAnswer(
        int Status, string Type, string Body, TimeSpan Delay = default, string? Location = null);

    /// <summary>
    /// An HTTP server on 127.0.0.1 that answers every request with what its script gives for the call's number
    /// (from 1), written as it is.
    /// </summary>
    private sealed class RawServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _calls;

        private RawServer(WebApplication app) => _app = app;

        public string BaseUrl { get; private set; } = string.Empty;

        public int Calls => Volatile.Read(ref _calls);

        public static async Task<RawServer> StartAsync(Func<int, RawAnswer> script)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var server = new RawServer(app);
            app.Run(async context =>
            {
                var answer = script(Interlocked.Increment(ref server._calls));
                if (answer.Delay > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(answer.Delay, context.RequestAborted);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }

                context.Response.StatusCode = answer.Status;
                context.Response.Headers.ContentType = answer.Type;
                if (answer.Location is not null)
                {
                    context.Response.Headers.Location = answer.Location;
                }

                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(answer.Body), context.RequestAborted);
            });
            await app.StartAsync(TestContext.Current.CancellationToken);
            server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
                .Addresses.First().TrimEnd('/');
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
