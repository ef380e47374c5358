using System.Globalization;

using Zeues.Core.Domain;

namespace Zeues.Core.Workbook.GoogleSheets;

/// <summary>
/// Turns one <see cref="WorkbookBatch"/> into ONE spreadsheets.batchUpdate body (updateCells +
/// appendCells + deleteDimension), which Google applies atomically. Text goes as stringValue, so Google never
/// reinterprets a date, number or formula written by ZEUES (DOMAIN 1.5).
/// </summary>
public static class SheetsRequests
{
    public const string Fields = "userEnteredValue";

    public static BatchUpdateSpreadsheetRequest Build(WorkbookBatch batch, IReadOnlyDictionary<string, int> sheetIds,
        IReadOnlyCollection<string>? added = null)
    {
        var requests = Structure(batch, sheetIds, added ?? []);
        foreach (var update in batch.Updates)
        {
            var header = batch.Headers[update.Sheet];
            var column = header.IndexOf(update.Column);
            if (column < 0) throw Errors.EsquemaInvalido(update.Sheet, update.Column).Throw();
            requests.Add(new Request(UpdateCells: new UpdateCellsRequest(
                new GridCoordinate(sheetIds[update.Sheet], update.Row - 1, column), [new RowData([Cell(update.Value)])], Fields)));
        }
        foreach (var group in batch.Appends.GroupBy(a => a.Sheet))
        {
            var header = batch.Headers[group.Key];
            var rows = group.Select(append =>
            {
                var cells = Enumerable.Range(0, header.Count).Select(_ => new CellData(null)).ToArray();
                foreach (var (column, value) in append.Values)
                {
                    var index = header.IndexOf(column);
                    if (index < 0) throw Errors.EsquemaInvalido(append.Sheet, column).Throw();
                    cells[index] = Cell(value);
                }
                return new RowData(cells);
            }).ToList();
            requests.Add(new Request(AppendCells: new AppendCellsRequest(sheetIds[group.Key], rows, Fields)));
        }
        // Last and bottom-up, so every row number still means the row the batch was decided on.
        foreach (var delete in batch.RowDeletes)
            requests.Add(new Request(DeleteDimension: new DeleteDimensionRequest(
                new DimensionRange(sheetIds[delete.Sheet], "ROWS", delete.RowNumber - 1, delete.RowNumber))));
        return new BatchUpdateSpreadsheetRequest(requests);
    }

    /// <summary>
    /// The batch's new sheets, in front of its cells: addSheet (explicit sheetId) plus the header row
    /// for each sheet in <paramref name="added"/>.
    /// </summary>
    public static List<Request> Structure(WorkbookBatch batch, IReadOnlyDictionary<string, int> sheetIds, IReadOnlyCollection<string> added)
    {
        var requests = new List<Request>();
        foreach (var create in batch.SheetCreates.Where(c => added.Contains(c.Sheet)))
        {
            var id = sheetIds[create.Sheet];
            requests.Add(new Request(AddSheet: new AddSheetRequest(new SheetProperties(id, create.Sheet, null, "GRID", null))));
            requests.Add(new Request(AppendCells: new AppendCellsRequest(id, [new RowData(create.Headers.Select(h => Cell(h)).ToList())], Fields)));
        }
        return requests;
    }

    public static CellData Cell(object? value) => value switch
    {
        null => new CellData(null),
        string s when s.Length == 0 => new CellData(null),
        string s => new CellData(new ExtendedValue(StringValue: s)),
        bool b => new CellData(new ExtendedValue(BoolValue: b)),
        double d => new CellData(new ExtendedValue(NumberValue: d)),
        decimal m => new CellData(new ExtendedValue(NumberValue: (double)m)),
        int i => new CellData(new ExtendedValue(NumberValue: i)),
        long l => new CellData(new ExtendedValue(NumberValue: l)),
        _ => new CellData(new ExtendedValue(StringValue: Convert.ToString(value, CultureInfo.InvariantCulture))),
    };
}
