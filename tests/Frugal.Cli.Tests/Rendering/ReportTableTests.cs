using Frugal.Cli.Rendering;
using Frugal.Domain.Pricing;
using Frugal.Domain.Reporting;
using Frugal.Domain.Usage;
using Frugal.Sources.Prices;
using Shouldly;
using Snapshooter.Xunit3;
using Spectre.Console;

namespace Frugal.Cli.Tests.Rendering;

public sealed class ReportTableTests
{
    private static readonly PriceTable Prices = PriceCatalog.Load();

    [Fact]
    public void Render_DailyReportWithAnUnpricedModel_MatchesTheSnapshot()
    {
        var report = Daily(
            Call(
                "a", "2026-05-01T09:00:00Z", "claude-sonnet-4-5-20250929",
                new TokenCounts(3, 1_000, 2_000, 50_000, 700)),
            Call("b", "2026-05-01T23:30:00Z", "claude-opus-4-6", new TokenCounts(10, 0, 0, 120_000, 1_500)),
            Call("c", "2026-05-02T08:00:00Z", "some-local-model", new TokenCounts(400, 0, 0, 0, 250)));

        var text = Render(report);

        text.ShouldContain("* unpriced: some-local-model: 650 tokens in 1 call are not in the cost");
        text.ShouldContain("\u2020 unknown size: some-local-model: 650 tokens in 1 call are not in Wh or gCO2e");
        text.ShouldContain("EcoLogits 0.9.3 decode model");
        text.ShouldContain("grid zone WOR (World average), 473 gCO2e/kWh");
        Snapshot.Match(text);
    }

    [Fact]
    public void Render_NoCalls_SaysSoInsteadOfAnEmptyTable()
    {
        var text = Render(Daily());

        text.Trim().ShouldBe("No usage recorded for this period.");
    }

    private static UsageReport Daily(params UsageRecord[] records)
    {
        var builder = new ReportBuilder(ReportPeriod.Daily, TimeZoneInfo.Utc, Prices);
        foreach (var record in records)
        {
            builder.Add(record);
        }

        return builder.Build();
    }

    private static UsageRecord Call(string key, string at, string model, TokenCounts tokens) => new()
    {
        Source = SourceNames.ClaudeCode,
        SourceKey = key,
        Timestamp = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture),
        SessionId = "s1",
        Project = "/home/dev/app",
        Model = model,
        Tokens = tokens,
    };

    private static string Render(UsageReport report)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 120;

        ReportTable.Render(console, report);

        return writer.ToString();
    }
}
