using System.Text;
using System.Text.Json;
using Frugal.Sources.Jsonl;

namespace Frugal.Sources.Reviews;

/// <summary>
/// Reads a pull-request export: the JSON array <see cref="GitHubCommand"/> writes, GitLab's merge request list, or
/// several such arrays (or single entries) concatenated or one per line, as when <c>gh</c> is run once per date
/// window and the outputs are joined with <c>cat</c>. Entries that cannot be used are skipped and reported; a file
/// that is not such an export at all raises <see cref="PullRequestExportException"/>.
/// </summary>
public static class PullRequestExport
{
    /// <summary>The command that writes an export with every field Frugal reads from GitHub.</summary>
    public const string GitHubCommand = "gh pr list --state merged --limit 1000 --json "
        + "number,title,author,createdAt,mergedAt,reviews,reviewDecision,labels,headRefName,mergeCommit > prs.json";

    /// <summary>Reads the export at <paramref name="path"/>.</summary>
    public static PullRequestExportResult Read(string path)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PullRequestExportException(path, $"cannot be read ({e.Message})", null, null, e);
        }

        return Read(content, path);
    }

    /// <summary>Reads an export from <paramref name="stream"/>, named <paramref name="name"/> in messages.</summary>
    public static PullRequestExportResult Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.GetBuffer().AsSpan(0, checked((int)buffer.Length)), name);
    }

    /// <summary>Reads an export from <paramref name="content"/>, named <paramref name="name"/> in messages.</summary>
    public static PullRequestExportResult Read(ReadOnlySpan<byte> content, string name)
    {
        var utf8 = ToUtf8(content);
        if (JsonValues.IsBlank(utf8))
        {
            throw new PullRequestExportException(name, "is empty", null, null);
        }

        var entries = new ExportEntries();
        ReadValues(utf8, name, entries);
        if (entries.Count > 0 && !entries.AnyRecognised)
        {
            throw new PullRequestExportException(
                name, "holds JSON, but no entry has a \"number\" (gh) or an \"iid\" (GitLab)", null, null);
        }

        return entries.Result();
    }

    /// <summary>
    /// Reads every top-level value: an array is a list of entries, an object is one entry, anything else is no export.
    /// </summary>
    private static void ReadValues(ReadOnlySpan<byte> utf8, string name, ExportEntries entries)
    {
        var lines = new LineCounter();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        ReadEntry(ref reader, utf8, lines, entries);
                    }
                }
                else if (reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadEntry(ref reader, utf8, lines, entries);
                }
                else
                {
                    throw LoneValue(utf8, name, ref reader, lines);
                }
            }
        }
        catch (JsonException e)
        {
            throw new PullRequestExportException(
                name, $"is not JSON: {Sentence(e.Message)}", e.LineNumber + 1, e.BytePositionInLine + 1, e);
        }
    }

    private static PullRequestExportException LoneValue(
        ReadOnlySpan<byte> utf8, string name, ref Utf8JsonReader reader, LineCounter lines)
    {
        var kind = reader.TokenType switch
        {
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.Null => "null",
            _ => "true or false",
        };
        var start = checked((int)reader.TokenStartIndex);
        var line = lines.LineAt(utf8, start);
        var column = start - utf8[..start].LastIndexOf((byte)'\n');
        return new PullRequestExportException(
            name, $"has {kind} where an array or object of pull requests should be", line, column);
    }

    private static void ReadEntry(
        ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, LineCounter lines, ExportEntries entries)
    {
        var line = lines.LineAt(utf8, reader.TokenStartIndex);
        using var entry = JsonDocument.ParseValue(ref reader);
        entries.Add(entry.RootElement, line);
    }

    /// <summary>
    /// The content as UTF-8 without a byte-order mark. Windows PowerShell 5 redirects output as UTF-16, so a file
    /// that starts with a UTF-16 byte-order mark is converted.
    /// </summary>
    private static ReadOnlySpan<byte> ToUtf8(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return content[3..];
        }

        var utf16 = content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? Encoding.Unicode
            : content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Encoding.BigEndianUnicode
            : null;
        return utf16 is null ? content : Encoding.UTF8.GetBytes(utf16.GetString(content[2..]));
    }

    /// <summary>The reader's message without its own zero-based position, which the exception gives from one.</summary>
    private static string Sentence(string message)
    {
        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.', ' ');
    }
}
