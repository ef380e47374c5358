using System.Text.Json.Nodes;
using Zeues.Core.Domain;

namespace Zeues.Core.Workflows.Commands;

/// <summary>DOMAIN 4.9: LIBERAR and DESBLOQUEAR, audited with Worker_ID 0 and the supervisor's name.</summary>
internal static class Supervisor
{
    public static SpoolChange Liberar(CommandContext ctx)
    {
        var s = ctx.Spool;
        var motivo = RequestShape.Motivo(ctx.Request.Texto);
        var interrupted = s.OccupationOp;
        var after = Occupation.Clear(s);
        if (s.Quality.Estado == Calidad.EnReparacion) after = after with { Quality = s.Quality with { Estado = Calidad.ReparacionPausada } };
        var ending = Occupation.Ending(ctx);
        var json = new JsonObject
        {
            ["supervisor"] = ctx.Supervisor,
            ["ocupante_anterior"] = s.OcupadoPor,
            ["fecha_ocupacion"] = ending["fecha_ocupacion"]?.DeepClone(),
            ["duracion_min"] = ending["duracion_min"]?.DeepClone(),
            ["motivo"] = motivo,
        };
        return new SpoolChange(after, [AuditEvent.Main(AuditEvent.LiberacionForzada, interrupted, "LIBERAR", json)], Resultado.LIBERADO,
            Messages.Liberado(s.Tag));
    }

    public static SpoolChange Desbloquear(CommandContext ctx)
    {
        var s = ctx.Spool;
        var motivo = RequestShape.Motivo(ctx.Request.Texto);
        var after = s with { Quality = new QualityTrack(Calidad.Rechazado, 2) };
        var json = new JsonObject
        {
            ["supervisor"] = ctx.Supervisor,
            ["estado_anterior"] = s.EstadoDetalle,
            ["motivo"] = motivo,
            ["override_type"] = "BLOQUEADO_TO_RECHAZADO",
        };
        return new SpoolChange(after, [AuditEvent.Main(AuditEvent.SupervisorOverride, Operacion.REPARACION, "DESBLOQUEAR", json)],
            Resultado.DESBLOQUEADO, Messages.Desbloqueado(s.Tag));
    }
}
