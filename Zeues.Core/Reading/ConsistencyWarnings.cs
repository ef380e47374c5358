using Zeues.Core.Domain;

namespace Zeues.Core.Reading;

/// <summary>DOMAIN 3.3: admin-only warnings, never blocking.</summary>
internal static class ConsistencyWarnings
{
    public static IReadOnlyList<string> Of(IEnumerable<Spool> spools)
    {
        var warnings = new List<string>();
        foreach (var s in spools.Where(s => !s.HasDataError))
        {
            foreach (var u in s.Unions)
            {
                var id = s.UnionId(u);
                if (u.Ot is not null && s.Ot is not null && !u.Ot.Equals(s.Ot, StringComparison.OrdinalIgnoreCase))
                    warnings.Add($"{s.Tag}: la unión {id} tiene OT {u.Ot} distinto del spool ({s.Ot})");
                if (u.Welded && !u.Armed) warnings.Add($"{s.Tag}: la unión {id} está soldada pero no armada");
                if (u.ArmWorker is not null && !u.Armed) warnings.Add($"{s.Tag}: la unión {id} tiene ARM_WORKER sin ARM_FECHA_FIN");
                if (u.SolWorker is not null && !u.Welded) warnings.Add($"{s.Tag}: la unión {id} tiene SOL_WORKER sin SOL_FECHA_FIN");
                if (u.Tipo is null) warnings.Add($"{s.Tag}: la unión {id} no tiene TIPO_UNION");
            }
            if (s.Version == SpoolVersion.V4)
            {
                if (s.ArmComplete != (s.FechaArmado is not null)) warnings.Add($"{s.Tag}: uniones y Fecha_Armado no coinciden");
                if (!s.SoldNoAplica && s.SoldComplete != (s.FechaSoldadura is not null)) warnings.Add($"{s.Tag}: uniones y Fecha_Soldadura no coinciden");
            }
        }
        return warnings;
    }
}
