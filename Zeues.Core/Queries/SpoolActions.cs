using Zeues.Core.Domain;
using Zeues.Core.Workflows;

namespace Zeues.Core.Queries;

/// <summary>
/// DOMAIN 7.1 "Mis spools" actions: exactly what the spool's version and occupation allow, so a page
/// never offers another version's path.
/// </summary>
public static class SpoolActions
{
    public static IReadOnlyList<CommandType> ForOccupant(SpoolView spool) => spool.OperacionEnCurso switch
    {
        null => [],
        Operacion.REPARACION => [CommandType.COMPLETAR, CommandType.PAUSAR, CommandType.CANCELAR],
        _ when spool.Version == SpoolVersion.V4 => [CommandType.FINALIZAR, CommandType.CANCELAR],
        _ => [CommandType.COMPLETAR, CommandType.PAUSAR, CommandType.CANCELAR],
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
