using Zeues.Core.Domain;
using Zeues.Core.Reading;

namespace Zeues.Core.Queries;

/// <summary>One plant day on the board's ÚLTIMOS 14 DÍAS (FLOOR F6).</summary>
public sealed record DayFigures(DateOnly Fecha, decimal PulgadasArm, decimal PulgadasSold, int PrimerasInspecciones, int AprobadasPrimera)
{
    /// <summary>Metrology first-pass yield: spools approved at their first inspection over spools first inspected that day.</summary>
    public decimal? PrimeraPasada => PrimerasInspecciones == 0 ? null : Math.Round((decimal)AprobadasPrimera / PrimerasInspecciones, 4);
}

/// <summary>Pulgadas-diámetro ARM/SOLD and metrology first-pass yield for each of the last days, from the snapshot.</summary>
public sealed class RecentDaysQuery(SnapshotCache cache, PlantClock clock)
{
    public const int Days = 14;

    // Every open board asks again on every change, and at a large plant one answer scans all of Metadata and
    // the unions (tens of ms and MB); it depends only on the snapshot and the day, so boards share it.
    private Answer? _last;

    public async Task<IReadOnlyList<DayFigures>> GetAsync(CancellationToken ct = default)
    {
        var plant = await cache.GetAsync(ct);
        var today = clock.Today;
        if (Volatile.Read(ref _last) is { } last && last.Today == today && last.Plant.TryGetTarget(out var of) && ReferenceEquals(of, plant))
            return last.Days;
        var days = Build(plant, today, Days);
        Volatile.Write(ref _last, new Answer(new WeakReference<PlantSnapshot>(plant), today, days));
        return days;
    }

    /// <summary>Weak: the last answer must not keep a replaced snapshot alive.</summary>
    private sealed record Answer(WeakReference<PlantSnapshot> Plant, DateOnly Today, IReadOnlyList<DayFigures> Days);

    /// <summary>Oldest day first, ending with <paramref name="today"/>; days without work are zeros.</summary>
    public static IReadOnlyList<DayFigures> Build(PlantSnapshot plant, DateOnly today, int days)
    {
        // First pass: the result recorded at cycle 0 (APROBADA ciclo_previo 0, RECHAZADA ciclo 1). Older
        // rows without those keys count when they are the spool's first metrology result in Metadata.
        var results = plant.Metadata
            .Where(e => e.Legible && e.Timestamp is not null && e.Tag is not null
                        && e.EventoTipo is AuditEvent.MetrologiaAprobada or AuditEvent.MetrologiaRechazada)
            .OrderBy(e => e.Timestamp).ThenBy(e => e.RowNumber).ToList();
        var earliest = results.GroupBy(e => e.Tag!, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToHashSet();
        var firsts = results.Where(e => (e.EventoTipo == AuditEvent.MetrologiaAprobada ? e.JsonInt("ciclo_previo") == 0 : e.JsonInt("ciclo") == 1)
                                        || (e.JsonInt("ciclo_previo") is null && e.JsonInt("ciclo") is null && earliest.Contains(e))).ToList();

        return Enumerable.Range(0, days).Select(i => today.AddDays(i - days + 1)).Select(day =>
        {
            var lines = DailyRecordQuery.UnionLines(plant, day, workerId: null);
            var first = firsts.Where(e => DateOnly.FromDateTime(e.Timestamp!.Value) == day).ToList();
            return new DayFigures(day,
                Round(lines.Where(l => l.Operacion == Operacion.ARM).Sum(l => l.Dn)),
                Round(lines.Where(l => l.Operacion == Operacion.SOLD).Sum(l => l.Dn)),
                first.Count, first.Count(e => e.EventoTipo == AuditEvent.MetrologiaAprobada));
        }).ToList();
    }

    private static decimal Round(decimal d) => Math.Round(d, 2, MidpointRounding.AwayFromZero);
}
