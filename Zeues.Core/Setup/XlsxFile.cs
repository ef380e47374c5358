using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Zeues.Core.Workbook;

namespace Zeues.Core.Setup;

/// <summary>
/// Reads a .xlsx download of the plant spreadsheet through the Open XML SDK: sheet names, then each
/// sheet's cells unformatted (DOMAIN 1.4): strings, numbers as doubles, booleans, null for empty
/// cells. Number formats are ignored on purpose, so a date-formatted cell stays its serial number,
/// exactly what the Google API returns for an unformatted read.
/// </summary>
public sealed partial class XlsxFile : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly Dictionary<string, WorksheetPart> _sheets = new(StringComparer.OrdinalIgnoreCase);
    private readonly IReadOnlyList<string> _sharedStrings;

    private XlsxFile(SpreadsheetDocument document)
    {
        _document = document;
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("Falta el libro (workbook.xml).");
        var names = new List<string>();
        foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Name?.Value is not { } name || sheet.Id?.Value is not { } id) continue;
            if (!workbook.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet) continue;
            names.Add(name);
            _sheets.TryAdd(name, worksheet);
        }
        SheetNames = names;
        _sharedStrings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(TextOf).ToList() ?? [];
    }

    /// <summary>Sheet names in workbook order (tab order).</summary>
    public IReadOnlyList<string> SheetNames { get; }

    public static XlsxFile Open(string path)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(path, isEditable: false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw new InvalidDataException($"{path} no es un archivo .xlsx.", ex);
        }
        try
        {
            return new XlsxFile(document);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or OpenXmlPackageException)
        {
            document.Dispose();
            throw new InvalidDataException($"{path} no es un archivo .xlsx legible: {ex.Message}", ex);
        }
    }

    /// <summary>Rows of one sheet (found case-insensitively) with their sheet row numbers; row 1 is the header.</summary>
    public IReadOnlyList<SheetRow>? ReadSheet(string name)
    {
        if (!_sheets.TryGetValue(name, out var part)) return null;
        try
        {
            var rows = new List<SheetRow>();
            var previous = 0;
            foreach (var row in part.Worksheet.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.SheetData>()?.Elements<Row>() ?? [])
            {
                // r is optional in the format: a row without it follows the previous one.
                var number = row.RowIndex?.Value is { } index ? (int)index : previous + 1;
                previous = number;
                rows.Add(new SheetRow(number, Cells(row)));
            }
            return rows;
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or OpenXmlPackageException)
        {
            throw new InvalidDataException($"No se pudo leer la hoja {name}: {ex.Message}", ex);
        }
    }

    public void Dispose() => _document.Dispose();

    private List<object?> Cells(Row row)
    {
        var cells = new List<object?>();
        foreach (var cell in row.Elements<Cell>())
        {
            var index = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : -1;
            if (index < 0) index = cells.Count;
            // Columns skipped in the XML are empty cells: pad so every value keeps its column.
            while (cells.Count <= index) cells.Add(null);
            cells[index] = Value(cell);
        }
        return cells;
    }

    private object? Value(Cell cell)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? TextOf(inline) : null;

        // A formula cell holds its last computed result in v; that cached value is what the sheet shows.
        var v = cell.CellValue?.Text;
        if (v is null) return null;
        if (type == CellValues.SharedString)
            return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Count
                ? _sharedStrings[i]
                : throw new InvalidDataException($"Texto compartido {v} inexistente.");
        if (type == CellValues.Boolean) return v.Trim() == "1";
        if (type == CellValues.String || type == CellValues.Error) return v;
        if (type == CellValues.Date)
            return DateTime.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? CellReader.ToSerial(date) : v;
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new InvalidDataException($"Celda {cell.CellReference?.Value}: «{v}» no es un número.");
    }

    /// <summary>
    /// A shared or inline string: its own text plus each rich-text run's. Phonetic runs are reading
    /// aids, not cell text, so only direct children count (InnerText would include them).
    /// </summary>
    private static string TextOf(OpenXmlCompositeElement item) =>
        Unescape(item.GetFirstChild<Text>()?.Text + string.Concat(item.Elements<Run>().Select(r => r.Text?.Text)));

    /// <summary>SpreadsheetML writes characters XML cannot hold (e.g. a carriage return) as <c>_xHHHH_</c>; the SDK leaves them as written.</summary>
    private static string Unescape(string text) => text.Contains("_x", StringComparison.Ordinal)
        ? Escaped().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
        : text;

    /// <summary>"A1" → 0, "Z9" → 25, "AA10" → 26; -1 when the reference has no column letters.</summary>
    private static int ColumnIndex(string reference)
    {
        var column = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch)) break;
            column = column * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
            letters++;
        }
        return letters == 0 ? -1 : column - 1;
    }

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex Escaped();
}
