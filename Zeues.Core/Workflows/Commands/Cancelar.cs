using Zeues.Core.Domain;

namespace Zeues.Core.Workflows.Commands;

/// <summary>DOMAIN 4.6 (ARM, SOLD, both versions): release without recording work.</summary>
internal static class Cancelar
{
    public static SpoolChange Decide(CommandContext ctx)
    {
        return Release(ctx, ctx.Op, "cancelado");
    }

    public static SpoolChange Release(CommandContext ctx, Operacion op, string motivo)
    {
        var s = ctx.Spool;
        var after = Occupation.Clear(s);
        // The worker stays when work of this operation is recorded anywhere: the spool date or a union.
        var borrar = s.FechaOf(op) is null && !s.HasUnionWorker(op) && s.WorkerOf(op) is not null;
        if (borrar) after = op == Operacion.ARM ? after with { Armador = null } : after with { Soldador = null };

        var json = Occupation.Ending(ctx);
        json.Insert(0, "motivo", motivo);
        json["trabajador_borrado"] = borrar;
        return new SpoolChange(after, [AuditEvent.Main(AuditEvent.CancelarSpool, op, "CANCELAR", json)], Resultado.CANCELADO,
            Messages.Cancelado(s.Tag));
    }
}
