using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Reading;

/// <summary>Uniones rows grouped by TAG_SPOOL, the only membership key (DOMAIN 3.3).</summary>
internal sealed record UnionGroup(List<Union> Unions, List<DataError> Errors, List<string?> Ots);

internal static class UnionReader
{
    public static Dictionary<string, UnionGroup> Read(SheetData sheet)
    {
        var groups = new Dictionary<string, UnionGroup>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in sheet.Rows)
        {
            if (row.IsEmpty) continue;
            var cells = new RowCells(sheet, row);
            var tag = cells.Text(Col.TagSpool);
            if (tag is null) continue;
            var group = groups.TryGetValue(tag, out var g) ? g : groups[tag] = new UnionGroup([], [], []);

            if (!CellReader.TryInteger(cells.Raw(Col.NUnion), out var n) || n is not >= 1)
                cells.Fail(Col.NUnion, "debe ser un entero mayor o igual a 1");
            else if (group.Unions.Any(u => u.NUnion == n))
                cells.Fail(Col.NUnion, $"repetido en el spool (N_UNION {n})");
            if (!CellReader.TryDecimal(cells.Raw(Col.DnUnion), out var dn) || dn is not > 0)
                cells.Fail(Col.DnUnion, $"debe ser un número mayor que 0 (N_UNION {cells.Text(Col.NUnion)})");

            var union = new Union(
                row.RowNumber, (int)(n ?? 0), dn ?? 0, cells.Text(Col.TipoUnion)?.ToUpperInvariant(), cells.Text(Col.Ot),
                cells.Timestamp(Col.ArmInicio), cells.Timestamp(Col.ArmFin), cells.Text(Col.ArmWorker),
                cells.Timestamp(Col.SolInicio), cells.Timestamp(Col.SolFin), cells.Text(Col.SolWorker));

            group.Ots.Add(union.Ot);
            if (cells.Errors.Count > 0) group.Errors.AddRange(cells.Errors.Select(e => e with { Tag = tag }));
            else group.Unions.Add(union);
        }
        foreach (var group in groups.Values) group.Unions.Sort((a, b) => a.NUnion.CompareTo(b.NUnion));
        return groups;
    }
}
