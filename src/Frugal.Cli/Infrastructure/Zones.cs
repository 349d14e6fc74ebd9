namespace Frugal.Cli.Infrastructure;

/// <summary>Time zone options.</summary>
internal static class Zones
{
    /// <summary>The zone named by <paramref name="id"/>, or the system's zone when null.</summary>
    public static TimeZoneInfo Resolve(string? id)
    {
        if (id is null)
        {
            return TimeZoneInfo.Local;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw CliError.BadTimeZone(id);
        }
    }
}
