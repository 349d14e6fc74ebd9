using System.Security.Cryptography;
using System.Text;
using Frugal.Storage.Ledger;

namespace Frugal.Gateway.Security;

/// <summary>
/// Virtual keys: a secret for the caller (shown once), stored only as its SHA-256; a public id names the key in
/// lists, budgets and the ledger.
/// </summary>
public static class VirtualKeys
{
    /// <summary>What every secret starts with, so a leaked one is recognisable.</summary>
    public const string Prefix = "frugal-";

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>Makes a key for <paramref name="project"/>: the stored record and the secret to hand out.</summary>
    public static (GatewayKey Key, string Secret) Create(string project, string? name, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        var secret = Prefix + RandomNumberGenerator.GetString(Alphabet, 40);
        var id = "k-" + RandomNumberGenerator.GetHexString(8, lowercase: true);
        return (new GatewayKey(id, project, name, Hash(secret), now, null), secret);
    }

    /// <summary>The SHA-256 of a presented secret.</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}

/// <summary>
/// The keys the gateway accepts. A presented secret is hashed and compared with every active key's hash in
/// constant time, with no early exit, so timing tells nothing about which key or how much of it matched. Keys made
/// or revoked while the gateway runs are seen within five seconds (a new key at once, at most one reload a second).
/// </summary>
public sealed class KeyStore
{
    private readonly Func<IReadOnlyList<GatewayKey>> _load;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private IReadOnlyList<GatewayKey> _keys;
    private long _loadedAt;

    /// <summary>Creates the store over <paramref name="load"/>, which reads every key from the ledger.</summary>
    public KeyStore(Func<IReadOnlyList<GatewayKey>> load, TimeProvider time)
    {
        _load = load ?? throw new ArgumentNullException(nameof(load));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _keys = load();
        _loadedAt = time.GetTimestamp();
    }

    /// <summary>The active key whose secret is <paramref name="secret"/>, or null.</summary>
    public GatewayKey? Find(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var hash = VirtualKeys.Hash(secret);
        if (_time.GetElapsedTime(Volatile.Read(ref _loadedAt)) >= TimeSpan.FromSeconds(5))
        {
            return Reload(hash);
        }

        if (Match(_keys, hash) is { } found)
        {
            return found.Revoked is null ? found : Reload(hash);
        }

        return Reload(hash);
    }

    private GatewayKey? Reload(byte[] hash)
    {
        lock (_lock)
        {
            if (_time.GetElapsedTime(_loadedAt) >= TimeSpan.FromSeconds(1))
            {
                _keys = _load();
                _loadedAt = _time.GetTimestamp();
            }
        }

        return Match(_keys, hash) is { Revoked: null } key ? key : null;
    }

    private static GatewayKey? Match(IReadOnlyList<GatewayKey> keys, byte[] hash)
    {
        GatewayKey? found = null;
        foreach (var key in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(key.SecretSha256, hash))
            {
                found = key;
            }
        }

        return found;
    }
}
