namespace Frugal.Storage.Ledger;

/// <summary>A virtual key of the gateway: its public id, project, name and the SHA-256 of its secret.</summary>
/// <param name="Id">The public id, shown in lists and budgets.</param>
/// <param name="Project">The project its calls count to.</param>
/// <param name="Name">A label, or null.</param>
/// <param name="SecretSha256">The SHA-256 of the secret; the secret itself is never stored.</param>
/// <param name="Created">When it was made.</param>
/// <param name="Revoked">When it was revoked, or null while it works.</param>
public sealed record GatewayKey(
    string Id, string Project, string? Name, byte[] SecretSha256, DateTimeOffset Created, DateTimeOffset? Revoked);
