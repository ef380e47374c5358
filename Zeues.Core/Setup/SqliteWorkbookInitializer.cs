using Zeues.Core.Workbook;
using Zeues.Core.Workbook.Sqlite;


namespace Zeues.Core.Setup;

/// <summary>Creates the embedded workbook's sheets on first run and seeds them; adds missing expected columns.</summary>
public static class SqliteWorkbookInitializer
{
    public static async Task InitializeAsync(SqliteWorkbook workbook, Func<SheetRows>? seed, CancellationToken ct = default)
    {
        var isNew = (await workbook.SheetNamesAsync(ct)).Count == 0;
        foreach (var sheet in Sheets.All) await workbook.EnsureSheetAsync(sheet, WorkbookSchema.Template[sheet], ct);
        await workbook.EnsureSheetAsync(Sheets.Listas, WorkbookSchema.ListasHeaders, ct);
        await AddExpectedColumnsAsync(workbook, ct);
        if (isNew && seed is not null) await SeedAsync(workbook, seed(), ct);
    }

    /// <summary>DOMAIN 1.2: in the embedded workbook a missing expected column is created at the end of the header row.</summary>
    public static async Task AddExpectedColumnsAsync(SqliteWorkbook workbook, CancellationToken ct = default)
    {
        foreach (var sheet in Sheets.All) await workbook.AddMissingColumnsAsync(sheet, WorkbookSchema.Expected[sheet], ct);
    }

    public static Task SeedAsync(SqliteWorkbook workbook, SheetRows rows, CancellationToken ct = default)
    {
        var appends = Sheets.All
            .SelectMany(sheet => (rows.GetValueOrDefault(sheet) ?? []).Select(r => new RowAppend(sheet, r)))
            .ToList();
        return workbook.ApplyAsync(new WorkbookBatch([], appends, new Dictionary<string, HeaderMap>()), ct);
    }
}
