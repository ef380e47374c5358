using System.Text.Json.Nodes;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Workflows.Commands;

/// <summary>DOMAIN 4.7: instant inspection result; three rejections block the spool.</summary>
internal static class Metrologia
{
    public static SpoolChange Decide(CommandContext ctx)
    {
        var s = ctx.Spool;
        const Operacion op = Operacion.METROLOGIA;
        // FLOOR F4: the rejected unions named by the inspector (their check: Rechazo.Unions).
        var rechazadas = ctx.Request.Resultado == ResultadoMetrologia.RECHAZADO ? Rechazo.Unions(ctx) : [];
        if (ctx.Request.Resultado == ResultadoMetrologia.APROBADO)
        {
            var approved = s with { FechaQc = ctx.Today, Quality = QualityTrack.None };
            return new SpoolChange(approved,
                [AuditEvent.Main(AuditEvent.MetrologiaAprobada, op, "APROBAR", new JsonObject { ["resultado"] = "APROBADO", ["ciclo_previo"] = s.Quality.Ciclo })],
                Resultado.APROBADO, Messages.Aprobada(s.Tag));
        }

        var ciclo = s.Quality.Ciclo + 1;
        var rejected = s with { Quality = s.Quality.Rejected() };
        var bloqueado = rejected.IsBloqueado;
        var json = new JsonObject { ["resultado"] = "RECHAZADO", ["ciclo"] = ciclo, ["bloqueado"] = bloqueado };
        Rechazo.AddTo(json, ctx, rechazadas);
        return new SpoolChange(rejected,
            [AuditEvent.Main(AuditEvent.MetrologiaRechazada, op, "RECHAZAR", json)],
            bloqueado ? Resultado.BLOQUEADO : Resultado.RECHAZADO,
            bloqueado ? Messages.Bloqueada(s.Tag) : Messages.Rechazada(s.Tag, ciclo));
    }
}
