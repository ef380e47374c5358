using System.Globalization;
using System.Text;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Queries;

/// <summary>CSV exports for the plant's spreadsheets: ';'-separated (Spanish Excel), UTF-8 with BOM, formula-guarded cells.</summary>
public static class Csv
{
    public static byte[] Board(DashboardSnapshot board, IEnumerable<SpoolView> spools) => Write(
        ["TAG", "NV", "Versión", "Estado", "Operación", "Ocupado por", "Desde", "Transcurrido", "Ciclo", "Estado_Detalle"],
        spools.Select(s => new[]
        {
            s.Tag, s.Nv, s.Version.Label(), s.DisplayLabel, s.DisplayOperacion?.Nombre(), s.Occupant,
            CellWriter.Timestamp(s.OccupiedSince), s.Elapsed, s.Cycle >= 1 ? $"{s.Cycle}/3" : null, s.EstadoDetalle,
        }));

    public static byte[] Record(DailyRecord record) => Write(
        ["Fecha", "Trabajador", "TAG", "NV", "Operación", "Unión", "N_UNION", "DN", "Tipo", "Inicio", "Fin"],
        record.Groups.SelectMany(g => g.Lines).Select(l => new[]
        {
            CellWriter.Date(record.Date), record.Worker.Token, l.Tag, l.Nv, l.Operacion.ToString(), l.UnionId, l.NUnion.ToString(CultureInfo.InvariantCulture),
            Pulgadas.Text(l.Dn), l.Tipo, CellWriter.Timestamp(l.Inicio), CellWriter.Timestamp(l.Fin),
        }).Concat(record.V3Completions.Select(c => new[]
        {
            CellWriter.Date(record.Date), record.Worker.Token, c.Tag, c.Nv, c.Operacion.ToString(), "v3.0 completado", null, null, null, null, null,
        })));

    private static byte[] Write(IReadOnlyList<string> header, IEnumerable<string?[]> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(';', header.Select(Cell)));
        foreach (var row in rows) sb.AppendLine(string.Join(';', row.Select(Cell)));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Cell(string? value)
    {
        var text = CellWriter.Text(value) ?? "";
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
