using System.Text.Json.Nodes;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Workflows.Commands;

/// <summary>DOMAIN 4.2 (ARM, SOLD; v3 "TOMAR" too) and 4.5 INICIAR REPARACION.</summary>
internal static class Iniciar
{
    public static SpoolChange Decide(CommandContext ctx)
    {
        var s = ctx.Spool;
        var op = ctx.Op;
        Guard.NoDataError(s);
        Guard.NotBlocked(s);
        Guard.Free(s);
        if (op == Operacion.REPARACION) return Reparacion(ctx);

        if (s.FechaMateriales is null) throw Errors.Dependencias("iniciar", op, s.Tag, "falta Fecha_Materiales").Throw();
        if (op == Operacion.SOLD && s.SoldNoAplica) throw Errors.SoldNoAplica(s.Tag).Throw();
        if (s.Complete(op)) throw Errors.YaCompletada(op, s.Tag).Throw();
        if (op == Operacion.SOLD && !s.SoldMayStart)
            throw Errors.Dependencias("iniciar", op, s.Tag,
                s.Version == SpoolVersion.V3 ? "ARM no completado (Fecha_Armado vacía)" : "no hay uniones armadas pendientes de soldar").Throw();

        var after = Occupation.Start(ctx, op);
        if (op == Operacion.ARM && after.Armador is null) after = after with { Armador = ctx.Token };
        if (op == Operacion.SOLD && after.Soldador is null) after = after with { Soldador = ctx.Token };
        return new SpoolChange(after, [Started(ctx, op)], Resultado.INICIADO, Messages.Iniciado(s.Tag, op, ctx.Token));
    }

    private static SpoolChange Reparacion(CommandContext ctx)
    {
        var s = ctx.Spool;
        if (s.Quality.Estado is not (Calidad.Rechazado or Calidad.ReparacionPausada))
            throw Errors.Dependencias("iniciar", Operacion.REPARACION, s.Tag, "solo spools RECHAZADOS o con REPARACION_PAUSADA pueden repararse").Throw();
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
