using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Frugal.Cli.Tests.Support;
using Frugal.Storage.Tests.TestData;
using Shouldly;

namespace Frugal.Cli.Tests.Commands;

/// <summary><c>frugal key</c>, <c>frugal budget</c> and <c>frugal gateway</c> run as processes.</summary>
public sealed class GatewayCommandTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    private string Ledger => _home.Combine("ledger.db");

    [Fact]
    public void Key_CreateListRevoke_SecretShownOnceAndNeverStored()
    {
        var created = FrugalProcess.Run(_home.Path, "key", "create", "--project", "shop", "--name", "ci",
            "--ledger", Ledger);

        created.ExitCode.ShouldBe(0, created.Stderr);
        var secret = created.Stdout.Trim();
        secret.ShouldStartWith("frugal-");
        secret.Length.ShouldBe(47);
        var id = created.Stderr.Split(' ')[1];
        File.ReadAllBytes(Ledger).AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)).ShouldBe(-1);

        var list = FrugalProcess.Run(_home.Path, "key", "list", "--ledger", Ledger);
        list.Stdout.ShouldContain(id);
        list.Stdout.ShouldContain("shop");
        list.Stdout.ShouldContain("active");
        list.Stdout.ShouldNotContain(secret);

        FrugalProcess.Run(_home.Path, "key", "revoke", id, "--ledger", Ledger).ExitCode.ShouldBe(0);
        FrugalProcess.Run(_home.Path, "key", "list", "--ledger", Ledger).Stdout.ShouldContain("revoked");
        var again = FrugalProcess.Run(_home.Path, "key", "revoke", id, "--ledger", Ledger);
        again.ExitCode.ShouldBe(2);
        again.Stderr.ShouldContain($"there is no active key '{id}'");
    }

    [Fact]
    public void Budget_SetShowRemove_ListsLimitsAndNothingUsed()
    {
        var set = FrugalProcess.Run(_home.Path, "budget", "set", "--project", "shop", "--period", "day", "--usd", "5",
            "--tokens", "1000000", "--timezone", "Europe/Paris", "--ledger", Ledger);
        set.ExitCode.ShouldBe(0, set.Stderr);
        set.Stderr.ShouldContain("Budget set: project shop, $5, 1,000,000 tokens per day (Europe/Paris)");

        var show = FrugalProcess.Run(_home.Path, "budget", "show", "--json", "--ledger", Ledger);
        show.ExitCode.ShouldBe(0, show.Stderr);
        using var json = JsonDocument.Parse(show.Stdout);
        var budget = json.RootElement.EnumerateArray().ShouldHaveSingleItem();
        budget.GetProperty("name").GetString().ShouldBe("shop");
        budget.GetProperty("timezone").GetString().ShouldBe("Europe/Paris");
        budget.GetProperty("usd").GetProperty("limit").GetDouble().ShouldBe(5);
        budget.GetProperty("usd").GetProperty("used").GetDouble().ShouldBe(0);
        budget.GetProperty("usd").GetProperty("runsOut").ValueKind.ShouldBe(JsonValueKind.Null);
        budget.GetProperty("tokens").GetProperty("limit").GetDouble().ShouldBe(1_000_000);
        // The reset time is given in the budget's own zone, named.
        FrugalProcess.Run(_home.Path, "budget", "show", "--ledger", Ledger).Stdout.ShouldContain(" 00:00 Europe/Paris");

        FrugalProcess.Run(_home.Path, "budget", "remove", "--project", "shop", "--period", "day", "--ledger", Ledger)
            .ExitCode.ShouldBe(0);
        FrugalProcess.Run(_home.Path, "budget", "show", "--ledger", Ledger).Stdout.ShouldContain("No budgets");
    }

    [Theory]
    [InlineData("--period|fortnight|--usd|5", "--period 'fortnight' is not a period: use day, week or month")]
    [InlineData("--period|day", "no limit given: set --usd, --tokens or --wh")]
    [InlineData("--period|day|--usd|-3", "--usd '-3' is not a number above 0 and at most 1,000,000,000,000")]
    public void Budget_BadValues_OneClearLine(string options, string expected)
    {
        var result = FrugalProcess.Run(_home.Path,
            ["budget", "set", "--project", "shop", "--ledger", Ledger, .. options.Split('|')]);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain(expected);
    }

    [Fact]
    public void Gateway_BadConfig_NamesEveryProblemAndDoesNotStart()
    {
        var config = _home.Combine("gateway.yml");
        File.WriteAllText(config, """
            upstreams:
              - name: local
                kind: llama
                url: not-a-url
            colour: blue
            """);

        var result = FrugalProcess.Run(_home.Path, "gateway", "--config", config, "--ledger", Ledger);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("colour is not a setting");
        result.Stderr.ShouldContain("upstreams[0].kind \"llama\" is not a kind");
        result.Stderr.ShouldContain("upstreams[0].url \"not-a-url\" is not an http or https address");
        result.Stderr.ShouldContain("upstreams[0].models must list the model ids it serves");
    }

    [Fact]
    public async Task Gateway_Process_ServesModelsAndMetrics()
    {
        var config = _home.Combine("gateway.yml");
        File.WriteAllText(config, """
            upstreams:
              - name: local
                kind: llamacpp
                url: http://127.0.0.1:9
                models: [qwen2.5-7b]
            """);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in (string[])[FrugalProcess.Dll, "gateway", "--config", config, "--ledger", Ledger,
                     "--urls", $"http://127.0.0.1:{port}"])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = _home.Path;
        using var process = Process.Start(start)!;
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            string? models = null;
            for (var i = 0; i < 100 && models is null; i++)
            {
                try
                {
                    models = await client.GetStringAsync("v1/models", TestContext.Current.CancellationToken);
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100, TestContext.Current.CancellationToken);
                }
            }

            if (models is null)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("the gateway did not start: " + await process.StandardError.ReadToEndAsync(
                    TestContext.Current.CancellationToken));
            }

            models.ShouldContain("\"id\":\"qwen2.5-7b\"");
            // Without a key or anonymousProject, calls are refused in OpenAI's shape.
            using var refused = await client.PostAsync("v1/chat/completions",
                new StringContent("""{"model":"qwen2.5-7b","messages":[]}""", Encoding.UTF8, "application/json"),
                TestContext.Current.CancellationToken);
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
                .ShouldContain("frugal key create --project NAME");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
