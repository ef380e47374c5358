using Microsoft.Extensions.Options;
using Zeues.Core.Domain;
using Zeues.Core.Reading;

namespace Zeues.Core.Queries;

public sealed record OccupiedSpool(string Tag, string? Nv, Operacion Operacion, DateTime? Since, string Elapsed, bool Long, string EstadoDetalle,
    Progress ArmProgress, Progress SoldProgress, SpoolVersion Version)
{
    /// <summary>FLOOR F6 "DE UN TURNO ANTERIOR": begun before the last shift end (decided by <see cref="ShiftCalendar"/>).</summary>
    public bool TurnoAnterior { get; init; }
}

public sealed record OccupantGroup(string Token, string? Nombre, IReadOnlyList<OccupiedSpool> Spools);

public sealed record QueueEntry(string Tag, string? Nv, int Cycle, DateTime? Since);

public sealed record RepairEntry(string Tag, DisplayState State, int Cycle, string? Occupant, DateTime? LastRejection);

public sealed record PulgadasRow(string Token, string? Nombre, decimal Arm, decimal Sold, int Uniones)
{
    public decimal Total => Arm + Sold;
}

/// <summary>DOMAIN 7.2: everything the live board shows, computed on the server in plant time.</summary>
public sealed record DashboardSnapshot(
    DateTimeOffset Stamp,
    DateTime PlantNow,
    IReadOnlyDictionary<DisplayState, int> Counts,
    int Total,
    IReadOnlyList<OccupantGroup> Occupied,
    IReadOnlyList<QueueEntry> MetrologyQueue,
    IReadOnlyList<RepairEntry> Repairs,
    IReadOnlyList<PulgadasRow> PulgadasHoy,
    IReadOnlyList<SpoolView> DataErrors,
    RechazosResumen? Rechazos = null)
{
    /// <summary>FLOOR F6 "SIN CIERRE DE TURNO": the occupied groups reduced to occupations from a previous shift.</summary>
    public IReadOnlyList<OccupantGroup> SinCierre => Occupied
        .Select(g => g with { Spools = g.Spools.Where(s => s.TurnoAnterior).ToList() })
        .Where(g => g.Spools.Count > 0).ToList();
}

public sealed class DashboardQuery(SnapshotCache cache, PlantClock clock, IOptions<ZeuesOptions> options, ShiftCalendar shifts)
{
    public async Task<DashboardSnapshot> GetAsync(CancellationToken ct = default)
    {
        var now = clock.Now;
        return Build(SpoolLists.Usable(await cache.GetAsync(ct)), now, TimeSpan.FromHours(options.Value.LongOccupationHours), shifts.LastEnd(now));
    }

    public static DashboardSnapshot Build(PlantSnapshot plant, DateTime now, TimeSpan longOccupation, DateTime? lastShiftEnd = null)
    {
        var displays = plant.Spools.ToDictionary(s => s, DisplayInfo.Of);
        var counts = Enum.GetValues<DisplayState>().ToDictionary(st => st, st => displays.Values.Count(d => d.State == st));
        string? NameOf(string? token) => WorkerToken.IdOf(token) is { } id && plant.Workers.TryGetValue(id, out var w) ? w.NombreCompleto : null;

        var occupied = plant.Spools.Where(s => s.IsOccupied && !s.HasDataError)
            .GroupBy(s => s.OcupadoPor!, StringComparer.OrdinalIgnoreCase)
            .Select(g => new OccupantGroup(g.Key, NameOf(g.Key), g.OrderBy(s => s.FechaOcupacion ?? DateTime.MaxValue).Select(s =>
            {
                var elapsed = s.FechaOcupacion is { } f ? now - f : (TimeSpan?)null;
                return new OccupiedSpool(s.Tag, s.Nv, s.OccupationOp, s.FechaOcupacion, elapsed is { } e ? Durations.Format(e) : "—",
                    elapsed >= longOccupation, s.EstadoDetalle ?? EstadoDetalle.Build(s), s.ArmProgress, s.SoldProgress, s.Version)
                {
                    TurnoAnterior = lastShiftEnd is { } end && ShiftCalendar.IsFromPreviousShift(s.FechaOcupacion, end),
                };
            }).ToList()))
            .OrderByDescending(g => g.Spools.Count)
            .ThenBy(g => g.Spools.Min(s => s.Since ?? DateTime.MaxValue))
            .ToList();

        var queue = plant.Spools.Where(s => displays[s].State == DisplayState.PENDIENTE_METROLOGIA)
            .Select(s => new QueueEntry(s.Tag, s.Nv, s.Quality.Ciclo, Queries.MetrologyQueue.Since(plant, s)))
            .OrderBy(q => q.Since ?? DateTime.MaxValue).ToList();

        var repairs = plant.Spools.Where(s => displays[s].State is DisplayState.RECHAZADO or DisplayState.EN_REPARACION or DisplayState.BLOQUEADO
                                              || (displays[s].State == DisplayState.PAUSADO && displays[s].Operacion == Operacion.REPARACION))
            .Select(s => new RepairEntry(s.Tag, displays[s].State, s.Quality.Ciclo, s.IsOccupied ? s.OcupadoPor : null,
                plant.Audit.OfTag(s.Tag).LastOrDefault(e => e.EventoTipo == AuditEvent.MetrologiaRechazada)?.Timestamp))
            .OrderBy(r => r.State == DisplayState.BLOQUEADO ? 1 : 0).ThenBy(r => r.Tag, StringComparer.OrdinalIgnoreCase).ToList();

        var today = DateOnly.FromDateTime(now);
        var lines = DailyRecordQuery.UnionLines(plant, today, workerId: null);
        var pulgadas = lines.GroupBy(l => WorkerToken.IdOf(l.Worker))
            .Where(g => g.Key is not null)
            .Select(g => new PulgadasRow(g.First().Worker!, NameOf(g.First().Worker),
                g.Where(l => l.Operacion == Operacion.ARM).Sum(l => l.Dn), g.Where(l => l.Operacion == Operacion.SOLD).Sum(l => l.Dn), g.Count()))
            .Where(r => r.Total > 0).OrderByDescending(r => r.Total).ToList();

        var errors = plant.Spools.Where(s => s.HasDataError).Select(s => SpoolView.Of(s, plant, now)).ToList();
        return new DashboardSnapshot(plant.LoadedAt, now, counts, plant.Spools.Count, occupied, queue, repairs, pulgadas, errors,
            RechazosResumen.Build(plant, now));
    }
}
