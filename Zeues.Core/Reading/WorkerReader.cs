using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Reading;

/// <summary>Trabajadores and Roles (DOMAIN 2.1, 2.2). Inactive workers are kept only to tell WORKER_INACTIVO apart.</summary>
internal static class WorkerReader
{
    public static IReadOnlyDictionary<int, Worker> Read(SheetData trabajadores, SheetData roles, List<DataError> issues)
    {
        var rows = new Dictionary<int, (string Nombre, string Apellido, bool Activo)>();
        foreach (var row in trabajadores.Rows)
        {
            if (row.IsEmpty) continue;
            var cells = new RowCells(trabajadores, row);
            var nombre = cells.Text(Col.Nombre);
            var apellido = cells.Text(Col.Apellido);
            if (!CellReader.TryInteger(cells.Raw(Col.WorkerId), out var id) || id is not > 0 || nombre is null || apellido is null)
            {
                issues.Add(new DataError(Sheets.Trabajadores, row.RowNumber, Col.WorkerId, cells.Text(Col.WorkerId), "Trabajador con Id, Nombre o Apellido inválido"));
                continue;
            }
            if (!rows.TryAdd((int)id.Value, (nombre, apellido, cells.IsTrue(Col.Activo))))
                issues.Add(new DataError(Sheets.Trabajadores, row.RowNumber, Col.WorkerId, cells.Text(Col.WorkerId), "Id repetido: se usa la primera fila"));
        }

        var rolesById = new Dictionary<int, List<Rol>>();
        foreach (var row in roles.Rows)
        {
            if (row.IsEmpty) continue;
            var cells = new RowCells(roles, row);
            if (!cells.IsTrue(Col.Activo)) continue;
            var valid = CellReader.TryInteger(cells.Raw(Col.WorkerId), out var id) && id is not null
                && rows.TryGetValue((int)id.Value, out var w) && w.Activo;
            if (!valid || !TryParseRol(cells.Text(Col.Rol), out var rol))
            {
                issues.Add(new DataError(Sheets.Roles, row.RowNumber, Col.Rol, cells.Text(Col.Rol), "Rol ignorado: valor desconocido o trabajador no activo"));
                continue;
            }
            var list = rolesById.TryGetValue((int)id!.Value, out var l) ? l : rolesById[(int)id.Value] = [];
            if (!list.Contains(rol)) list.Add(rol);
        }

        return rows.ToDictionary(
            r => r.Key,
            r => new Worker(r.Key, r.Value.Nombre, r.Value.Apellido, r.Value.Activo,
                r.Value.Activo && rolesById.TryGetValue(r.Key, out var rs) ? rs : []));
    }

    /// <summary>A Roles cell names a role as the plant writes it: case, accents and spacing do not matter (DOMAIN 1.2 normalization).</summary>
    private static bool TryParseRol(string? text, out Rol rol)
    {
        var key = HeaderNormalizer.Normalize(text);
        foreach (var candidate in Enum.GetValues<Rol>())
        {
            if (HeaderNormalizer.Normalize(candidate.ToString()) == key) { rol = candidate; return true; }
        }
        rol = default;
        return false;
    }
}
