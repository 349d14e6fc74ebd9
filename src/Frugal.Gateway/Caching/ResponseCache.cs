using System.Security.Cryptography;
using Frugal.Domain.Usage;

namespace Frugal.Gateway.Caching;

/// <summary>A cached answer: the bytes sent back and the usage of the call that produced them.</summary>
/// <param name="ContentType">The answer's content type.</param>
/// <param name="Body">The answer as sent (a whole stream, for a streamed call).</param>
/// <param name="Tokens">The tokens of the call that produced it.</param>
/// <param name="Model">The model that answered.</param>
/// <param name="Expires">When it stops being served.</param>
public sealed record CachedAnswer(
    string ContentType, byte[] Body, TokenCounts Tokens, string Model, DateTimeOffset Expires);

/// <summary>
/// The exact-match cache: answers kept by the hash of everything that changes them, bounded in entries and bytes
/// (the least recently used go first) and in age.
/// </summary>
public sealed class ResponseCache(int maxEntries, long maxBytes)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, CachedAnswer Answer)>> _entries = [];
    private readonly LinkedList<(string Key, CachedAnswer Answer)> _order = new();
    private long _bytes;

    /// <summary>How many answers it holds.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// The key of a request: its path, the project (answers are never shared across projects), the upstream and
    /// model it resolved to, and its exact body (every field that changes the answer is in it).
    /// </summary>
    public static string Key(string path, string project, string upstream, string model, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in (string[])[path, project, upstream, model])
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(part));
            hash.AppendData([0]);
        }

        hash.AppendData(body);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The answer under <paramref name="key"/> when it has not expired.</summary>
    public CachedAnswer? Get(string key, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return null;
            }

            if (node.Value.Answer.Expires <= now)
            {
                Remove(node);
                return null;
            }

            _order.Remove(node);
            _order.AddFirst(node);
            return node.Value.Answer;
        }
    }

    /// <summary>Keeps <paramref name="answer"/>; one bigger than the whole cache is not kept.</summary>
    public void Put(string key, CachedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Body.Length > maxBytes)
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var old))
            {
                Remove(old);
            }

            var node = _order.AddFirst((key, answer));
            _entries[key] = node;
            _bytes += answer.Body.Length;
            while (_entries.Count > maxEntries || _bytes > maxBytes)
            {
                Remove(_order.Last!);
            }
        }
    }

    private void Remove(LinkedListNode<(string Key, CachedAnswer Answer)> node)
    {
        _order.Remove(node);
        _entries.Remove(node.Value.Key);
        _bytes -= node.Value.Answer.Body.Length;
    }
}
