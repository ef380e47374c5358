using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Reading;

/// <summary>Operaciones rows joined with their unions. A row that does not parse becomes a data error on its TAG.</summary>
internal static class SpoolReader
{
    public static List<Spool> Read(SheetData sheet, Dictionary<string, UnionGroup> unions, List<DataError> issues)
    {
        var spools = new List<Spool>();
        foreach (var row in sheet.Rows)
        {
            if (row.IsEmpty) continue;
            var cells = new RowCells(sheet, row);
            var tag = cells.Text(Col.TagSpool);
            if (tag is null)
            {
                issues.Add(new DataError(Sheets.Operaciones, row.RowNumber, Col.TagSpool, "", "Fila con datos y TAG_SPOOL vacío"));
                continue;
            }
            spools.Add(ReadRow(cells, tag, unions.GetValueOrDefault(tag)));
        }

        // Duplicate TAGs: every row of that TAG is a data error, listing all of them.
        foreach (var dup in spools.GroupBy(s => s.Tag, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).ToList())
        {
            var rows = string.Join(", ", dup.Select(s => s.RowNumber));
            foreach (var spool in dup)
            {
                var error = new DataError(Sheets.Operaciones, spool.RowNumber, Col.TagSpool, spool.Tag, $"TAG_SPOOL repetido en las filas {rows}", spool.Tag);
                spools[spools.IndexOf(spool)] = spool with { DataErrors = [.. spool.DataErrors, error] };
            }
        }

        var known = spools.Select(s => s.Tag).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (tag, group) in unions.Where(u => !known.Contains(u.Key)))
            issues.Add(new DataError(Sheets.Uniones, group.Unions.Select(u => u.RowNumber).Concat(group.Errors.Select(e => e.Fila)).Min(),
                Col.TagSpool, tag, "Uniones de un TAG que no existe en Operaciones"));
        return spools;
    }

    private static Spool ReadRow(RowCells cells, string tag, UnionGroup? group)
    {
        var ot = cells.Text(Col.Ot);
        var fechaQc = cells.Date(Col.FechaQc);
        var estado = cells.Text(Col.EstadoDetalle);
        var spool = new Spool
        {
            RowNumber = cells.Row,
            Tag = tag,
            Ot = ot,
            Nv = cells.Text(Col.Nv),
            FechaMateriales = cells.Date(Col.FechaMateriales),
            FechaArmado = cells.Date(Col.FechaArmado),
            Armador = cells.Text(Col.Armador),
            FechaSoldadura = cells.Date(Col.FechaSoldadura),
            Soldador = cells.Text(Col.Soldador),
            FechaQc = fechaQc,
            OcupadoPor = cells.Text(Col.OcupadoPor),
            FechaOcupacion = cells.Timestamp(Col.FechaOcupacion),
            EstadoDetalle = estado,
            Notas = cells.Text(Col.Notas),
            StoredCounters = new SpoolCounters(
                (int?)cells.Hint(Col.TotalUniones), (int?)cells.Hint(Col.ArmCompletadas), (int?)cells.Hint(Col.SoldCompletadas),
                cells.Hint(Col.PulgadasArm), cells.Hint(Col.PulgadasSold)),
            HasUnionRows = group is not null,
            Unions = group?.Unions ?? [],
            Quality = QualityTrack.Read(fechaQc is not null, estado),
        };

        var errors = new List<DataError>(cells.Errors.Select(e => e with { Tag = tag }));
        if (group is not null)
        {
            errors.AddRange(group.Errors);
            if (ot is null) errors.Add(new DataError(Sheets.Operaciones, cells.Row, Col.Ot, "", "Spool con uniones y OT vacío", tag));
        }
        return spool with { DataErrors = errors };
    }
}
