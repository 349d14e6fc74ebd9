using System.Buffers;
using System.Text;

namespace Frugal.Sources.Prompts;

/// <summary>
/// Decodes a prompt file's bytes as gh-models' YAML decoder (yaml.v3, <c>readerc.go</c>) does: UTF-8, or UTF-16
/// when the file starts with a UTF-16 byte order mark; a UTF-8 byte order mark is dropped. yaml.v3 refuses a file
/// with bytes that do not decode ("invalid leading UTF-8 octet", "invalid trailing UTF-8 octet", "incomplete UTF-8
/// octet sequence", an encoded surrogate), so such a file is a problem, not text read with replacement characters.
/// </summary>
internal static class PromptFileText
{
    /// <summary>Decodes <paramref name="bytes"/>: null and the text, or the problem at the first bad byte.</summary>
    public static PromptFileProblem? Decode(byte[] bytes, out string text)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        text = string.Empty;
        var (encoding, start) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => ("UTF-8", 3),
            [0xFF, 0xFE, ..] => ("UTF-16LE", 2),
            [0xFE, 0xFF, ..] => ("UTF-16BE", 2),
            _ => ("UTF-8", 0),
        };
        var units = encoding == "UTF-8" ? null : Utf16Units(bytes.AsSpan(start), encoding == "UTF-16BE");
        var (line, column, at) = (1, 1, start);
        while (at < bytes.Length)
        {
            var (status, rune, consumed) = units is null ? Utf8(bytes.AsSpan(at)) : Utf16(units, (at - start) / 2);
            if (status != OperationStatus.Done)
            {
                return new PromptFileProblem(line, column, $"not valid {encoding}: {Bad(bytes, at, encoding)} here "
                    + "starts no character, and gh-models' YAML decoder refuses such a file: save it as UTF-8");
            }

            (line, column) = rune.Value == '\n' ? (line + 1, 1) : (line, column + 1);
            at += units is null ? consumed : consumed * 2;
        }

        text = units is null ? Encoding.UTF8.GetString(bytes, start, bytes.Length - start) : new string(units);
        return null;
    }

    private static (OperationStatus, Rune, int) Utf8(ReadOnlySpan<byte> bytes)
    {
        var status = Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
        return (status, rune, consumed);
    }

    private static (OperationStatus, Rune, int) Utf16(char[] chars, int index)
    {
        var status = Rune.DecodeFromUtf16(chars.AsSpan(index), out var rune, out var consumed);
        return (status, rune, consumed);
    }

    /// <summary>The UTF-16 code units of <paramref name="bytes"/>; an odd last byte is left out.</summary>
    private static char[] Utf16Units(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        var units = new char[bytes.Length / 2];
        for (var i = 0; i < units.Length; i++)
        {
            var (high, low) = bigEndian ? (bytes[2 * i], bytes[(2 * i) + 1]) : (bytes[(2 * i) + 1], bytes[2 * i]);
            units[i] = (char)((high << 8) | low);
        }

        return units;
    }

    private static string Bad(byte[] bytes, int at, string encoding) => encoding == "UTF-8" || at + 1 >= bytes.Length
        ? $"byte 0x{bytes[at]:X2}"
        : $"the unit 0x{bytes[at]:X2}{bytes[at + 1]:X2}";
}
