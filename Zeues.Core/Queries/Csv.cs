using System.Text;
using Zeues.Core.Workbook;

namespace Zeues.Core.Queries;

/// <summary>CSV exports for the plant's spreadsheets: ';'-separated (Spanish Excel), UTF-8 with BOM, formula-guarded cells.</summary>
public static class Csv
{
    public static byte[] Board(DashboardSnapshot board, IEnumerable<SpoolView> spools) => Write(ExportTable.Board(spools));

    public static byte[] Record(DailyRecord record) => Write(ExportTable.Record(record));

    private static byte[] Write(ExportTable table)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(';', table.Header.Select(Cell)));
        foreach (var row in table.Rows) sb.AppendLine(string.Join(';', row.Select(Cell)));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Cell(string? value)
    {
        var text = CellWriter.Text(value) ?? "";
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
