using Zeues.Core.Workbook;

namespace Zeues.Tests.Support;

/// <summary>What the office does to the spreadsheet by hand between two commands, on either provider.</summary>
public static class OfficeEdits
{
    /// <summary>Rewrites a sheet's data rows: <paramref name="change"/> gets them in sheet order and returns the new order (sorted, with rows inserted or removed).</summary>
    public static async Task OfficeRewriteAsync(this TestPlant plant, string sheet, Func<SheetData, IEnumerable<IReadOnlyList<object?>>> change)
    {
        var data = await plant.SheetAsync(sheet);
        var rows = change(data).ToList();
        if (plant.FakeSheets is { } fake)
        {
            fake.ReplaceRows(sheet, rows);
            return;
        }
        var numbered = new List<SheetRow> { new(1, data.Header.Headers.Cast<object?>().ToList()) };
        numbered.AddRange(rows.Select((r, i) => new SheetRow(i + 2, r)));
        await plant.Workbook.ReplaceSheetsAsync([(sheet, numbered)]);
    }

    /// <summary>The office sorts a sheet by a column, descending.</summary>
    public static Task OfficeSortDescendingAsync(this TestPlant plant, string sheet, string column) =>
        plant.OfficeRewriteAsync(sheet, data => data.Rows.OrderByDescending(r => CellReader.Text(data.Get(r, column)), StringComparer.Ordinal).Select(r => r.Cells));

    /// <summary>The office inserts rows (values by header name) above data row <paramref name="before"/> (a sheet row number).</summary>
    public static Task OfficeInsertRowsAsync(this TestPlant plant, string sheet, int before, params IReadOnlyDictionary<string, object?>[] rows) =>
        plant.OfficeRewriteAsync(sheet, data =>
        {
            var cells = data.Rows.Select(r => r.Cells).ToList();
            cells.InsertRange(before - 2, rows.Select(values => Row(data.Header, values)));
            return cells;
        });

    /// <summary>The office deletes one row (a sheet row number).</summary>
    public static Task OfficeDeleteRowAsync(this TestPlant plant, string sheet, int row) =>
        plant.OfficeRewriteAsync(sheet, data => data.Rows.Where(r => r.RowNumber != row).Select(r => r.Cells));

    /// <summary>
    /// The office deletes sheet rows <paramref name="first"/>..<paramref name="last"/>: the rows below move up,
    /// and on Google the sheet's grid shrinks with them (rows past its end no longer exist).
    /// </summary>
    public static Task OfficeDeleteRowsAsync(this TestPlant plant, string sheet, int first, int last)
    {
        if (plant.FakeSheets is { } fake)
        {
            fake.DeleteRows(sheet, first, last);
            return Task.CompletedTask;
        }
        return plant.OfficeRewriteAsync(sheet, data => data.Rows.Where(r => r.RowNumber < first || r.RowNumber > last).Select(r => r.Cells));
    }

    /// <summary>The office appends rows (values by header name) below the last one.</summary>
    public static async Task OfficeAppendAsync(this TestPlant plant, string sheet, params IReadOnlyDictionary<string, object?>[] rows)
    {
        var header = (await plant.SheetAsync(sheet)).Header;
        await plant.Store.ApplyAsync(new WorkbookBatch([], rows.Select(r => new RowAppend(sheet, r)).ToList(),
            new Dictionary<string, HeaderMap> { [sheet] = header }));
    }

    private static IReadOnlyList<object?> Row(HeaderMap header, IReadOnlyDictionary<string, object?> values)
    {
        var cells = new object?[header.Count];
        foreach (var (column, value) in values) cells[header.IndexOf(column)] = value is int i ? (double)i : value;
        return cells;
    }
}
