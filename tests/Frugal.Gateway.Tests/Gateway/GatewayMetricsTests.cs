using System.Net;
using Frugal.Gateway.Tests.Fakes;
using Shouldly;
using static Frugal.Gateway.Tests.Gateway.GatewayProxyTests;

namespace Frugal.Gateway.Tests.Gateway;

/// <summary>The Prometheus endpoint.</summary>
public sealed class GatewayMetricsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_AfterOneCall_HoldTheGenAiTokenUsageAndDuration()
    {
        await using var fake = await FakeUpstream.StartAsync(FakeKind.OpenAI,
            new FakeScript { PromptTokens = 9, CompletionTokens = 2 });
        await using var gateway = await GatewayHarness.StartAsync(
            "upstreams:\n" + Upstream("metrics-probe", "openai", fake, "gpt-4o-mini") + "anonymousProject: app\n");

        using var response = await gateway.PostAsync("v1/chat/completions", Chat.Replace("MODEL", "gpt-4o-mini"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await gateway.CallsAsync();

        // A call is recorded just after its caller has the answer, and scrapes are cached briefly: poll a little.
        var text = "";
        for (var i = 0; i < 30 && !(text.Contains("gen_ai_client_operation_duration", StringComparison.Ordinal)
                 && text.Contains("gen_ai_token_type=\"output\"", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(i == 0 ? 0 : 100, Cancel);
            text = await gateway.Client.GetStringAsync("metrics", Cancel);
        }

        text.ShouldContain("gen_ai_client_token_usage");
        text.ShouldContain("gen_ai_client_operation_duration");
        text.ShouldContain("service_name=\"frugal-gateway\"");
        // Meters are process-wide: other tests' gateways in this process record too, so only this upstream's series
        // are read.
        var tokenLines = text.Split('\n')
            .Where(l => l.StartsWith("gen_ai_client_token_usage", StringComparison.Ordinal)
                && l.Contains("frugal_upstream=\"metrics-probe\"", StringComparison.Ordinal)).ToList();
        tokenLines.ShouldContain(l => l.Contains("gen_ai_token_type=\"input\"", StringComparison.Ordinal));
        tokenLines.ShouldContain(l => l.Contains("gen_ai_token_type=\"output\"", StringComparison.Ordinal));
        // The sums of the token histograms are the call's 9 input and 2 output tokens.
        var lines = string.Join("\n", tokenLines.Where(l => l.Contains("_sum{", StringComparison.Ordinal)));
        tokenLines.ShouldContain(l => l.Contains("_sum{", StringComparison.Ordinal)
            && l.Contains("\"input\"", StringComparison.Ordinal) && l.EndsWith(" 9", StringComparison.Ordinal), lines);
        tokenLines.ShouldContain(l => l.Contains("_sum{", StringComparison.Ordinal)
            && l.Contains("\"output\"", StringComparison.Ordinal) && l.EndsWith(" 2", StringComparison.Ordinal), lines);
    }
}
