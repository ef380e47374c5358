using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Workflows.Commands;

/// <summary>DOMAIN 4.5: ending a repair occupation. The cycle never changes here.</summary>
internal static class Reparacion
{
    public static SpoolChange Pausar(CommandContext ctx) =>
        End(ctx, Calidad.ReparacionPausada, AuditEvent.PausarSpool, "PAUSAR", Resultado.PAUSADO, Messages.ReparacionPausada(ctx.Tag));

    public static SpoolChange Completar(CommandContext ctx)
    {
        var change = End(ctx, Calidad.PendienteMetrologia, AuditEvent.CompletarSpool, "COMPLETAR", Resultado.COMPLETADO,
            Messages.ReparacionCompletada(ctx.Tag));
        return change with { Events = [.. change.Events, AuditEvent.Lista(nameof(Operacion.REPARACION), ctx.Spool.Quality.Ciclo)] };
    }

    public static SpoolChange Cancelar(CommandContext ctx) =>
        End(ctx, Calidad.Rechazado, AuditEvent.CancelarSpool, "CANCELAR", Resultado.CANCELADO, Messages.ReparacionCancelada(ctx.Tag));

    private static SpoolChange End(CommandContext ctx, Calidad next, string evento, string accion, Resultado resultado, string mensaje)
    {
        var s = ctx.Spool;
        var after = Occupation.Clear(s) with { Quality = s.Quality with { Estado = next } };
        var json = Occupation.Ending(ctx);
        if (evento == AuditEvent.CancelarSpool)
        {
            json.Insert(0, "motivo", "cancelado");
            json["trabajador_borrado"] = false;
        }
        json["ciclo"] = s.Quality.Ciclo;
        // DOMAIN 6.2: COMPLETAR_SPOOL carries the date of the completed operation, the repair's too.
        if (evento == AuditEvent.CompletarSpool) json["fecha_operacion"] = CellWriter.Date(ctx.Today);
        return new SpoolChange(after, [AuditEvent.Main(evento, Operacion.REPARACION, accion, json)], resultado, mensaje);
    }
}
