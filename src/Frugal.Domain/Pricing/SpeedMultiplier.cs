namespace Frugal.Domain.Pricing;

/// <summary>
/// A price multiplier for a speed mode (such as Claude's <c>fast</c>) applied to the token cost of a call made in
/// that mode between <see cref="From"/> and <see cref="Until"/>, both inclusive UTC dates; null means unbounded.
/// </summary>
/// <param name="Speed">The speed mode as the source writes it, compared without case.</param>
/// <param name="Multiplier">The factor on the token cost.</param>
/// <param name="From">The first UTC date it applies to, or null.</param>
/// <param name="Until">The last UTC date it applies to, or null.</param>
public sealed record SpeedMultiplier(string Speed, decimal Multiplier, DateOnly? From = null, DateOnly? Until = null)
{
    /// <summary>
    /// Whether this multiplier applies to a call in <paramref name="speed"/> mode on <paramref name="date"/>.
    /// </summary>
    public bool AppliesTo(string? speed, DateOnly date) =>
        speed is not null
        && string.Equals(speed, Speed, StringComparison.OrdinalIgnoreCase)
        && (From is null || date >= From.Value)
        && (Until is null || date <= Until.Value);
}
