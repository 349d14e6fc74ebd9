namespace Frugal.Gateway.Configuration;

/// <summary>Everything the gateway is configured with.</summary>
public sealed record GatewayOptions
{
    /// <summary>The servers it forwards to.</summary>
    public required IReadOnlyList<UpstreamOptions> Upstreams { get; init; }

    /// <summary>Aliases callers may name as the model, each with its models in order of preference.</summary>
    public IReadOnlyDictionary<string, RouteOptions> Routes { get; init; } =
        new Dictionary<string, RouteOptions>(StringComparer.Ordinal);

    /// <summary>Per-project policies, by project name.</summary>
    public IReadOnlyDictionary<string, ProjectPolicy> Projects { get; init; } =
        new Dictionary<string, ProjectPolicy>(StringComparer.Ordinal);

    /// <summary>The project of calls made without a virtual key; null refuses them.</summary>
    public string? AnonymousProject { get; init; }

    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxRequestBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>The exact-match cache.</summary>
    public CacheOptions Cache { get; init; } = new();

    /// <summary>The output tokens a call may produce when the caller sets no limit (the gateway then sets
    /// it).</summary>
    public int DefaultMaxOutputTokens { get; init; } = 4096;

    /// <summary>The address to listen on when <c>--urls</c> is not given.</summary>
    public string? Listen { get; init; }

    /// <summary>The upstream named <paramref name="name"/>, or null.</summary>
    public UpstreamOptions? Upstream(string name) =>
        Upstreams.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal));
}

/// <summary>A model alias: its models in order of preference, local ones tried first unless the call is
/// complex.</summary>
/// <param name="Models">Model ids, each served by one upstream (or <c>upstream/model</c>).</param>
/// <param name="ComplexityThreshold">A call scoring at least this starts at the first hosted model.</param>
public sealed record RouteOptions(IReadOnlyList<string> Models, double ComplexityThreshold = 0.6);

/// <summary>What a project may do.</summary>
/// <param name="LocalOnly">Whether its calls may go only to local upstreams.</param>
public sealed record ProjectPolicy(bool LocalOnly);

/// <summary>The exact-match cache: bounds and lifetime.</summary>
/// <param name="Enabled">Whether deterministic calls are cached.</param>
/// <param name="MaxEntries">The most answers kept.</param>
/// <param name="MaxBytes">The most bytes of answers kept.</param>
/// <param name="Ttl">How long an answer is served.</param>
public sealed record CacheOptions(
    bool Enabled = true, int MaxEntries = 10_000, long MaxBytes = 256L * 1024 * 1024, TimeSpan? Ttl = null)
{
    /// <summary>The lifetime, one hour unless set.</summary>
    public TimeSpan Lifetime => Ttl ?? TimeSpan.FromHours(1);
}
