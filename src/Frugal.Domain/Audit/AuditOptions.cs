using Frugal.Domain.Energy;

namespace Frugal.Domain.Audit;

/// <summary>The window and choices of one audit.</summary>
/// <param name="Since">First date, in <paramref name="Zone"/>.</param>
/// <param name="Until">Last date (inclusive), in <paramref name="Zone"/>.</param>
/// <param name="Zone">The time zone dates are taken in.</param>
/// <param name="Grace">Time after a session's last call within which its commits still link to it.</param>
/// <param name="By">What the leaderboard groups by.</param>
/// <param name="Names">Whether people are shown by name rather than by pseudonym.</param>
/// <param name="PullRequestExport">Whether a pull-request export was given.</param>
/// <param name="Grid">The grid zone carbon is computed at; null: the world average.</param>
public sealed record AuditOptions(
    DateOnly Since, DateOnly Until, TimeZoneInfo Zone, TimeSpan Grace, AuditGrouping By, bool Names,
    bool PullRequestExport = false, GridZone? Grid = null)
{
    /// <summary>The grid zone carbon is computed at: <see cref="Grid"/>, or the world average.</summary>
    public GridZone GridZone => Grid ?? GridIntensity.World;

    /// <summary>The window's first instant.</summary>
    public DateTimeOffset From => Start(Since);

    /// <summary>The instant just after the window.</summary>
    public DateTimeOffset To => Start(Until.AddDays(1));

    /// <summary>Whether <paramref name="instant"/> falls in the window.</summary>
    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;

    /// <summary>
    /// The first instant of <paramref name="date"/> in the zone (after a gap, when midnight is skipped).
    /// </summary>
    private DateTimeOffset Start(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }
}
