using Microsoft.Extensions.Options;

namespace Zeues.Core.Domain;

/// <summary>
/// FLOOR F6: where the plant's shift ends fall in plant time. The one place that decides whether an
/// occupation is "DE UN TURNO ANTERIOR" and whether a tablet must ask "FIN DE TURNO".
/// </summary>
public sealed class ShiftCalendar(IOptions<TurnosOptions> options, PlantClock clock)
{
    /// <summary>The tablet asks from this long before a shift end.</summary>
    public static readonly TimeSpan PromptLead = TimeSpan.FromMinutes(15);

    public const string MotivoSinCierre = "Fin de turno sin cierre";

    private IReadOnlyList<TimeOnly> Ends => options.Value.Ends();

    /// <summary>The latest shift end at or before <paramref name="now"/> (today's or yesterday's).</summary>
    public DateTime LastEnd(DateTime now)
    {
        var day = DateOnly.FromDateTime(now);
        return new[] { day.AddDays(-1), day }
            .SelectMany(d => Ends.Select(e => d.ToDateTime(e)))
            .Where(e => e <= now).Max();
    }

    /// <summary>The shift end whose prompt window [end − 15 min, end) holds <paramref name="now"/>, if any.</summary>
    public DateTime? EndingSoon(DateTime now)
    {
        var day = DateOnly.FromDateTime(now);
        return new[] { day, day.AddDays(1) }
            .SelectMany(d => Ends.Select(e => d.ToDateTime(e)))
            .Where(e => now >= e - PromptLead && now < e)
            .Select(e => (DateTime?)e).FirstOrDefault();
    }

    public DateTime? EndingSoon() => EndingSoon(clock.Now);

    /// <summary>The next moment a prompt window opens or closes after <paramref name="now"/>: when a screen must look again.</summary>
    public DateTime NextChange(DateTime now)
    {
        var day = DateOnly.FromDateTime(now);
        return new[] { day, day.AddDays(1), day.AddDays(2) }
            .SelectMany(d => Ends.Select(e => d.ToDateTime(e)))
            .SelectMany(e => new[] { e - PromptLead, e })
            .Where(t => t > now).Min();
    }

    /// <summary>Plant time now (the clock every decision here is made on).</summary>
    public DateTime Now => clock.Now;

    /// <summary>An occupation begun before the last shift end was left open by a worker who went home.</summary>
    public static bool IsFromPreviousShift(DateTime? since, DateTime lastEnd) => since is { } s && s < lastEnd;
}
