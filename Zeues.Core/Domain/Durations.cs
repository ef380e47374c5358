namespace Zeues.Core.Domain;

/// <summary>DOMAIN 7.2 format: "45m", "1h 0m", "2d 3h 15m".</summary>
public static class Durations
{
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        var totalMinutes = (long)span.TotalMinutes;
        var days = totalMinutes / 1440;
        var hours = totalMinutes % 1440 / 60;
        var minutes = totalMinutes % 60;
        if (days >= 1) return $"{days}d {hours}h {minutes}m";
        if (hours >= 1) return $"{hours}h {minutes}m";
        return $"{minutes}m";
    }

    public static int WholeMinutes(DateTime from, DateTime to) => (int)Math.Max(0, Math.Floor((to - from).TotalMinutes));
}
