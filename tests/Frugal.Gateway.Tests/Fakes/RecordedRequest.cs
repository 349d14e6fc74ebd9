using System.Text.Json.Nodes;

namespace Frugal.Gateway.Tests.Fakes;

/// <summary>One request a <see cref="FakeUpstream"/> received, as it arrived.</summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path, without the query string.</param>
/// <param name="Query">The query string with its leading '?', or empty.</param>
/// <param name="Headers">Every header, names compared without regard to case, repeated values joined by ", ".</param>
/// <param name="Body">The body as UTF-8 text (empty when there was none).</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    /// <summary>The header's value, or null when it was not sent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body parsed as JSON (throws when it is not JSON).</summary>
    public JsonNode Json() => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The body is JSON null.");
}
