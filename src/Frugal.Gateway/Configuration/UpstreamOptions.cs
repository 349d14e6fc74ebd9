namespace Frugal.Gateway.Configuration;

/// <summary>One server the gateway may forward calls to; no other host is ever contacted.</summary>
/// <param name="Name">The name routes and the ledger use.</param>
/// <param name="Kind">What kind of server it is.</param>
/// <param name="BaseUrl">Its base address, without <c>/v1</c>.</param>
/// <param name="Local">Whether it runs on hardware the user owns (free, and allowed under a local-only policy).</param>
/// <param name="ApiKeyVariable">The environment variable holding its key, or null for none.</param>
/// <param name="Timeout">How long a call may take before it counts as failed.</param>
/// <param name="Models">The model ids it serves.</param>
/// <param name="ContextTokens">Its context window in tokens, when limited.</param>
/// <param name="Tools">Whether it takes tool definitions.</param>
/// <param name="Images">Whether it takes images.</param>
/// <param name="Device">The device id of a local server, for its energy (e.g. <c>rtx-4090</c>), or null.</param>
/// <param name="Protocols">The APIs it speaks.</param>
public sealed record UpstreamOptions(
    string Name,
    UpstreamKind Kind,
    Uri BaseUrl,
    bool Local,
    string? ApiKeyVariable,
    TimeSpan Timeout,
    IReadOnlyList<string> Models,
    int? ContextTokens,
    bool Tools,
    bool Images,
    string? Device,
    IReadOnlySet<ApiProtocol> Protocols)
{
    /// <summary>The key from its environment variable, or null; read when needed and never logged.</summary>
    public string? ApiKey() => ApiKeyVariable is null ? null : Environment.GetEnvironmentVariable(ApiKeyVariable);

    /// <summary>The address of <paramref name="path"/> (such as <c>/v1/chat/completions</c>) on this server.</summary>
    public Uri Address(string path) => new(BaseUrl.AbsoluteUri.TrimEnd('/') + path);
}
