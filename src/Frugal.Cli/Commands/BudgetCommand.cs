using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Frugal.Cli.Infrastructure;
using Frugal.Cli.Rendering;
using Frugal.Domain.Budgets;
using Spectre.Console;

namespace Frugal.Cli.Commands;

/// <summary><c>frugal budget set|remove|show</c>: the gateway's caps, and how fast each is being used.</summary>
internal static class BudgetCommand
{
    private static readonly Option<string?> Project = new("--project")
    {
        Description = "The project the budget caps.",
        HelpName = "NAME",
    };

    private static readonly Option<string?> Key = new("--key")
    {
        Description = "The virtual key (its id) the budget caps, instead of a project.",
        HelpName = "ID",
    };

    private static readonly Option<string> Period = new("--period")
    {
        Description = "When it resets: day, week (from Monday) or month.",
        HelpName = "PERIOD",
        Required = true,
    };

    private static readonly Option<string?> Usd = new("--usd")
    {
        Description = "Cost cap in US dollars.",
        HelpName = "N",
    };

    private static readonly Option<string?> Tokens = new("--tokens")
    {
        Description = "Token cap (prompt and output).",
        HelpName = "N",
    };

    private static readonly Option<string?> Wh = new("--wh")
    {
        Description = "Energy cap in watt-hours (the high end of each estimate counts).",
        HelpName = "N",
    };

    private static readonly Option<string?> TimeZone = new("--timezone")
    {
        Description = "The IANA zone its days start in (default: the system's zone).",
        HelpName = "IANA",
    };

    public static Command Create(TimeProvider clock)
    {
        var set = new Command("set", "Set a budget (replacing one of the same scope and period); a running gateway "
            + "applies it within five seconds.")
        {
            Project, Key, Period, Usd, Tokens, Wh, TimeZone, CommonOptions.Ledger,
        };
        set.SetAction(Set);
        var remove = new Command("remove", "Remove a budget.") { Project, Key, Period, CommonOptions.Ledger };
        remove.SetAction(Remove);
        var show = new Command("show", "Show each budget, what its period has used, and when at this rate it runs out.")
        {
            CommonOptions.Json, CommonOptions.Ledger,
        };
        show.SetAction(parse => Show(parse, clock));
        return new Command("budget", "Manage the gateway's budgets.") { set, remove, show };
    }

    private static int Set(ParseResult parse)
    {
        var problems = new UsageProblems();
        var scope = problems.Check(() => Scope(parse));
        var period = problems.Check(() => PeriodOf(parse.GetValue(Period)!));
        var zone = problems.Check(() => Zones.Resolve(parse.GetValue(TimeZone)));
        var usd = problems.Check(() => Number("--usd", parse.GetValue(Usd)));
        var tokens = problems.Check(() => Number("--tokens", parse.GetValue(Tokens)));
        var wh = problems.Check(() => Number("--wh", parse.GetValue(Wh)));
        if (parse.GetValue(Usd) is null && parse.GetValue(Tokens) is null && parse.GetValue(Wh) is null)
        {
            problems.Check<bool>(() =>
                throw CliError.Usage("no limit given: set --usd, --tokens or --wh (or several)."));
        }

        if (tokens is { } t && t != Math.Floor(t))
        {
            problems.Check<bool>(() => throw CliError.Usage($"--tokens {t} is not a whole number."));
        }

        problems.ThrowIfAny();
        var cap = new BudgetCap(scope, period, zone!, usd, tokens is null ? null : (long)tokens, (double?)wh);
        using var ledger = LedgerSession.OpenLedger(parse.GetValue(CommonOptions.Ledger));
        if (scope.Kind == BudgetScopeKind.Key && ledger.Keys().All(k => k.Id != scope.Name))
        {
            throw CliError.Usage($"--key {scope.Name} is not a key: frugal key list shows their ids.");
        }

        ledger.SetBudget(cap);
        Console.Error.WriteLine($"Budget set: {Describe(cap)}.");
        return 0;
    }

    private static int Remove(ParseResult parse)
    {
        var problems = new UsageProblems();
        var scope = problems.Check(() => Scope(parse));
        var period = problems.Check(() => PeriodOf(parse.GetValue(Period)!));
        problems.ThrowIfAny();
        using var ledger = LedgerSession.OpenLedger(parse.GetValue(CommonOptions.Ledger));
        if (!ledger.RemoveBudget(scope, period))
        {
            throw CliError.Usage($"there is no {period.ToString().ToLowerInvariant()} budget for {scope}: "
                + "frugal budget show lists them.");
        }

        Console.Error.WriteLine($"Removed the {period.ToString().ToLowerInvariant()} budget of {scope}.");
        return 0;
    }

    private static int Show(ParseResult parse, TimeProvider clock)
    {
        using var ledger = LedgerSession.OpenLedger(parse.GetValue(CommonOptions.Ledger));
        var caps = ledger.Budgets();
        var now = clock.GetUtcNow();
        var book = BudgetBook.WithSpending(caps, ledger.GatewaySpending, now);

        var states = book.States(now);
        if (parse.GetValue(CommonOptions.Json))
        {
            using var stdout = Console.OpenStandardOutput();
            WriteJson(stdout, states, now);
            return 0;
        }

        var console = Consoles.Out();
        if (states.Count == 0)
        {
            console.WriteLine("No budgets: set one with frugal budget set --project NAME --period day --usd 5.");
            return 0;
        }

        var table = new Table().AddColumns("Budget", "Period", "Limit", "Used", "Used %", "Resets", "At this rate");
        foreach (var state in states)
        {
            foreach (var (dimension, limit, used) in Dimensions(state))
            {
                var forecast = BurnRate.Forecast(state.Start, state.End, now, used, limit);
                table.AddRow(
                    Markup.Escape(state.Cap.Scope.ToString()), state.Cap.Period.ToString().ToLowerInvariant(),
                    Format(dimension, limit), Format(dimension, used),
                    (100 * used / limit).ToString("0.0", CultureInfo.InvariantCulture),
                    $"{Local(state.End, state.Cap.Zone)} {Markup.Escape(state.Cap.Zone.Id)}",
                    Markup.Escape(forecast is { } f ? "runs out " + Local(f, state.Cap.Zone) : "lasts the period"));
            }
        }

        console.Write(table);
        console.WriteLine("Used counts the gateway's calls in the ledger; 'at this rate' extends the period's "
            + "average rate so far.");
        return 0;
    }

    private static IEnumerable<(string Dimension, double Limit, double Used)> Dimensions(BudgetState state)
    {
        if (state.Cap.Usd is { } usd)
        {
            yield return ("usd", (double)usd, (double)state.Spent.Usd);
        }

        if (state.Cap.Tokens is { } tokens)
        {
            yield return ("tokens", tokens, state.Spent.Tokens);
        }

        if (state.Cap.Wh is { } wh)
        {
            yield return ("wh", wh, state.Spent.Wh);
        }
    }

    private static void WriteJson(Stream stream, IReadOnlyList<BudgetState> states, DateTimeOffset now)
    {
        using var json = new Utf8JsonWriter(stream, ReportJson.Options);
        json.WriteStartArray();
        foreach (var state in states)
        {
            json.WriteStartObject();
            json.WriteString("scope", state.Cap.Scope.Kind.ToString().ToLowerInvariant());
            json.WriteString("name", state.Cap.Scope.Name);
            json.WriteString("period", state.Cap.Period.ToString().ToLowerInvariant());
            json.WriteString("timezone", state.Cap.Zone.Id);
            json.WriteString("start", state.Start);
            json.WriteString("resets", state.End);
            foreach (var (dimension, limit, used) in Dimensions(state))
            {
                json.WriteStartObject(dimension);
                json.WriteNumber("limit", limit);
                json.WriteNumber("used", used);
                if (BurnRate.Forecast(state.Start, state.End, now, used, limit) is { } forecast)
                {
                    json.WriteString("runsOut", forecast);
                }
                else
                {
                    json.WriteNull("runsOut");
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.Flush();
        stream.Write("\n"u8);
    }

    private static BudgetScope Scope(ParseResult parse)
    {
        var project = parse.GetValue(Project);
        var key = parse.GetValue(Key);
        return (project, key) switch
        {
            ({ Length: > 0 } p, null) => BudgetScope.Project(KeyCommand.ProjectName(p)),
            (null, { Length: > 0 } k) => BudgetScope.Key(k.Trim()),
            (not null, not null) => throw CliError.Usage("--project and --key are both given: a budget caps one."),
            _ => throw CliError.Usage("name what the budget caps: --project NAME or --key ID."),
        };
    }

    private static BudgetPeriod PeriodOf(string text) => text.Trim().ToLowerInvariant() switch
    {
        "day" or "daily" => BudgetPeriod.Day,
        "week" or "weekly" => BudgetPeriod.Week,
        "month" or "monthly" => BudgetPeriod.Month,
        _ => throw CliError.Usage($"--period '{text}' is not a period: use day, week or month."),
    };

    private static decimal? Number(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
            && n is > 0 and <= MaxLimit
            ? n
            : throw CliError.Usage($"{option} '{text}' is not a number above 0 and at most 1,000,000,000,000.");
    }

    /// <summary>The largest limit a budget takes, in any unit.</summary>
    private const decimal MaxLimit = 1_000_000_000_000m;

    private static string Describe(BudgetCap cap)
    {
        var limits = new List<string>();
        if (cap.Usd is { } usd)
        {
            limits.Add("$" + usd.ToString(CultureInfo.InvariantCulture));
        }

        if (cap.Tokens is { } tokens)
        {
            limits.Add(tokens.ToString("N0", CultureInfo.InvariantCulture) + " tokens");
        }

        if (cap.Wh is { } wh)
        {
            limits.Add(wh.ToString(CultureInfo.InvariantCulture) + " Wh");
        }

        return $"{cap.Scope}, {string.Join(", ", limits)} per {cap.Period.ToString().ToLowerInvariant()} "
            + $"({cap.Zone.Id})";
    }

    private static string Format(string dimension, double value) => dimension switch
    {
        "usd" => "$" + value.ToString("0.00##", CultureInfo.InvariantCulture),
        "tokens" => value.ToString("N0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture) + " Wh",
    };

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
