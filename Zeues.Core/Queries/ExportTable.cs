using System.Globalization;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Queries;

/// <summary>The board and a worker's day as a header and text rows: one table, written as CSV or .xlsx.</summary>
public sealed record ExportTable(IReadOnlyList<string> Header, IReadOnlyList<string?[]> Rows)
{
    public static ExportTable Board(IEnumerable<SpoolView> spools) => new(
        ["TAG", "NV", "Versión", "Estado", "Operación", "Ocupado por", "Desde", "Transcurrido", "Ciclo", "Estado_Detalle"],
        spools.Select(s => new[]
        {
            s.Tag, s.Nv, s.Version.Label(), s.DisplayLabel, s.DisplayOperacion?.Nombre(), s.Occupant,
            CellWriter.Timestamp(s.OccupiedSince), s.Elapsed, s.Cycle >= 1 ? $"{s.Cycle}/3" : null, s.EstadoDetalle,
        }).ToList());

    public static ExportTable Record(DailyRecord record) => new(
        ["Fecha", "Trabajador", "TAG", "NV", "Operación", "Unión", "N_UNION", "DN", "Tipo", "Inicio", "Fin"],
        record.Groups.SelectMany(g => g.Lines).Select(l => new[]
        {
            CellWriter.Date(record.Date), record.Worker.Token, l.Tag, l.Nv, l.Operacion.ToString(), l.UnionId, l.NUnion.ToString(CultureInfo.InvariantCulture),
            Pulgadas.Text(l.Dn), l.Tipo, CellWriter.Timestamp(l.Inicio), CellWriter.Timestamp(l.Fin),
        }).Concat(record.V3Completions.Select(c => new[]
        {
            CellWriter.Date(record.Date), record.Worker.Token, c.Tag, c.Nv, c.Operacion.ToString(), "v3.0 completado", null, null, null, null, null,
        })).ToList());
}
