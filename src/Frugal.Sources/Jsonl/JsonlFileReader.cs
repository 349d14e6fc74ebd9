using System.Buffers;
using System.IO.Hashing;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace Frugal.Sources.Jsonl;

/// <summary>
/// Reads whole lines of a JSONL file from a byte offset with a bounded buffer, so a file of any size is read in
/// memory proportional to its longest line. A line is whole when a line feed ends it; an unterminated last line is
/// taken only when it is a complete JSON value (a writer may still be appending to it), otherwise it is left for a
/// later pass. A UTF-8 byte-order mark at the file's start and a carriage return before the line feed are dropped.
/// </summary>
public static class JsonlFileReader
{
    private const int InitialBufferBytes = 1 << 20;

    /// <summary>The longest line held in memory; a longer one is passed over and reported.</summary>
    public const int MaxLineBytes = 256 << 20;

    /// <summary>How much of the last line read is hashed for the checkpoint.</summary>
    private const int TailHashBytes = 4096;
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Reads lines from <paramref name="startOffset"/> (which must be a line start) until the end of the file or until
    /// more than <paramref name="byteBudget"/> bytes of lines have been consumed, whichever comes first.
    /// </summary>
    /// <remarks>A line longer than <paramref name="maxLineBytes"/> is passed over and reported to the sink.</remarks>
    public static JsonlReadResult Read(
        string path, long startOffset, long startLineNumber, ILineSink sink, long byteBudget = long.MaxValue,
        int maxLineBytes = MaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(sink);
        using var handle = File.OpenHandle(
            path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return Read(handle, startOffset, startLineNumber, sink, byteBudget, maxLineBytes);
    }

    private static JsonlReadResult Read(
        SafeFileHandle handle, long startOffset, long startLineNumber, ILineSink sink, long byteBudget,
        int maxLineBytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
        try
        {
            var state = new ReadState(startOffset, startLineNumber)
            {
                SkipLineEnding = startOffset > 0 && !FollowsLineFeed(handle, startOffset),
            };
            var filled = 0;
            while (true)
            {
                if (filled == buffer.Length && buffer.Length >= maxLineBytes)
                {
                    filled = SkipOversizedLine(handle, buffer, filled, ref state, sink);
                    if (filled < 0)
                    {
                        HashLastLine(handle, ref state);
                        return state.Result(-filled, reachedEnd: true);
                    }
                }
                else if (filled == buffer.Length)
                {
                    buffer = Grow(buffer, filled);
                }

                var read = RandomAccess.Read(handle, buffer.AsSpan(filled), state.ReadPosition);
                state.ReadPosition += read;
                state.BytesRead += read;
                filled += read;
                var atEnd = read == 0;

                var consumed = ConsumeLines(buffer.AsSpan(0, filled), ref state, sink, byteBudget);
                filled -= consumed;
                buffer.AsSpan(consumed, filled).CopyTo(buffer);

                if (state.BudgetSpent)
                {
                    HashLastLine(handle, ref state);
                    return state.Result(filled, reachedEnd: false);
                }

                if (atEnd)
                {
                    ConsumeUnterminatedTail(buffer.AsSpan(0, filled), ref state, sink, ref filled);
                    HashLastLine(handle, ref state);
                    return state.Result(filled, reachedEnd: true);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Passes over a line longer than <see cref="MaxLineBytes"/>: reads on to its line feed, reports it to the sink,
    /// and keeps what follows it. Returns how many bytes of the buffer are filled afterwards, or minus the length
    /// of the partial line when the file ends first (it is left unread, like any unfinished line).
    /// </summary>
    private static int SkipOversizedLine(
        SafeFileHandle handle, byte[] buffer, int filled, ref ReadState state, ILineSink sink)
    {
        long length = filled;
        while (true)
        {
            var read = RandomAccess.Read(handle, buffer, state.ReadPosition);
            if (read == 0)
            {
                return (int)-Math.Min(length, int.MaxValue);
            }

            state.ReadPosition += read;
            state.BytesRead += read;
            var newline = buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline < 0)
            {
                length += read;
                continue;
            }

            length += newline + 1;
            state.EndOffset += length;
            state.ConsumedBytes += length;
            state.LineNumber++;
            state.LastLineLength = (int)Math.Min(length, int.MaxValue);
            sink.OnOversizedLine(state.LineNumber);
            var rest = read - (newline + 1);
            buffer.AsSpan(newline + 1, rest).CopyTo(buffer);
            return rest;
        }
    }

    /// <summary>
    /// Hashes the last 4 KiB (at most) before the end offset, read again from the file: cheaper than hashing every
    /// line. The checkpoint compares these bytes to tell an appended file from a rewritten one.
    /// </summary>
    private static void HashLastLine(SafeFileHandle handle, ref ReadState state)
    {
        // The bytes just before the end offset, whether or not this pass read a line: a pass that only took a held
        // line feed, or none, still leaves a checkpoint that must match the file.
        state.LastLineLength = (int)Math.Min(state.EndOffset, TailHashBytes);
        if (state.LastLineLength == 0)
        {
            return;
        }

        Span<byte> tail = stackalloc byte[TailHashBytes];
        tail = tail[..state.LastLineLength];
        var read = RandomAccess.Read(handle, tail, state.EndOffset - state.LastLineLength);
        state.LastLineHash = XxHash64.HashToUInt64(tail[..read]);
    }

    /// <summary>
    /// Whether the byte before <paramref name="offset"/> ends a line. It does not when an earlier pass took a
    /// complete but unterminated last line; the line feed that a writer appends later then ends that line and must
    /// not be read as an empty line of its own.
    /// </summary>
    private static bool FollowsLineFeed(SafeFileHandle handle, long offset)
    {
        Span<byte> previous = stackalloc byte[1];
        return RandomAccess.Read(handle, previous, offset - 1) == 1 && previous[0] == (byte)'\n';
    }

    private static int ConsumeLines(Span<byte> data, ref ReadState state, ILineSink sink, long byteBudget)
    {
        var consumed = SkipPendingLineEnding(data, ref state);
        while (true)
        {
            var newline = data[consumed..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                return consumed;
            }

            var withEnding = data.Slice(consumed, newline + 1);
            Deliver(withEnding, withEnding[..newline], ref state, sink);
            consumed += newline + 1;
            if (state.ConsumedBytes > byteBudget)
            {
                state.BudgetSpent = true;
                return consumed;
            }
        }
    }

    private static int SkipPendingLineEnding(Span<byte> data, ref ReadState state)
    {
        if (!state.SkipLineEnding || data.IsEmpty)
        {
            return 0;
        }

        state.SkipLineEnding = false;
        var ending = data[0] == (byte)'\n' ? 1 : data.StartsWith("\r\n"u8) ? 2 : 0;
        state.EndOffset += ending;
        state.ConsumedBytes += ending;
        return ending;
    }

    private static void ConsumeUnterminatedTail(Span<byte> tail, ref ReadState state, ILineSink sink, ref int filled)
    {
        if (tail.IsEmpty || !IsCompleteJson(tail))
        {
            return;
        }

        Deliver(tail, tail, ref state, sink);
        filled = 0;
    }

    private static void Deliver(
        ReadOnlySpan<byte> withEnding, ReadOnlySpan<byte> line, ref ReadState state, ILineSink sink)
    {
        var lineStart = state.EndOffset;
        state.EndOffset += withEnding.Length;
        state.ConsumedBytes += withEnding.Length;
        state.LineNumber++;
        state.LastLineLength = withEnding.Length;

        if (lineStart == 0 && line.StartsWith(Utf8Bom))
        {
            line = line[Utf8Bom.Length..];
        }

        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        sink.OnLine(line, state.LineNumber);
    }

    /// <summary>
    /// Whether <paramref name="data"/> holds exactly one complete JSON value and nothing else but spaces.
    /// </summary>
    public static bool IsCompleteJson(ReadOnlySpan<byte> data)
    {
        try
        {
            var reader = new Utf8JsonReader(data, isFinalBlock: true, new JsonReaderState(JsonValues.Options));
            if (!reader.Read() || !reader.TrySkip())
            {
                return false;
            }

            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static byte[] Grow(byte[] buffer, int filled)
    {
        var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
        buffer.AsSpan(0, filled).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private struct ReadState(long startOffset, long startLineNumber)
    {
        public long ReadPosition = startOffset;
        public long EndOffset = startOffset;
        public long LineNumber = startLineNumber;
        public long BytesRead;
        public long ConsumedBytes;
        public ulong LastLineHash;
        public int LastLineLength;
        public bool BudgetSpent;
        public bool SkipLineEnding;

        public readonly JsonlReadResult Result(int pending, bool reachedEnd) =>
            new(EndOffset, LineNumber, BytesRead, LastLineHash, LastLineLength, pending, reachedEnd);
    }
}
