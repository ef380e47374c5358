using Zeues.Core.Domain;

namespace Zeues.Core.Queries;

/// <summary>
/// The (operation, action) pairs a spool offers, each judged by <see cref="CommandRules"/>: the card
/// buttons of "Mis spools" (DOMAIN 7.1) and the entries of GET /api/spools/{tag}/acciones (FLOOR F1).
/// </summary>
public static class SpoolActions
{
    private static readonly CommandType[] OccupantCommands = [CommandType.FINALIZAR, CommandType.COMPLETAR, CommandType.PAUSAR, CommandType.CANCELAR];

    /// <summary>The buttons of the occupant's card: exactly the ending commands the rule book allows now, so another version's path is never offered.</summary>
    public static IReadOnlyList<CommandType> ForOccupant(Spool spool, Worker? occupant)
    {
        if (!spool.IsOccupied || occupant is null || spool.OccupantId != occupant.Id) return [];
        var op = spool.OccupationOp;
        return OccupantCommands.Where(t => CommandRules.Allows(spool, occupant, Request(spool, t, op, Actor.ForWorker(occupant.Id)))).ToList();
    }

    /// <summary>FLOOR F1: one (operation, action) per pair that exists for the spool's version, in the order of the worker's operations.</summary>
    public static IEnumerable<(Operacion Operacion, CommandType Type)> Pairs(Spool spool, IEnumerable<Operacion> operaciones) =>
        operaciones.SelectMany(op => Commands(spool, op).Select(t => (op, t)));

    private static CommandType[] Commands(Spool spool, Operacion op) => op switch
    {
        Operacion.METROLOGIA => [CommandType.METROLOGIA],
        Operacion.REPARACION => [CommandType.INICIAR, CommandType.PAUSAR, CommandType.COMPLETAR, CommandType.CANCELAR],
        _ when spool.Version == SpoolVersion.V4 => [CommandType.INICIAR, CommandType.FINALIZAR, CommandType.CANCELAR],
        _ => [CommandType.INICIAR, CommandType.PAUSAR, CommandType.COMPLETAR, CommandType.CANCELAR],
    };

    /// <summary>
    /// The request a prediction judges: FINALIZAR with some available union (an empty selection
    /// when there is none), METROLOGIA as an inspection.
    /// </summary>
    public static CommandRequest Request(Spool spool, CommandType type, Operacion op, Actor actor) => type switch
    {
        CommandType.METROLOGIA => new CommandRequest(Guid.Empty, type, spool.Tag, actor, Resultado: ResultadoMetrologia.APROBADO),
        CommandType.FINALIZAR => new CommandRequest(Guid.Empty, type, spool.Tag, actor, op,
            spool.Unions.Where(u => u.AvailableFor(op)).Take(1).Select(spool.UnionId).ToList()),
        _ => new CommandRequest(Guid.Empty, type, spool.Tag, actor, op),
    };

    /// <summary>
    /// The operation a tap on a free spool starts (a supervisor's watch list mixes every state): the
    /// display operation, or none for approved, blocked, occupied and data-error spools. The command decides the rest.
    /// </summary>
    public static Operacion? StartFor(SpoolView spool) =>
        spool.Occupant is not null || spool.DisplayState is DisplayState.APROBADO or DisplayState.BLOQUEADO or DisplayState.ERROR_DATOS
            ? null
            : spool.DisplayOperacion;
}
