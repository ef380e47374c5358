using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Workflows.Commands;

/// <summary>DOMAIN 4.4: spool-level PAUSAR and COMPLETAR for v3 spools (ARM, SOLD).</summary>
internal static class PausarCompletar
{
    public static SpoolChange Pausar(CommandContext ctx)
    {
        var s = ctx.Spool;
        var json = Occupation.Ending(ctx);
        return new SpoolChange(Occupation.Clear(s), [AuditEvent.Main(AuditEvent.PausarSpool, ctx.Op, "PAUSAR", json)], Resultado.PAUSADO,
            Messages.PausadoV3(s.Tag));
    }

    public static SpoolChange Completar(CommandContext ctx)
    {
        var s = ctx.Spool;
        var op = ctx.Op;
        var after = Occupation.Clear(op == Operacion.ARM
            ? s with { FechaArmado = ctx.Today, Armador = ctx.Token }
            : s with { FechaSoldadura = ctx.Today, Soldador = ctx.Token });
        var json = Occupation.Ending(ctx);
        json["fecha_operacion"] = CellWriter.Date(ctx.Today);
        var events = new List<AuditEvent> { AuditEvent.Main(AuditEvent.CompletarSpool, op, "COMPLETAR", json) };
        var lista = !s.WorkComplete && after.WorkComplete;
        if (lista) events.Add(AuditEvent.Lista(op.ToString(), after.Quality.Ciclo));
        return new SpoolChange(after, events, Resultado.COMPLETADO,
            Messages.CompletadoV3(op, s.Tag) + (lista ? Messages.ListoParaMetrologia : ""));
    }
}
