using System.Globalization;
using System.Xml.Linq;

namespace Zeues.Core.Workbook.Xlsx;

/// <summary>
/// One worksheet part → rows of unformatted cells (DOMAIN 1.4): strings, numbers as doubles, booleans,
/// null for empty cells. Number formats are ignored on purpose, so a date-formatted cell stays its
/// serial number, exactly what the Google API returns for an unformatted read.
/// </summary>
internal static class XlsxSheetParser
{
    public static IReadOnlyList<SheetRow> Parse(XDocument sheet, IReadOnlyList<string> sharedStrings)
    {
        var rows = new List<SheetRow>();
        var data = sheet.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "sheetData");
        if (data is null) return rows;
        var previousRow = 0;
        foreach (var row in data.Elements().Where(e => e.Name.LocalName == "row"))
        {
            // r is optional in the format: a row without it follows the previous one.
            var number = int.TryParse((string?)row.Attribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : previousRow + 1;
            previousRow = number;
            rows.Add(new SheetRow(number, Cells(row, sharedStrings)));
        }
        return rows;
    }

    private static List<object?> Cells(XElement row, IReadOnlyList<string> sharedStrings)
    {
        var cells = new List<object?>();
        foreach (var cell in row.Elements().Where(e => e.Name.LocalName == "c"))
        {
            var reference = (string?)cell.Attribute("r");
            var index = reference is null ? cells.Count : CellReference.ColumnIndex(reference);
            if (index < 0) index = cells.Count;
            // Columns skipped in the XML are empty cells: pad so every value keeps its column.
            while (cells.Count <= index) cells.Add(null);
            cells[index] = Value(cell, sharedStrings);
        }
        return cells;
    }

    private static object? Value(XElement cell, IReadOnlyList<string> sharedStrings)
    {
        var type = (string?)cell.Attribute("t") ?? "n";
        if (type == "inlineStr")
            return cell.Elements().FirstOrDefault(e => e.Name.LocalName == "is") is { } inline ? XlsxText.Of(inline) : null;

        // A formula cell holds its last computed result in v; that cached value is what the sheet shows.
        var v = cell.Elements().FirstOrDefault(e => e.Name.LocalName == "v")?.Value;
        if (v is null) return null;
        return type switch
        {
            "s" => SharedString(v, sharedStrings),
            "b" => v.Trim() == "1",
            "str" or "e" => v,
            "d" => DateTime.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? CellReader.ToSerial(date)
                : v,
            _ => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw new InvalidDataException($"Celda {(string?)cell.Attribute("r")}: «{v}» no es un número."),
        };
    }

    private static string SharedString(string v, IReadOnlyList<string> sharedStrings) =>
        int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < sharedStrings.Count
            ? sharedStrings[i]
            : throw new InvalidDataException($"Texto compartido {v} inexistente.");
}
