using Zeues.Core.Domain;

namespace Zeues.Core.Workflows.Commands;

/// <summary>
/// The one place a request meets the spool's version: the same intent (pause, complete, finish) goes
/// down the v3, v4 or repair path according to the freshly read spool, once the rule book allows it.
/// </summary>
internal static class CommandRouter
{
    public static SpoolChange Decide(CommandContext ctx)
    {
        if (CommandRules.Check(ctx.Spool, ctx.Worker, ctx.Request) is { } refused) throw refused.Throw();
        var op = ctx.Request.Operacion;
        return ctx.Request.Type switch
        {
            Domain.CommandType.INICIAR => Iniciar.Decide(ctx),
            Domain.CommandType.FINALIZAR => Finalizar.Decide(ctx),
            Domain.CommandType.PAUSAR when op == Operacion.REPARACION => Reparacion.Pausar(ctx),
            Domain.CommandType.COMPLETAR when op == Operacion.REPARACION => Reparacion.Completar(ctx),
            Domain.CommandType.CANCELAR when op == Operacion.REPARACION => Reparacion.Cancelar(ctx),
            Domain.CommandType.PAUSAR => PausarCompletar.Pausar(ctx),
            Domain.CommandType.COMPLETAR => PausarCompletar.Completar(ctx),
            Domain.CommandType.CANCELAR => Cancelar.Decide(ctx),
            Domain.CommandType.METROLOGIA => Metrologia.Decide(ctx),
            Domain.CommandType.NOTA => Nota.Decide(ctx),
            Domain.CommandType.LIBERAR => Supervisor.Liberar(ctx),
            Domain.CommandType.DESBLOQUEAR => Supervisor.Desbloquear(ctx),
            Domain.CommandType.DEFINIR_UNIONES => DefinirUniones.Decide(ctx),
            _ => throw Errors.Entrada("tipo de comando desconocido").Throw(),
        };
    }
}
