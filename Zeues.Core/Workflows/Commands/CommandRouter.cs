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
            Workflows.CommandType.INICIAR => Iniciar.Decide(ctx),
            Workflows.CommandType.FINALIZAR => Finalizar.Decide(ctx),
            Workflows.CommandType.PAUSAR when op == Operacion.REPARACION => Reparacion.Pausar(ctx),
            Workflows.CommandType.COMPLETAR when op == Operacion.REPARACION => Reparacion.Completar(ctx),
            Workflows.CommandType.CANCELAR when op == Operacion.REPARACION => Reparacion.Cancelar(ctx),
            Workflows.CommandType.PAUSAR => PausarCompletar.Pausar(ctx),
            Workflows.CommandType.COMPLETAR => PausarCompletar.Completar(ctx),
            Workflows.CommandType.CANCELAR => Cancelar.Decide(ctx),
            Workflows.CommandType.METROLOGIA => Metrologia.Decide(ctx),
            Workflows.CommandType.NOTA => Nota.Decide(ctx),
            Workflows.CommandType.LIBERAR => Supervisor.Liberar(ctx),
            Workflows.CommandType.DESBLOQUEAR => Supervisor.Desbloquear(ctx),
            Workflows.CommandType.DEFINIR_UNIONES => DefinirUniones.Decide(ctx),
            _ => throw Errors.Entrada("tipo de comando desconocido").Throw(),
        };
    }
}
