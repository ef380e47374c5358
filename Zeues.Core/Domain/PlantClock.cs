namespace Zeues.Core.Domain;

/// <summary>"Now" and "today" in plant time, never the server's zone (DOMAIN 0).</summary>
public sealed class PlantClock(TimeProvider time, TimeZoneInfo zone)
{
    public TimeZoneInfo Zone => zone;

    /// <summary>Plant wall-clock time, second precision (the precision the workbook keeps).</summary>
    public DateTime Now
    {
        get
        {
            var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime;
            return new DateTime(local.Ticks - local.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Unspecified);
        }
    }

    public DateOnly Today => DateOnly.FromDateTime(Now);

    public DateTimeOffset UtcNow => time.GetUtcNow();
}
