using Zeues.Core.Domain;
using Zeues.Core.Reading;

namespace Zeues.Core.Queries;

public enum SessionResult { PAUSADO, COMPLETADO, CANCELADO, LIBERADO, EN_CURSO, SIN_CIERRE }

public sealed record WorkSession(string? Operacion, string? Worker, DateTime? Start, DateTime? End, string? Duration, SessionResult Result,
    int Uniones, decimal Pulgadas)
{
    public string ResultLabel => Result switch
    {
        SessionResult.EN_CURSO => "en curso",
        SessionResult.SIN_CIERRE => "sin cierre",
        _ => Result.ToString(),
    };
}

public enum TimelineKind { Sesion, Metrologia, ColaMetrologia, Nota, Supervisor, Otro, Ilegible }

/// <summary>One timeline line; <see cref="Texto"/> is ready to show.</summary>
public sealed record TimelineEntry(TimelineKind Kind, DateTime? At, string? Who, string Texto, int Row);

public sealed record SpoolHistory(SpoolView Spool, IReadOnlyList<WorkSession> Sessions, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>DOMAIN 7.3: work sessions and the timeline of a spool from its Metadata rows.</summary>
public sealed class SpoolHistoryQuery(SnapshotCache cache, PlantClock clock)
{
    private static readonly HashSet<string> Closing =
        [AuditEvent.PausarSpool, AuditEvent.CompletarSpool, AuditEvent.CancelarSpool, AuditEvent.LiberacionForzada];

    public async Task<SpoolHistory> GetAsync(string tag, CancellationToken ct = default)
    {
        var plant = await cache.GetAsync(ct);
        var spool = plant.Find(tag) ?? throw Errors.SpoolNoEncontrado(tag.Trim()).Throw();
        return Build(plant, spool, clock.Now);
    }

    public static SpoolHistory Build(PlantSnapshot plant, Spool spool, DateTime now)
    {
        var rows = plant.Audit.OfTag(spool.Tag);
        var ordered = rows.Where(e => e.Legible).OrderBy(e => e.Timestamp).ThenBy(e => e.RowNumber).ToList();
        var sessions = new List<WorkSession>();
        var open = new Dictionary<string, AuditEntry>(StringComparer.OrdinalIgnoreCase);
        var timeline = new List<TimelineEntry>();

        foreach (var e in ordered)
        {
            var op = e.Operacion ?? "";
            switch (e.EventoTipo)
            {
                case AuditEvent.IniciarSpool:
                    if (open.Remove(op, out var previous)) sessions.Add(Session(previous, null, SessionResult.SIN_CIERRE));
                    open[op] = e;
                    break;
                case var ev when Closing.Contains(ev) && open.Remove(op, out var start):
                    var result = ev switch
                    {
                        AuditEvent.PausarSpool => SessionResult.PAUSADO,
                        AuditEvent.CompletarSpool => SessionResult.COMPLETADO,
                        AuditEvent.CancelarSpool => SessionResult.CANCELADO,
                        _ => SessionResult.LIBERADO,
                    };
                    sessions.Add(Session(start, e, result));
                    if (ev == AuditEvent.LiberacionForzada) timeline.Add(Supervisor(e));
                    break;
                case AuditEvent.MetrologiaAprobada or AuditEvent.MetrologiaRechazada:
                    var rechazo = e.EventoTipo == AuditEvent.MetrologiaRechazada;
                    var ciclo = e.JsonInt("ciclo");
                    timeline.Add(new TimelineEntry(TimelineKind.Metrologia, e.Timestamp, e.WorkerNombre,
                        $"Metrología {(rechazo ? "RECHAZADO" : "APROBADO")}" + (rechazo && ciclo is { } c ? $" (Ciclo {c}/3)" : ""), e.RowNumber));
                    break;
                case AuditEvent.MetrologiaLista:
                    timeline.Add(new TimelineEntry(TimelineKind.ColaMetrologia, e.Timestamp, null, "Entra a la cola de metrología", e.RowNumber));
                    break;
                case AuditEvent.NotaAgregada:
                    timeline.Add(new TimelineEntry(TimelineKind.Nota, e.Timestamp, e.JsonText("supervisor") ?? e.WorkerNombre, $"Nota: {e.JsonText("texto")}", e.RowNumber));
                    break;
                case AuditEvent.LiberacionForzada or AuditEvent.SupervisorOverride:
                    timeline.Add(Supervisor(e));
                    break;
                case AuditEvent.UnionArm or AuditEvent.UnionSold or AuditEvent.PausarSpool or AuditEvent.CompletarSpool or AuditEvent.CancelarSpool:
                    break;
                default:
                    timeline.Add(new TimelineEntry(TimelineKind.Otro, e.Timestamp, e.WorkerNombre, $"Evento {e.RawEventoTipo}", e.RowNumber));
                    break;
            }
        }

        foreach (var start in open.Values)
        {
            var mine = spool.IsOccupied && spool.OccupantId == start.WorkerId;
            sessions.Add(Session(start, null, mine ? SessionResult.EN_CURSO : SessionResult.SIN_CIERRE, mine ? now : null));
        }

        timeline.AddRange(sessions.Select(s => new TimelineEntry(TimelineKind.Sesion, s.Start, s.Worker, Describe(s), 0)));
        timeline.AddRange(rows.Where(e => !e.Legible).Select(e => new TimelineEntry(TimelineKind.Ilegible, null, null, $"Evento ilegible (fila {e.RowNumber})", e.RowNumber)));

        return new SpoolHistory(SpoolView.Of(spool, plant, now), sessions.OrderBy(s => s.Start).ToList(),
            timeline.OrderByDescending(t => t.At ?? DateTime.MaxValue).ThenByDescending(t => t.Row).ToList());
    }

    private static WorkSession Session(AuditEntry start, AuditEntry? end, SessionResult result, DateTime? openUntil = null)
    {
        var until = end?.Timestamp ?? openUntil;
        return new WorkSession(start.Operacion, start.WorkerNombre, start.Timestamp, end?.Timestamp,
            until is { } u && start.Timestamp is { } s ? Durations.Format(u - s) : null, result,
            end?.JsonInt("unions_processed") ?? 0, end?.JsonDecimal("pulgadas") ?? 0);
    }

    private static TimelineEntry Supervisor(AuditEntry e) =>
        new(TimelineKind.Supervisor, e.Timestamp, e.JsonText("supervisor"),
            $"{(e.EventoTipo == AuditEvent.LiberacionForzada ? "Liberado" : "Desbloqueado")} por supervisor: {e.JsonText("motivo")}", e.RowNumber);

    /// <summary>"NR(94) · ARMADO · 21-01-2026 09:00 → 11:30 · 2h 30m · PAUSADO · 1 unión · 4.00\"" (UX 4.6).</summary>
    public static string Describe(WorkSession s)
    {
        var op = Enum.TryParse<Operacion>(s.Operacion, out var o) ? o.Nombre() : s.Operacion;
        var start = s.Start?.ToString("dd-MM-yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var end = s.End is { } e ? (s.Start?.Date == e.Date ? e.ToString("HH:mm") : e.ToString("dd-MM-yyyy HH:mm")) : "…";
        var text = $"{s.Worker} · {op} · {start} → {end} · {s.Duration ?? "—"} · {s.ResultLabel}";
        if (s.Uniones > 0)
            text += $" · {s.Uniones} {(s.Uniones == 1 ? "unión" : "uniones")} · {Pulgadas.Text(s.Pulgadas)}\"";
        return text;
    }
}
