using System.Text.Json.Nodes;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Workflows.Commands;

/// <summary>DOMAIN 4.2 (ARM, SOLD; v3 "TOMAR" too) and 4.5 INICIAR REPARACION: the effects, once <see cref="CommandRules"/> allows it.</summary>
internal static class Iniciar
{
    public static SpoolChange Decide(CommandContext ctx)
    {
        var s = ctx.Spool;
        var op = ctx.Op;
        if (op == Operacion.REPARACION) return Reparacion(ctx);

        var after = Occupation.Start(ctx, op);
        if (op == Operacion.ARM && after.Armador is null) after = after with { Armador = ctx.Token };
        if (op == Operacion.SOLD && after.Soldador is null) after = after with { Soldador = ctx.Token };
        return new SpoolChange(after, [Started(ctx, op)], Resultado.INICIADO, Messages.Iniciado(s.Tag, op, ctx.Token));
    }

    private static SpoolChange Reparacion(CommandContext ctx)
    {
        var s = ctx.Spool;
        var after = Occupation.Start(ctx, Operacion.REPARACION) with { Quality = s.Quality with { Estado = Calidad.EnReparacion } };
        var started = Started(ctx, Operacion.REPARACION);
        started.Json["ciclo"] = s.Quality.Ciclo;
        return new SpoolChange(after, [started], Resultado.INICIADO, Messages.ReparacionIniciada(s.Tag, s.Quality.Ciclo));
    }

    private static AuditEvent Started(CommandContext ctx, Operacion op) =>
        AuditEvent.Main(AuditEvent.IniciarSpool, op, "INICIAR", new JsonObject
        {
            ["ocupado_por"] = ctx.Token,
            ["fecha_ocupacion"] = CellWriter.Timestamp(ctx.Now),
        });
}
