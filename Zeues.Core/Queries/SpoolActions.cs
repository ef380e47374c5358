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
}
