using System.Net;
using System.Text.Json;
using Frugal.Domain.Budgets;
using Frugal.Gateway.Tests.Fakes;
using Shouldly;
using static Frugal.Gateway.Tests.Gateway.GatewayProxyTests;

namespace Frugal.Gateway.Tests.Gateway;

public sealed class GatewayBudgetTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static BudgetCap Daily(string project, decimal? usd = null, long? tokens = null) =>
        new(BudgetScope.Project(project), BudgetPeriod.Day, TimeZoneInfo.Utc, usd, tokens, null);

    [Fact]
    public async Task TwoHundredConcurrentCalls_CapThatFitsFifty_SpendStaysUnderAndNoHoldIsLeft()
    {
        // A call's worst case is its body's bytes as prompt tokens plus its max_tokens (10); the fake reports exactly
        // that much, so the token cap of 50 worst cases fits 50 calls. 200 callers arrive at once. Of the calls the
        // fake answers, every fourth fails (500) and every fourth times out (2 s against a 1 s limit); every tenth
        // caller gives up after 100 ms.
        var body = """{"model":"gpt-4o-mini","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}""";
        var worst = System.Text.Encoding.UTF8.GetByteCount(body) + 10;
        var script = new FakeScript { PromptTokens = worst - 10, CompletionTokens = 10 };
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI, script);
        fake.ScriptForCall = n => (n % 4) switch
        {
            2 => script with { ErrorStatus = 500 },
            3 => script with { FirstByteDelay = TimeSpan.FromSeconds(2) },
            _ => null,
        };
        await using var gateway = await GatewayHarness.StartAsync(
            "upstreams:\n" + Upstream("openai", "openai", fake, "gpt-4o-mini", "    timeoutSeconds: 1")
            + "anonymousProject: app\n",
            ledger => ledger.SetBudget(Daily("app", tokens: 50L * worst)));

        var statuses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            if (i % 10 == 9)
            {
                giveUp.CancelAfter(TimeSpan.FromMilliseconds(100));
            }

            try
            {
                using var response = await gateway.SendAsync("v1/chat/completions", body, null, null,
                    HttpCompletionOption.ResponseContentRead, giveUp.Token);
                return (int)response.StatusCode;
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        }));

        // Calls whose callers left end a little later: every hold must still end (bounded wait).
        BudgetState state;
        var waited = 0;
        while ((state = gateway.Services.Budgets.Current().States(TimeProvider.System.GetUtcNow()).Single()).Held
               != BudgetAmount.Zero && waited++ < 100)
        {
            await Task.Delay(50, Cancel);
        }

        // A call is written just after its hold ends: wait (bounded) until the ledger holds what the book spent.
        var calls = await gateway.CallsAsync(fake.CallCount);
        for (var i = 0; i < 100 && calls.Sum(c => c.Tokens.TotalTokens) != state.Spent.Tokens; i++)
        {
            await Task.Delay(50, Cancel);
            calls = await gateway.CallsAsync(fake.CallCount);
        }

        var summary = string.Join(", ", calls.GroupBy(c => c.Facts.Status).Select(g => $"{g.Key} {g.Count()}"));
        state.Held.ShouldBe(BudgetAmount.Zero);
        state.Spent.Tokens.ShouldBeLessThanOrEqualTo(50L * worst, summary);
        state.Spent.Tokens.ShouldBe(calls.Sum(c => c.Tokens.TotalTokens));
        // Every call the fake answered has its row; a caller that left before its call was sent has one too.
        calls.Count.ShouldBeGreaterThanOrEqualTo(fake.CallCount);
        // A failed call settles to what it used (nothing, or a timed-out prompt), so its hold makes room for later
        // callers; only answered calls use whole worst cases, and at most 50 fit.
        calls.Count(c => c.Facts.Status == "ok").ShouldBeLessThanOrEqualTo(50, summary);
        statuses.Count(s => s == 429).ShouldBeGreaterThanOrEqualTo(100);
        // 500 is the upstream's own error passed on (one target: nowhere to escalate); 502 a timeout.
        statuses.ShouldAllBe(s => s == 0 || s == 200 || s == 429 || s == 500 || s == 502);
        calls.ShouldContain(c => c.Facts.Status == "timeout", summary);
        calls.ShouldContain(c => c.Facts.Status == "error", summary);
        calls.ShouldContain(c => c.Facts.Status == "ok", summary);
    }

    [Fact]
    public async Task SpentBudget_Answers429InEachApisShapeWithWhatIsLeftAndTheReset()
    {
        await using var openai = await FakeUpstream.StartAsync(FakeKind.OpenAI, new FakeScript());
        await using var claude = await FakeUpstream.StartAsync(FakeKind.Anthropic, new FakeScript());
        await using var gateway = await GatewayHarness.StartAsync(
            "upstreams:\n" + Upstream("openai", "openai", openai, "gpt-4o-mini")
            + Upstream("claude", "anthropic", claude, "claude-sonnet-4-5") + "anonymousProject: app\n",
            ledger => ledger.SetBudget(Daily("app", usd: 0.0001m)));
        // One Sonnet call's worst case (its body's bytes as input plus 4,096 output tokens at $15 per million) is far
        // over $0.0001, so the first call is already refused.
        var messages = """
            {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[{"role":"user","content":"hi"}]}
            """;

        using var anthropic = await gateway.PostAsync("v1/messages", messages);
        using var chat = await gateway.PostAsync("v1/chat/completions", Chat.Replace("MODEL", "gpt-4o-mini"));

        anthropic.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        using var a = JsonDocument.Parse(await anthropic.Content.ReadAsStringAsync(Cancel));
        a.RootElement.GetProperty("type").GetString().ShouldBe("error");
        a.RootElement.GetProperty("error").GetProperty("type").GetString().ShouldBe("rate_limit_error");
        var message = a.RootElement.GetProperty("error").GetProperty("message").GetString()!;
        message.ShouldStartWith("The day budget of project app cannot take this call: $0.0001 of $0.0001 is left");
        message.ShouldContain("It resets at ");
        anthropic.Headers.RetryAfter.ShouldNotBeNull();
        chat.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        using var o = JsonDocument.Parse(await chat.Content.ReadAsStringAsync(Cancel));
        o.RootElement.GetProperty("error").GetProperty("code").GetString().ShouldBe("budget_exceeded");
        claude.CallCount.ShouldBe(0);
        openai.CallCount.ShouldBe(0);
    }

    [Fact]
    public async Task SpentCostBudget_NeverBlocksAFreeLocalCall()
    {
        await using var local = await FakeUpstream.StartAsync(FakeKind.Ollama, new FakeScript());
        await using var gateway = await GatewayHarness.StartAsync(
            "upstreams:\n" + Upstream("ollama", "ollama", local, "llama3.1:8b") + "anonymousProject: app\n",
            ledger => ledger.SetBudget(Daily("app", usd: 0.0000001m)));

        using var response = await gateway.PostAsync("v1/chat/completions", Chat.Replace("MODEL", "llama3.1:8b"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var call = (await gateway.CallsAsync()).ShouldHaveSingleItem();
        call.Local.ShouldBeTrue();
        call.Facts.CostUsd.ShouldBe(0m);
    }
}
