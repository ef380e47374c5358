using Zeues.Core.Domain;
using Zeues.Core.Reading;

namespace Zeues.Core.Queries;

public sealed record UnionLine(string Tag, string? Nv, Operacion Operacion, string UnionId, int NUnion, decimal Dn, string? Tipo,
    DateTime? Inicio, DateTime Fin, string? Worker);

public sealed record RecordGroup(string Tag, string? Nv, Operacion Operacion, IReadOnlyList<UnionLine> Lines)
{
    public decimal Pulgadas => Lines.Sum(l => l.Dn);
}

public sealed record V3Completion(string Tag, string? Nv, Operacion Operacion);

/// <summary>
/// DOMAIN 7.4: what worker W did on plant date D, with pulgadas-diámetro totals. The Parte_Diario
/// row of W (FLOOR F6) is read from here, so the office sheet and /registro never disagree.
/// </summary>
public sealed record DailyRecord(
    Worker Worker,
    DateOnly Date,
    IReadOnlyList<RecordGroup> Groups,
    IReadOnlyList<V3Completion> V3Completions,
    int ReparacionesCompletadas,
    int Inspecciones,
    int Rechazos,
    int CompletadosV4,
    int MinutosOcupado)
{
    public int UnionesArm => Groups.Where(g => g.Operacion == Operacion.ARM).Sum(g => g.Lines.Count);
    public int UnionesSold => Groups.Where(g => g.Operacion == Operacion.SOLD).Sum(g => g.Lines.Count);

    /// <summary>Operations W brought to completion on D: v3 completions, v4 ARM/SOLD completions and repairs.</summary>
    public int SpoolsCompletados => V3Completions.Count + CompletadosV4 + ReparacionesCompletadas;

    public decimal PulgadasArm => Round(Groups.Where(g => g.Operacion == Operacion.ARM).Sum(g => g.Pulgadas));
    public decimal PulgadasSold => Round(Groups.Where(g => g.Operacion == Operacion.SOLD).Sum(g => g.Pulgadas));
    public decimal PulgadasTotal => PulgadasArm + PulgadasSold;
    public int Uniones => Groups.Sum(g => g.Lines.Count);
    public int Spools => Groups.Select(g => g.Tag).Distinct(StringComparer.OrdinalIgnoreCase).Count();
    public bool IsEmpty => Uniones == 0 && V3Completions.Count == 0 && ReparacionesCompletadas == 0 && Inspecciones == 0
                           && CompletadosV4 == 0 && MinutosOcupado == 0;

    private static decimal Round(decimal d) => Math.Round(d, 2, MidpointRounding.AwayFromZero);
}

public sealed class DailyRecordQuery(SnapshotCache cache, PlantClock clock)
{
    public async Task<DailyRecord> GetAsync(int workerId, DateOnly? date = null, CancellationToken ct = default)
    {
        var plant = await cache.GetAsync(ct);
        if (!plant.Workers.TryGetValue(workerId, out var worker)) throw Errors.WorkerNoEncontrado(workerId).Throw();
        if (!worker.Activo) throw Errors.WorkerInactivo(workerId).Throw();
        return Build(plant, worker, date ?? clock.Today);
    }

    public static DailyRecord Build(PlantSnapshot plant, Worker worker, DateOnly day)
    {
        var groups = UnionLines(plant, day, worker.Id)
            .GroupBy(l => (l.Tag, l.Operacion))
            .Select(g => new RecordGroup(g.Key.Tag, g.First().Nv, g.Key.Operacion, g.OrderBy(l => l.NUnion).ToList()))
            .OrderBy(g => g.Lines.Min(l => l.Fin)).ToList();

        var v3 = new List<V3Completion>();
        foreach (var s in plant.Spools.Where(s => s.Version == SpoolVersion.V3 && !s.HasDataError))
        {
            if (s.FechaArmado == day && WorkerToken.IdOf(s.Armador) == worker.Id) v3.Add(new V3Completion(s.Tag, s.Nv, Operacion.ARM));
            if (s.FechaSoldadura == day && WorkerToken.IdOf(s.Soldador) == worker.Id) v3.Add(new V3Completion(s.Tag, s.Nv, Operacion.SOLD));
        }

        var mine = plant.Metadata.Where(e => e.WorkerId == worker.Id && e.Timestamp is { } t && DateOnly.FromDateTime(t) == day).ToList();
        var repairs = mine.Count(e => e.EventoTipo == AuditEvent.CompletarSpool && e.Operacion == nameof(Operacion.REPARACION));
        var inspections = mine.Count(e => e.EventoTipo is AuditEvent.MetrologiaAprobada or AuditEvent.MetrologiaRechazada);
        var rejections = mine.Count(e => e.EventoTipo == AuditEvent.MetrologiaRechazada);
        var v4 = mine.Count(e => e.EventoTipo == AuditEvent.CompletarSpool && e.Operacion is nameof(Operacion.ARM) or nameof(Operacion.SOLD)
                                 && plant.Find(e.Tag ?? "") is { Version: SpoolVersion.V4 });
        return new DailyRecord(worker, day, groups, v3, repairs, inspections, rejections, v4, OccupiedMinutes(plant, worker, day, mine));
    }

    /// <summary>
    /// Minutes of the occupations W closed on D: the recorded duracion_min of each closing event, W's
    /// own PAUSAR/COMPLETAR/CANCELAR and a supervisor's LIBERAR of W's occupation. An occupation still
    /// open counts on the day it is closed.
    /// </summary>
    private static int OccupiedMinutes(PlantSnapshot plant, Worker worker, DateOnly day, IReadOnlyList<AuditEntry> mine)
    {
        var closed = mine.Where(e => e.EventoTipo is AuditEvent.PausarSpool or AuditEvent.CompletarSpool or AuditEvent.CancelarSpool);
        var released = plant.Metadata.Where(e => e.EventoTipo == AuditEvent.LiberacionForzada && e.Timestamp is { } t && DateOnly.FromDateTime(t) == day
                                                 && WorkerToken.IdOf(e.JsonText("ocupante_anterior")) == worker.Id);
        return closed.Concat(released).Sum(e => e.JsonInt("duracion_min") ?? 0);
    }

    /// <summary>Union work finished on a day, per worker id or for everyone (the board's pulgadas).</summary>
    public static IReadOnlyList<UnionLine> UnionLines(PlantSnapshot plant, DateOnly day, int? workerId)
    {
        var lines = new List<UnionLine>();
        foreach (var s in plant.Spools.Where(s => !s.HasDataError))
        foreach (var u in s.Unions)
        {
            if (u.ArmFin is { } armFin && DateOnly.FromDateTime(armFin) == day && (workerId is null || WorkerToken.IdOf(u.ArmWorker) == workerId))
                lines.Add(new UnionLine(s.Tag, s.Nv, Operacion.ARM, s.UnionId(u), u.NUnion, u.Dn, u.Tipo, u.ArmInicio, armFin, u.ArmWorker));
            if (u.SolFin is { } solFin && DateOnly.FromDateTime(solFin) == day && (workerId is null || WorkerToken.IdOf(u.SolWorker) == workerId))
                lines.Add(new UnionLine(s.Tag, s.Nv, Operacion.SOLD, s.UnionId(u), u.NUnion, u.Dn, u.Tipo, u.SolInicio, solFin, u.SolWorker));
        }
        return lines;
    }
}
