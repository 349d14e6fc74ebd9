using System.Text;

namespace Frugal.Sources.Jsonl;

/// <summary>
/// Turns UTF-8 bytes into strings, handing back the same string for bytes seen recently. A transcript repeats its
/// session id, working directory, branch and model on every line; this keeps one string of each.
/// </summary>
public sealed class Utf8StringCache
{
    private const int Slots = 64;
    private readonly byte[]?[] _bytes = new byte[Slots][];
    private readonly string?[] _strings = new string[Slots];

    /// <summary>The string of <paramref name="utf8"/>.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > 256)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var slot = (int)(System.IO.Hashing.XxHash32.HashToUInt32(utf8) % Slots);
        if (_bytes[slot] is { } known && utf8.SequenceEqual(known))
        {
            return _strings[slot]!;
        }

        var value = Encoding.UTF8.GetString(utf8);
        _bytes[slot] = utf8.ToArray();
        _strings[slot] = value;
        return value;
    }
}
