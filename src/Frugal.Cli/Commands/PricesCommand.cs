using System.CommandLine;
using System.Globalization;
using Frugal.Cli.Infrastructure;
using Frugal.Cli.Rendering;
using Frugal.Domain.Pricing;
using Spectre.Console;

namespace Frugal.Cli.Commands;

/// <summary><c>frugal prices MODEL</c>: what a model id resolves to in the price table, and why.</summary>
internal static class PricesCommand
{
    private static readonly Argument<string> Model = new("model") { Description = "A model id as a tool writes it." };

    private static readonly Option<string?> Date = new("--date")
    {
        Description = "The UTC date whose prices apply (default: today).",
        HelpName = "DATE",
    };

    public static Command Create(TimeProvider clock)
    {
        var command = new Command(
            "prices", "Show the price a model id resolves to, the steps that found it, and its rules.")
        {
            Model, Date, CommonOptions.Prices,
        };
        command.SetAction(parse => Run(parse, clock));
        return command;
    }

    private static int Run(ParseResult parse, TimeProvider clock)
    {
        var model = parse.GetValue(Model)!;
        var dateText = parse.GetValue(Date);
        var date = dateText is null
            ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)
            : DateRange.ParseDate("--date", dateText)!.Value;
        var prices = LedgerSession.LoadPrices(parse.GetValue(CommonOptions.Prices));
        var resolution = prices.Resolve(model, date);
        Render(Consoles.Out(), resolution, date);
        if (!resolution.IsPriced)
        {
            throw CliError.Unpriced(model);
        }

        return 0;
    }

    private static void Render(IAnsiConsole console, PriceResolution resolution, DateOnly date)
    {
        console.WriteLine($"{resolution.ModelId} on {date:yyyy-MM-dd}");
        foreach (var step in resolution.Steps)
        {
            console.WriteLine(step.StartsWith("no ", StringComparison.Ordinal) ? $"  {step}" : $"  tried {step}");
        }

        if (resolution.Price is not { } price)
        {
            console.WriteLine(
                "  unpriced: its calls are reported with their tokens and no cost; add a price with --prices FILE.");
            return;
        }

        var since = price.EffectiveFrom is { } from ? $"since {from:yyyy-MM-dd}" : "since the model appeared";
        console.WriteLine(
            $"  matched {price.Provider} {price.ModelId} as '{resolution.MatchedId}', price in force {since}");
        console.WriteLine("  USD per million tokens: " + Rates(price.Rates));
        if (price.LongContext is { } rule)
        {
            console.WriteLine(
                $"  long context: a prompt above {Numbers.Tokens(rule.ThresholdPromptTokens)} tokens prices the "
                + "whole request at " + Rates(rule.Rates));
        }

        if (price.WebSearchPerThousandUsd > 0)
        {
            console.WriteLine($"  web search: {Numbers.Usd(price.WebSearchPerThousandUsd)} per 1,000 requests");
        }

        foreach (var speed in price.SpeedMultipliers)
        {
            var window = speed.From is null && speed.Until is null ? "always"
                : $"{speed.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "start"} to "
                  + (speed.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "now");
            console.WriteLine($"  speed '{speed.Speed}': token cost "
                + $"x{speed.Multiplier.ToString(CultureInfo.InvariantCulture)} ({window})");
        }

        console.WriteLine($"  source: {price.Origin}");
    }

    private static string Rates(TokenRates rates) =>
        $"input {Money(rates.InputPerMTok)}, output {Money(rates.OutputPerMTok)}, "
        + $"cache read {Money(rates.EffectiveCacheReadPerMTok)}{Fallback(rates.CacheReadPerMTok)}, "
        + $"cache write 5m {Money(rates.EffectiveCacheWrite5mPerMTok)}{Fallback(rates.CacheWrite5mPerMTok)}, "
        + $"1h {Money(rates.EffectiveCacheWrite1hPerMTok)}{Fallback(rates.CacheWrite1hPerMTok)}";

    private static string Money(decimal value) => "$" + value.ToString("0.00####", CultureInfo.InvariantCulture);

    private static string Fallback(decimal? published) =>
        published is null ? " (not published; fallback)" : string.Empty;
}
