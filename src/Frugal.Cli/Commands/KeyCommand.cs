using System.CommandLine;
using System.Globalization;
using Frugal.Cli.Infrastructure;
using Frugal.Gateway.Security;
using Spectre.Console;

namespace Frugal.Cli.Commands;

/// <summary><c>frugal key create|list|revoke</c>: the gateway's virtual keys, one or more per project.</summary>
internal static class KeyCommand
{
    private static readonly Option<string> Project = new("--project")
    {
        Description = "The project the key's calls count to.",
        HelpName = "NAME",
        Required = true,
    };

    private static readonly Option<string?> Name = new("--name")
    {
        Description = "A label for the key, such as the person or program that uses it.",
        HelpName = "TEXT",
    };

    private static readonly Argument<string> Id = new("id") { Description = "The key's id, as key list shows it." };

    public static Command Create(TimeProvider clock)
    {
        var create = new Command("create", "Make a key; its secret is printed once and only its SHA-256 is kept.")
        {
            Project, Name, CommonOptions.Ledger,
        };
        create.SetAction(parse => CreateKey(parse, clock));
        var list = new Command("list", "List the keys: id, project, name, when made, whether revoked.")
        {
            CommonOptions.Ledger,
        };
        list.SetAction(List);
        var revoke = new Command("revoke", "Revoke a key; the gateway refuses it within five seconds.")
        {
            Id, CommonOptions.Ledger,
        };
        revoke.SetAction(parse => Revoke(parse, clock));
        return new Command("key", "Manage the gateway's virtual keys.") { create, list, revoke };
    }

    private static int CreateKey(ParseResult parse, TimeProvider clock)
    {
        var project = ProjectName(parse.GetValue(Project)!);
        if (parse.GetValue(Name) is { } label && (label.Length > 200 || label.Any(char.IsControl)))
        {
            throw CliError.Usage("--name must be at most 200 characters, with no control characters.");
        }

        using var ledger = LedgerSession.OpenLedger(parse.GetValue(CommonOptions.Ledger));
        var (key, secret) = VirtualKeys.Create(project, parse.GetValue(Name), clock.GetUtcNow());
        ledger.AddKey(key);
        Console.Out.WriteLine(secret);
        Console.Error.WriteLine($"Key {key.Id} for project {project}. The secret above is shown once: Frugal keeps "
            + "only its SHA-256. Callers send it as Authorization: Bearer SECRET or x-api-key: SECRET.");
        return 0;
    }

    /// <summary>A project name as given, checked: 1 to 200 characters, none of them control characters.</summary>
    internal static string ProjectName(string text)
    {
        var name = text.Trim();
        return name.Length is > 0 and <= 200 && !name.Any(char.IsControl)
            ? name
            : throw CliError.Usage("--project must be 1 to 200 characters, with no control characters.");
    }

    private static int List(ParseResult parse)
    {
        using var ledger = LedgerSession.OpenLedger(parse.GetValue(CommonOptions.Ledger));
        var keys = ledger.Keys();
        var console = Consoles.Out();
        if (keys.Count == 0)
        {
            console.WriteLine("No keys yet: make one with frugal key create --project NAME.");
            return 0;
        }

        var table = new Table().AddColumns("Id", "Project", "Name", "Made (UTC)", "Status");
        foreach (var key in keys)
        {
            table.AddRow(
                Markup.Escape(key.Id), Markup.Escape(key.Project), Markup.Escape(key.Name ?? string.Empty),
                key.Created.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                key.Revoked is { } at
                    ? "revoked " + at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
                    : "active");
        }

        console.Write(table);
        return 0;
    }

    private static int Revoke(ParseResult parse, TimeProvider clock)
    {
        var id = parse.GetValue(Id)!;
        using var ledger = LedgerSession.OpenLedger(parse.GetValue(CommonOptions.Ledger));
        if (!ledger.RevokeKey(id, clock.GetUtcNow()))
        {
            throw CliError.Usage($"there is no active key '{id}': frugal key list shows the keys.");
        }

        Console.Error.WriteLine($"Key {id} revoked.");
        return 0;
    }
}
