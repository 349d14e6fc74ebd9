using System.Text;
using Frugal.Domain.Outcomes;

namespace Frugal.Sources.Git;

/// <summary>
/// The <c>git log</c> format the history reader asks for and its parser. With <c>-z</c>, every field and every commit
/// ends with a NUL byte, which git keeps out of names, e-mail addresses and messages (any other byte, the ASCII
/// separators included, can appear in them). Dates are Unix seconds, which hold any offset git accepts.
/// </summary>
internal static class CommitLog
{
    private const int Fields = 9;

    /// <summary>The arguments that ask for the format: id, parents, author, committer, both dates, message.</summary>
    public static readonly string[] Arguments =
        ["-z", "--format=%H%x00%P%x00%an%x00%ae%x00%at%x00%cn%x00%ce%x00%ct%x00%B"];

    /// <summary>The same with <c>%S</c> (the ref each commit was reached from) first.</summary>
    public static readonly string[] WithSourceArguments =
        ["-z", "--format=%S%x00%H%x00%P%x00%an%x00%ae%x00%at%x00%cn%x00%ce%x00%ct%x00%B"];

    private static readonly UTF8Encoding StrictUtf8 = new(
        encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses every complete commit in <paramref name="output"/>, in the order git wrote them.</summary>
    public static List<CommitInfo> Parse(ReadOnlySpan<byte> output) =>
        [.. ParseFields(output, withSource: false).Select(p => p.Commit)];

    /// <summary>Parses output written with <see cref="WithSourceArguments"/>.</summary>
    public static List<(string Source, CommitInfo Commit)> ParseWithSource(ReadOnlySpan<byte> output) =>
        ParseFields(output, withSource: true);

    private static List<(string Source, CommitInfo Commit)> ParseFields(ReadOnlySpan<byte> output, bool withSource)
    {
        var fields = new List<Range>();
        var offset = 0;
        while (offset < output.Length)
        {
            var end = output[offset..].IndexOf((byte)0);
            var length = end < 0 ? output.Length - offset : end;
            fields.Add(new Range(offset, offset + length));
            offset += length + 1;
        }

        var width = withSource ? Fields + 1 : Fields;
        var commits = new List<(string, CommitInfo)>();
        var i = 0;
        while (i + width <= fields.Count)
        {
            // A commit starts with its id; anything else (a message that held a NUL after all) is passed over.
            var id = output[fields[i + (withSource ? 1 : 0)]];
            if (!IsObjectId(TrimNewlines(id)))
            {
                i++;
                continue;
            }

            var source = withSource ? Text(output[fields[i]]) : string.Empty;
            var at = withSource ? i + 1 : i;
            commits.Add((source, Commit(output, fields, at)));
            i += width;
        }

        return commits;
    }

    private static CommitInfo Commit(ReadOnlySpan<byte> output, List<Range> fields, int at)
    {
        var parents = Text(output[fields[at + 1]]);
        return new CommitInfo
        {
            Sha = Text(TrimNewlines(output[fields[at]])),
            Parents = parents.Length == 0 ? [] : parents.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Author = new GitIdentity(Text(output[fields[at + 2]]), Text(output[fields[at + 3]])),
            AuthoredAt = Instant(output[fields[at + 4]]),
            Committer = new GitIdentity(Text(output[fields[at + 5]]), Text(output[fields[at + 6]])),
            CommittedAt = Instant(output[fields[at + 7]]),
            Message = Message(output[fields[at + 8]]),
        };
    }

    /// <summary>git puts a newline between a commit's end and the next one's start in some versions.</summary>
    private static ReadOnlySpan<byte> TrimNewlines(ReadOnlySpan<byte> field) => field.TrimStart((byte)'\n');

    private static bool IsObjectId(ReadOnlySpan<byte> text)
    {
        if (text.Length is not (40 or 64))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigitLower((char)c))
            {
                return false;
            }
        }

        return true;
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

    /// <summary>Unix seconds, as <c>%at</c> and <c>%ct</c> write them; 0 when unreadable.</summary>
    private static DateTimeOffset Instant(ReadOnlySpan<byte> bytes)
    {
        _ = System.Buffers.Text.Utf8Parser.TryParse(bytes, out long seconds, out _);
        seconds = Math.Clamp(
            seconds, DateTimeOffset.MinValue.ToUnixTimeSeconds(), DateTimeOffset.MaxValue.ToUnixTimeSeconds());
        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }
}
