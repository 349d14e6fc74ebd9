using System.Security.Cryptography;
using System.Text;

namespace Frugal.Domain.Audit;

/// <summary>
/// Stable pseudonyms for people: the same e-mail address gives the same name on every run and machine, and the
/// name does not reveal the address.
/// </summary>
public static class Pseudonym
{
    /// <summary>
    /// A pseudonym such as <c>person-3f9a1c</c> for <paramref name="email"/> (compared case-insensitively).
    /// </summary>
    public static string Of(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()));
        return "person-" + Convert.ToHexStringLower(hash.AsSpan(0, 3));
    }
}
