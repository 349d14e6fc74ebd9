using System.Collections.ObjectModel;

namespace Frugal.Domain.Energy.Advice;

/// <summary>
/// The element type of llama.cpp's KV cache (<c>-ctk</c> / <c>-ctv</c>) and the bytes one element takes,
/// from the ggml block sizes: q8_0 is 34 bytes per 32 elements, q4_0 18 bytes per 32.
/// </summary>
/// <param name="Name">The type as llama.cpp names it.</param>
/// <param name="BytesPerElement">Bytes per cached element.</param>
public sealed record KvCacheType(string Name, double BytesPerElement)
{
    /// <summary>16-bit floats, llama.cpp's default.</summary>
    public static readonly KvCacheType F16 = new("f16", 2.0);

    /// <summary>8-bit blocks.</summary>
    public static readonly KvCacheType Q8_0 = new("q8_0", 1.0625);

    /// <summary>4-bit blocks.</summary>
    public static readonly KvCacheType Q4_0 = new("q4_0", 0.5625);

    /// <summary>The cache types the advisor knows.</summary>
    public static ReadOnlyCollection<KvCacheType> Known { get; } = Array.AsReadOnly([F16, Q8_0, Q4_0]);

    /// <summary>Finds a known cache type by name without regard to case.</summary>
    /// <exception cref="ArgumentException">The name is not known; the message lists the known ones.</exception>
    public static KvCacheType Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var found = Known.FirstOrDefault(
            k => string.Equals(k.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (found is not null)
        {
            return found;
        }

        var known = string.Join(", ", Known.Select(k => k.Name));
        throw new ArgumentException($"Unknown KV cache type '{name}'. Known types: {known}.", nameof(name));
    }
}
