using Frugal.Domain.Usage;
using Frugal.Storage.Import;
using Spectre.Console;

namespace Frugal.Cli.Rendering;

/// <summary>Renders what an import did, for people.</summary>
internal static class ImportView
{
    public static void Render(IAnsiConsole console, ImportSummary summary, TimeSpan elapsed)
    {
        if (summary.FilesFound == 0)
        {
            RenderNothingFound(console, summary);
            return;
        }

        console.WriteLine(
            $"Imported {Numbers.Count(summary.FilesFound, "file")} ({Numbers.Tokens(summary.FilesRead)} changed, "
            + $"{Numbers.Tokens(summary.FilesRestarted)} re-read from the start) in {elapsed.TotalSeconds:0.00} s: "
            + $"{Numbers.Count(summary.Lines, "line")}, {Numbers.Tokens(summary.UsageLines)} with usage, "
            + $"{Numbers.Count(summary.CallsAdded, "new call")}.");
        WriteKind(console, summary.Diagnostics, DiagnosticKind.Skipped, "Skipped lines");
        WriteKind(console, summary.Diagnostics, DiagnosticKind.Duplicate, "Repeats of counted calls");
        WriteKind(console, summary.Diagnostics, DiagnosticKind.Note, "Notes");
        if (summary.ReplaysRemoved > 0)
        {
            console.WriteLine(
                $"Subagent replays merged into their parent call: {Numbers.Tokens(summary.ReplaysRemoved)}.");
        }

        foreach (var error in summary.FileErrors)
        {
            console.WriteLine($"Not read: {error.Path}: {error.Message}");
        }

        foreach (var line in summary.UnfinishedLines)
        {
            console.WriteLine($"Left for the next run: {line.Path} ends in an unfinished line "
                + $"({Numbers.Count(line.Bytes, "byte")}, no line feed, not complete JSON).");
        }
    }

    private static void RenderNothingFound(IAnsiConsole console, ImportSummary summary)
    {
        console.WriteLine("No Claude Code or Codex logs found. Looked in:");
        foreach (var root in summary.Roots)
        {
            var state = root.Exists ? "no .jsonl files" : "missing";
            console.WriteLine($"  {root.Source}: {root.Path} ({root.Origin}; {state})");
        }

        console.WriteLine(
            "Point Frugal at logs with --source claude-code=PATH or --source codex=PATH, "
            + "or set CLAUDE_CONFIG_DIR or CODEX_HOME.");
    }

    private static void WriteKind(
        IAnsiConsole console, IReadOnlyList<DiagnosticCount> diagnostics, DiagnosticKind kind, string title)
    {
        var items = diagnostics.Where(d => d.Kind == kind).ToArray();
        if (items.Length == 0)
        {
            return;
        }

        console.WriteLine($"{title}: "
            + string.Join(", ", items.Select(d => $"{Numbers.Tokens(d.Count)} {d.Reason}")) + ".");
    }
}
