using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Frugal.Cli.Infrastructure;
using Frugal.Domain.Prompts;
using Frugal.Domain.Prompts.Diff;
using Frugal.Domain.Prompts.Lint;
using Frugal.Sources.Git;
using Frugal.Sources.Prompts;

namespace Frugal.Cli.Commands;

/// <summary>
/// <c>frugal prompt diff OLD NEW</c>: what changed between two versions of a prompt file, the token delta, the
/// least semver bump the change requires (prompts.md §5, see <see cref="PromptDiffer"/>) and whether the declared
/// <c>metadata.version</c> bump is enough (exit 1 when it is not).
/// </summary>
internal static class PromptDiffCommand
{
    private static readonly Argument<string> Old = new("OLD")
    {
        Description = "The old version: a file, REV:PATH (PATH at a git revision), or a bare REV (the file NEW names, "
            + "at that revision).",
    };

    private static readonly Argument<string> New = new("NEW")
    {
        Description = "The new version, in the same forms: a file, REV:PATH or a bare REV (the file OLD names).",
    };

    public static Command Create()
    {
        var command = new Command("diff", "Compare two versions of a .prompt.yml: messages, parameters, "
            + "placeholders, tests, evaluators, checks, token delta, and the least semver bump the change requires "
            + "(exit 1 when metadata.version declares less). Each side is a file path, REV:PATH (PATH at a git "
            + "revision, relative to the current folder) or a bare git revision, which takes the path of the other "
            + "side: 'frugal prompt diff HEAD~1 prompts/x.prompt.yml' compares the file at HEAD~1 with the working "
            + "copy.")
        {
            Old, New, CommonOptions.Json,
        };
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var oldArgument = parse.GetValue(Old)!;
        var newArgument = parse.GetValue(New)!;
        var directory = Directory.GetCurrentDirectory();
        var before = Load(PromptSides.Resolve(oldArgument, newArgument, directory, "OLD"));
        var after = Load(PromptSides.Resolve(newArgument, oldArgument, directory, "NEW"));
        var diff = PromptDiffer.Compare(before, after,
            (messages, encoding) => PromptTokens.CountChat(messages, encoding, isEstimate: false).Total);
        if (parse.GetValue(CommonOptions.Json))
        {
            using var stdout = Console.OpenStandardOutput();
            WriteJson(stdout, diff, oldArgument, newArgument);
            stdout.WriteByte((byte)'\n');
        }
        else
        {
            Write(Console.Out, diff, oldArgument, newArgument);
        }

        if (diff.Failure is { } failure)
        {
            Console.Error.WriteLine($"frugal: {SecretPatterns.Redact(failure)}");
            return CliError.FailureExitCode;
        }

        return 0;
    }

    private static PromptDefinition Load((string Name, string Text) side)
    {
        var reading = PromptFile.Parse(side.Name, side.Text);
        return reading.IsValid ? reading.Prompt
            : throw CliError.Usage(new PromptFileException(side.Name, reading.Problems).Message);
    }

    /// <summary>
    /// The report for people. Like the lint, it never prints what looks like a secret: a key in a changed message
    /// line or test value is shown by its kind (<see cref="SecretPatterns.Redact"/>).
    /// </summary>
    internal static void Write(TextWriter output, PromptDiff diff, string oldName, string newName)
    {
        using var report = new StringWriter(CultureInfo.InvariantCulture) { NewLine = output.NewLine };
        WriteReport(report, diff, oldName, newName);
        output.Write(SecretPatterns.Redact(report.ToString()));
    }

    private static void WriteReport(TextWriter output, PromptDiff diff, string oldName, string newName)
    {
        output.WriteLine($"prompt diff {oldName} -> {newName}");
        output.WriteLine(diff.Changes.Count == 0 ? "No changes." : "Changes:");
        foreach (var change in diff.Changes)
        {
            var values = change.Lines.Count > 0 ? string.Empty : change.Kind switch
            {
                ChangeKind.Added when change.After is not null => $": {change.After}",
                ChangeKind.Removed when change.Before is not null => $": {change.Before}",
                ChangeKind.Changed when change.Before is not null || change.After is not null =>
                    $": {change.Before ?? "(none)"} -> {change.After ?? "(none)"}",
                _ => string.Empty,
            };
            output.WriteLine($"  {change.Area}: {Kind(change.Kind)} {change.Subject}{values}");
            foreach (var line in change.Lines)
            {
                output.WriteLine($"      {line}");
            }
        }

        output.WriteLine("Tokens (messages with placeholders as written, chat overhead included):");
        foreach (var row in diff.Tokens)
        {
            var how = row.Label == row.Encoding.Name() ? "exact"
                : $"{row.Encoding.Name()}{(row.IsEstimate ? ", estimate" : string.Empty)}";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {row.Label} ({how}): {row.Before} -> {row.After} ({row.Delta:+0;-0;0})"));
        }

        output.WriteLine($"Required bump: {PromptDiff.Name(diff.Required)}");
        foreach (var reason in diff.Reasons.OrderByDescending(r => r.Bump))
        {
            output.WriteLine($"  {PromptDiff.Name(reason.Bump)}: {reason.Reason}");
        }

        output.WriteLine(diff.Declared is { } declared
            ? $"Declared bump: {PromptDiff.Name(declared)} ({diff.OldVersion} -> {diff.NewVersion})"
            : $"Declared bump: unknown (metadata.version {diff.OldVersion?.ToString() ?? "absent"} -> "
                + $"{diff.NewVersion?.ToString() ?? "absent"})");
        output.WriteLine(diff.Failure is { } failure ? $"FAIL: {failure}" : "OK: the declared version is enough.");
    }

    /// <summary>
    /// The report as JSON: <c>{"old", "new", "changes": [...], "tokens": [...], "required", "reasons": [...],
    /// "oldVersion", "newVersion", "declared", "ok", "failure"}</c>, every string redacted as in <see cref="Write"/>.
    /// </summary>
    internal static void WriteJson(Stream stream, PromptDiff diff, string oldName, string newName)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        json.WriteStartObject();
        json.WriteString("old", Safe(oldName));
        json.WriteString("new", Safe(newName));
        json.WriteStartArray("changes");
        foreach (var change in diff.Changes)
        {
            json.WriteStartObject();
            json.WriteString("area", change.Area);
            json.WriteString("kind", Kind(change.Kind));
            json.WriteString("subject", Safe(change.Subject));
            json.WriteString("before", Safe(change.Before));
            json.WriteString("after", Safe(change.After));
            json.WriteStartArray("lines");
            foreach (var line in change.Lines)
            {
                json.WriteStringValue(Safe(line));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("tokens");
        foreach (var row in diff.Tokens)
        {
            json.WriteStartObject();
            json.WriteString("label", Safe(row.Label));
            json.WriteString("encoding", row.Encoding.Name());
            json.WriteBoolean("estimate", row.IsEstimate);
            json.WriteNumber("before", row.Before);
            json.WriteNumber("after", row.After);
            json.WriteNumber("delta", row.Delta);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("required", PromptDiff.Name(diff.Required));
        json.WriteStartArray("reasons");
        foreach (var reason in diff.Reasons)
        {
            json.WriteStartObject();
            json.WriteString("bump", PromptDiff.Name(reason.Bump));
            json.WriteString("reason", Safe(reason.Reason));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("oldVersion", Safe(diff.OldVersion?.ToString()));
        json.WriteString("newVersion", Safe(diff.NewVersion?.ToString()));
        json.WriteString("declared", diff.Declared is { } declared ? PromptDiff.Name(declared) : null);
        json.WriteBoolean("ok", diff.Failure is null);
        json.WriteString("failure", Safe(diff.Failure));
        json.WriteEndObject();
    }

    private static string? Safe(string? text) => text is null ? null : SecretPatterns.Redact(text);

    private static string Kind(ChangeKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>Turns a command-line side of <c>frugal prompt diff</c> into a name and the file's text.</summary>
internal static class PromptSides
{
    /// <summary>
    /// Reads <paramref name="argument"/>: an existing file; else <c>REV:PATH</c>; else a bare revision, with the
    /// path <paramref name="other"/> names. Paths are relative to <paramref name="directory"/>.
    /// </summary>
    public static (string Name, string Text) Resolve(string argument, string other, string directory, string side)
    {
        var file = Path.GetFullPath(argument, directory);
        if (File.Exists(file))
        {
            try
            {
                return (argument, PromptFile.ReadText(file));
            }
            catch (PromptFileException e)
            {
                throw CliError.Usage(string.Join("; ", e.Problems.Select(p => $"{argument}:{p.Line}: {p.Message}")));
            }
        }

        var (revision, path) = Split(argument);
        if (path is null)
        {
            if (File.Exists(Path.GetFullPath(other, directory)))
            {
                path = other;
            }
            else
            {
                path = Split(other).Path ?? throw CliError.Usage(
                    $"{side} '{argument}' is not a file, and neither side names one: give a file path or REV:PATH.");
            }
        }

        GitRepository repository;
        try
        {
            repository = GitRepository.Open(directory);
        }
        catch (GitException)
        {
            throw CliError.Usage($"{side} '{argument}' is not a file, and {directory} is not in a git repository "
                + "to read a revision from.");
        }

        if (repository.ResolveCommit(revision) is null)
        {
            throw CliError.Usage($"{side} '{argument}' is neither a file nor a git revision ('{revision}' names no "
                + "commit).");
        }

        var relative = Path.GetRelativePath(Path.GetFullPath(repository.Root), Path.GetFullPath(path, directory))
            .Replace('\\', '/');
        var text = repository.ReadFile(revision, relative)
            ?? throw CliError.Usage($"{side}: {relative} does not exist at {revision}.");
        return ($"{revision}:{relative}", text);
    }

    private static (string Revision, string? Path) Split(string argument)
    {
        var colon = argument.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? (argument[..colon], argument[(colon + 1)..]) : (argument, null);
    }
}
