using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Zeues.Core.Queries;

/// <summary>
/// An export as an Excel workbook (one sheet, header row frozen), for supervisors who open it in
/// Excel. Cells are inline text, so Excel never evaluates a value as a formula and no guard is needed.
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Board(IEnumerable<SpoolView> spools) => Write("Tablero", ExportTable.Board(spools));

    public static byte[] Record(DailyRecord record) => Write("Registro", ExportTable.Record(record));

    public static byte[] Write(string sheetName, ExportTable table)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new Sheets());
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData(new[] { table.Header.ToArray() }.Concat(table.Rows.Select(r => (string[])r!))
                .Select((row, r) => new Row(row.Select(value => value is null ? null : Text(value)).OfType<Cell>()) { RowIndex = (uint)(r + 1) }));
            var frozenHeader = new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 });
            part.Worksheet = new Worksheet(frozenHeader, data);
            workbook.Workbook.Sheets!.Append(new Sheet { Name = sheetName, SheetId = 1, Id = workbook.GetIdOfPart(part) });
        }
        return stream.ToArray();
    }

    private static Cell Text(string value) => new(new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }))
    {
        DataType = CellValues.InlineString,
    };
}
