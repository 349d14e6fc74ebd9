using System.Globalization;
using System.Text;
using Frugal.Domain.Outcomes;

namespace Frugal.Sources.Git;

/// <summary>
/// The <c>git log</c> format the history reader asks for and its parser. Each commit starts with a record
/// separator (0x1E) and its fields are split by unit separators (0x1F), which no name, date or id contains; the
/// message comes last, so whatever it holds cannot shift the fields before it.
/// </summary>
internal static class CommitLog
{
    private const byte RecordSeparator = 0x1E;
    private const byte UnitSeparator = 0x1F;
    private const int Fields = 9;

    /// <summary>The <c>--format</c> argument: id, parents, author, committer, both dates, raw message.</summary>
    public const string Format = "--format=%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%cn%x1f%ce%x1f%cI%x1f%B";

    private static readonly UTF8Encoding StrictUtf8 = new(
        encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses every complete commit in <paramref name="output"/>, in the order git wrote them.</summary>
    public static List<CommitInfo> Parse(ReadOnlySpan<byte> output)
    {
        var commits = new List<CommitInfo>();
        foreach (var record in Records(output))
        {
            if (TryParse(output[record]) is { } commit)
            {
                commits.Add(commit);
            }
        }

        return commits;
    }

    /// <summary>
    /// Parses output whose format puts <c>%S</c> (the ref each commit was reached from) before the usual fields.
    /// </summary>
    public static List<(string Source, CommitInfo Commit)> ParseWithSource(ReadOnlySpan<byte> output)
    {
        var commits = new List<(string, CommitInfo)>();
        foreach (var range in Records(output))
        {
            var record = output[range];
            var split = record.IndexOf(UnitSeparator);
            if (split > 0 && TryParse(record[(split + 1)..]) is { } commit)
            {
                commits.Add((Text(record[..split]), commit));
            }
        }

        return commits;
    }

    private static List<Range> Records(ReadOnlySpan<byte> output)
    {
        var records = new List<Range>();
        var offset = 0;
        while (true)
        {
            var start = output[offset..].IndexOf(RecordSeparator);
            if (start < 0)
            {
                return records;
            }

            offset += start + 1;
            var end = output[offset..].IndexOf(RecordSeparator);
            var length = end < 0 ? output.Length - offset : end;
            records.Add(new Range(offset, offset + length));
            offset += length;
        }
    }

    private static CommitInfo? TryParse(ReadOnlySpan<byte> record)
    {
        Span<Range> fields = stackalloc Range[Fields];
        var count = SplitFields(record, fields);
        if (count < Fields)
        {
            return null;
        }

        var parents = Text(record[fields[1]]);
        return new CommitInfo
        {
            Sha = Text(record[fields[0]]),
            Parents = parents.Length == 0 ? [] : parents.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Author = new GitIdentity(Text(record[fields[2]]), Text(record[fields[3]])),
            AuthoredAt = Instant(record[fields[4]]),
            Committer = new GitIdentity(Text(record[fields[5]]), Text(record[fields[6]])),
            CommittedAt = Instant(record[fields[7]]),
            Message = Message(record[fields[8]]),
        };
    }

    /// <summary>Splits the first eight fields off; the ninth (the message) takes the rest whatever it holds.</summary>
    private static int SplitFields(ReadOnlySpan<byte> record, Span<Range> fields)
    {
        var position = 0;
        for (var i = 0; i < Fields - 1; i++)
        {
            var next = record[position..].IndexOf(UnitSeparator);
            if (next < 0)
            {
                return i;
            }

            fields[i] = new Range(position, position + next);
            position += next + 1;
        }

        fields[Fields - 1] = new Range(position, record.Length);
        return Fields;
    }

    /// <summary>
    /// Decodes a name or message: UTF-8 when it is valid UTF-8 (git re-encodes messages that declare their
    /// encoding), otherwise Latin-1, the commonest encoding of old commits that declared none.
    /// </summary>
    public static string Text(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static string Message(ReadOnlySpan<byte> bytes)
    {
        var text = Text(bytes);
        if (text.Contains('\r', StringComparison.Ordinal))
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        }

        return text.TrimEnd('\n', ' ');
    }

    private static DateTimeOffset Instant(ReadOnlySpan<byte> bytes)
    {
        var text = Text(bytes);
        return DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
    }
}
