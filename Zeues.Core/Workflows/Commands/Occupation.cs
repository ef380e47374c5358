using System.Text.Json.Nodes;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Workflows.Commands;

/// <summary>Starting and ending an occupation, and the JSON every ending event carries.</summary>
internal static class Occupation
{
    public static Spool Start(CommandContext ctx, Operacion op) =>
        ctx.Spool with { OcupadoPor = ctx.Token, FechaOcupacion = ctx.Now, OccupationOverride = op };

    public static Spool Clear(Spool s) => s with { OcupadoPor = null, FechaOcupacion = null, OccupationOverride = null };

    /// <summary>fecha_ocupacion and duracion_min of the occupation being ended.</summary>
    public static JsonObject Ending(CommandContext ctx)
    {
        var since = ctx.Spool.FechaOcupacion;
        return new JsonObject
        {
            ["fecha_ocupacion"] = CellWriter.Timestamp(since),
            ["duracion_min"] = since is { } s ? Durations.WholeMinutes(s, ctx.Now) : null,
        };
    }
}
