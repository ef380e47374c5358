using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Workflows.Commands;

/// <summary>Preconditions shared by several commands, each raising its DOMAIN 8 error.</summary>
internal static class Guard
{
    public static void NoDataError(Spool s)
    {
        if (s.HasDataError) throw Errors.DatosInvalidos(s.Tag, s.DataErrors[0]).Throw();
    }

    public static void NotBlocked(Spool s)
    {
        if (s.IsBloqueado) throw Errors.SpoolBloqueado(s.Tag).Throw();
    }

    public static void Free(Spool s)
    {
        if (s.IsOccupied)
            throw Errors.SpoolOcupado(s.Tag, s.OcupadoPor, CellWriter.Timestamp(s.FechaOcupacion)).Throw();
    }

    /// <summary>DOMAIN 4.3 rows 4-6: occupied, by this worker, for this operation.</summary>
    public static void OccupiedByMeFor(CommandContext ctx, Operacion op)
    {
        var s = ctx.Spool;
        if (!s.IsOccupied) throw Errors.NoOcupado(s.Tag).Throw();
        if (s.OccupantId != ctx.Worker?.Id) throw Errors.NoEsOcupante(s.Tag, s.OcupadoPor).Throw();
        if (s.OccupationOp != op) throw Errors.OtraOperacion(s.Tag, s.OccupationOp, op).Throw();
    }

    public static string Motivo(string? texto)
    {
        var motivo = texto?.Trim() ?? "";
        if (motivo.Length is < 3 or > 200) throw Errors.Entrada("el motivo debe tener entre 3 y 200 caracteres").Throw();
        return motivo;
    }
}
