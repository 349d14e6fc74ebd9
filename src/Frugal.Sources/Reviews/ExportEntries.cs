using System.Text.Json;
using Frugal.Domain.Outcomes;

namespace Frugal.Sources.Reviews;

/// <summary>
/// Collects the entries of one export in file order: usable ones by number (a later entry replaces an earlier one,
/// as when overlapping date windows are concatenated), skipped ones as diagnostics.
/// </summary>
internal sealed class ExportEntries
{
    private readonly Dictionary<int, PullRequest> _byNumber = [];
    private readonly List<PullRequestExportDiagnostic> _diagnostics = [];
    private int _count;
    private int _duplicates;

    /// <summary>Whether any entry was an object with a key of either format.</summary>
    public bool AnyRecognised { get; private set; }

    /// <summary>How many entries were read.</summary>
    public int Count => _count;

    /// <summary>Reads <paramref name="entry"/>, which starts on <paramref name="lineNumber"/>.</summary>
    public void Add(JsonElement entry, long lineNumber)
    {
        var index = _count;
        _count = checked(_count + 1);
        if (entry.ValueKind != JsonValueKind.Object)
        {
            var kind = EntryFields.KindOf(entry);
            Skip(index, lineNumber, null, [$"is {kind}, not an object describing a pull request"]);
            return;
        }

        var fields = new EntryFields(entry);
        var gitLab = fields.Has("iid") || fields.Has("created_at");
        AnyRecognised |= gitLab || fields.Has("number") || fields.Has("createdAt");
        var pullRequest = gitLab ? GitLabEntry.Read(fields, out var number) : GitHubEntry.Read(fields, out number);
        if (pullRequest is null)
        {
            Skip(index, lineNumber, number, fields.Problems);
            return;
        }

        if (!_byNumber.TryAdd(pullRequest.Number, pullRequest))
        {
            _byNumber[pullRequest.Number] = pullRequest;
            _duplicates++;
        }
    }

    /// <summary>Everything collected.</summary>
    public PullRequestExportResult Result() => new(
        [.. _byNumber.Values.OrderBy(pr => pr.Number)], [.. _diagnostics], _count, _duplicates);

    private void Skip(int index, long lineNumber, int? number, List<string> problems) =>
        _diagnostics.Add(new PullRequestExportDiagnostic(index, lineNumber, number, string.Join("; ", problems)));
}
