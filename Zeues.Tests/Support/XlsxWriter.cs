using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Zeues.Core.Setup;
using Zeues.Core.Workbook;

namespace Zeues.Tests.Support;

/// <summary>A cell written as an inline string (<c>t="inlineStr"</c>) instead of a shared string.</summary>
public sealed record XlsxInline(string Text);

/// <summary>A shared string made of rich-text runs (each run its own formatting, as Excel and Google write them).</summary>
public sealed record XlsxRichText(params string[] Runs);

/// <summary>A number with a date number format: the sheet shows a date, the file holds the serial.</summary>
public sealed record XlsxDate(double Serial);

/// <summary>A formula with its cached result (a string or a number).</summary>
public sealed record XlsxFormula(string Formula, object Cached);

/// <summary>One sheet to write: rows from row 1 (the header); a null cell is left out of the XML, leaving a gap.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes a real .xlsx package through the Open XML SDK (workbook, shared strings, styles, one
/// worksheet per sheet) so the import is tested against the file layout spreadsheet programs produce.
/// </summary>
public static class XlsxWriter
{
    private const uint DateStyle = 1;

    /// <summary>Every sheet of the rows, header first (the embedded template's headers), values placed by header name.</summary>
    public static IReadOnlyList<XlsxSheet> FromSheetRows(SheetRows rows) => Core.Workbook.Sheets.All.Select(sheet =>
    {
        var headers = WorkbookSchema.Template[sheet];
        var map = new HeaderMap(headers.ToList());
        var data = (rows.GetValueOrDefault(sheet) ?? []).Select(row =>
        {
            var cells = new object?[headers.Count];
            foreach (var (column, value) in row) cells[map.IndexOf(column)] = AsCell(column, value);
            return (IReadOnlyList<object?>)cells;
        });
        return new XlsxSheet(sheet, [headers.Cast<object?>().ToList(), .. data]);
    }).ToList();

    /// <summary>A serial in a date column is written date-formatted, as the office's spreadsheet holds it.</summary>
    private static object? AsCell(string column, object? value) =>
        value is double serial && column.StartsWith("Fecha", StringComparison.OrdinalIgnoreCase) ? new XlsxDate(serial) : value;

    public static void Write(string path, IEnumerable<XlsxSheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
        var shared = new SharedStrings(workbook.AddNewPart<SharedStringTablePart>());
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();

        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(new DocumentFormat.OpenXml.Spreadsheet.SheetData(sheet.Rows.Select((row, r) =>
                new Row(row.Select((value, c) => value is null ? null : Cell(ColumnName(c) + (r + 1), value, shared)).OfType<Cell>())
                {
                    RowIndex = (uint)(r + 1),
                })));
            workbook.Workbook.Sheets!.Append(new Sheet { Name = sheet.Name, SheetId = id++, Id = workbook.GetIdOfPart(part) });
        }
        shared.Save();
    }

    private static Cell Cell(string reference, object value, SharedStrings shared)
    {
        var cell = new Cell { CellReference = reference };
        switch (value)
        {
            case string text:
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(shared.Add(new SharedStringItem(Text(text))));
                break;
            case XlsxRichText rich:
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(shared.Add(new SharedStringItem(rich.Runs.Select((run, i) =>
                    i == 0 ? new Run(new RunProperties(new Bold()), Text(run)) : new Run(Text(run))))));
                break;
            case XlsxInline inline:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(Text(inline.Text));
                break;
            case bool flag:
                cell.DataType = CellValues.Boolean;
                cell.CellValue = new CellValue(flag ? "1" : "0");
                break;
            case XlsxDate date:
                cell.StyleIndex = DateStyle;
                cell.CellValue = new CellValue(date.Serial.ToString("R", CultureInfo.InvariantCulture));
                break;
            case XlsxFormula { Cached: string text } formula:
                cell.DataType = CellValues.String;
                cell.CellFormula = new CellFormula(formula.Formula);
                cell.CellValue = new CellValue(text);
                break;
            case XlsxFormula formula:
                cell.CellFormula = new CellFormula(formula.Formula);
                cell.CellValue = new CellValue(Number(formula.Cached));
                break;
            default:
                cell.CellValue = new CellValue(Number(value));
                break;
        }
        return cell;
    }

    private static string Number(object value) => value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture)!;

    private static Text Text(string text) => new(text)
    {
        Space = text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) ? SpaceProcessingModeValues.Preserve : null,
    };

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>Default style 0 plus style 1 with the built-in date format 14 (m/d/yyyy).</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font()) { Count = 1 },
        new Fills(new Fill()) { Count = 1 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(new CellFormat { NumberFormatId = 0 }, new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });

    /// <summary>The shared string table; identical items are stored once, as spreadsheet programs do.</summary>
    private sealed class SharedStrings(SharedStringTablePart part)
    {
        private readonly List<SharedStringItem> _items = [];
        private readonly Dictionary<string, int> _index = [];

        public string Add(SharedStringItem item)
        {
            var key = item.OuterXml;
            if (!_index.TryGetValue(key, out var i))
            {
                _items.Add(item);
                _index[key] = i = _items.Count - 1;
            }
            return i.ToString(CultureInfo.InvariantCulture);
        }

        public void Save() => part.SharedStringTable = new SharedStringTable(_items) { Count = (uint)_items.Count, UniqueCount = (uint)_items.Count };
    }
}
